"""How abstention trades off: for the questions whose answer carries an evidence strength, abstaining below a
threshold t catches unanswerable questions (recall) at the cost of false abstentions on answerable ones
(precision). Printed for each half of a question set, with the service's own threshold marked."""

from __future__ import annotations

from collections.abc import Sequence

from eval.metrics import QuestionResult, ratio

GRID = [round(0.10 + 0.025 * i, 3) for i in range(29)]


def curve(results: Sequence[QuestionResult], thresholds: Sequence[float] = GRID) -> list[dict[str, float | None]]:
    """For each threshold: abstention precision and recall, false abstentions and accuracy."""
    scored = [(r.strength, r.kind == "unanswerable") for r in results if r.strength is not None]
    rows = []
    for t in thresholds:
        abstain = [(s < t, unanswerable) for s, unanswerable in scored]
        right = sum(a and u for a, u in abstain)
        rows.append({"threshold": t, "precision": ratio(right, sum(a for a, _ in abstain), empty=1.0),
                     "recall": ratio(right, sum(u for _, u in abstain), empty=1.0),
                     "false_abstentions": float(sum(a and not u for a, u in abstain)),
                     "accuracy": ratio(sum(a == u for a, u in abstain), len(abstain))})
    return rows


def best_threshold(results: Sequence[QuestionResult]) -> float | None:
    """The threshold with the best accuracy; on a tie the lowest (a false abstention costs more)."""
    rows = curve(results)
    if not rows or rows[0]["accuracy"] is None:
        return None
    return max(rows, key=lambda r: (r["accuracy"], -r["threshold"]))["threshold"]  # type: ignore[return-value]


def print_curves(results: Sequence[QuestionResult], current: float) -> None:
    for half in ("test", "dev"):
        mine = [r for r in results if r.half == half and r.strength is not None]
        if not mine:
            continue
        unanswerable = sum(r.kind == "unanswerable" for r in mine)
        print(f"\nabstention by evidence strength, {half} half ({len(mine)} questions with a strength, "
              f"{unanswerable} unanswerable); the service abstains below {current}:")
        print("  threshold  precision  recall  false abstentions  accuracy")
        for row in curve(mine):
            mark = "  <- service" if abs(row["threshold"] - current) < 1e-9 else ""
            print(f"  {row['threshold']:9.3f}  {_f(row['precision'])}  {_f(row['recall'], 6)}  "
                  f"{int(row['false_abstentions'] or 0):17d}  {_f(row['accuracy'], 8)}{mark}")
        print(f"  best threshold on this half: {best_threshold(mine)}")


def _f(value: float | None, width: int = 9) -> str:
    return f"{value:{width}.3f}" if value is not None else " " * (width - 1) + "—"
