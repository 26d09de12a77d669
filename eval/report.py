"""Tables on the terminal, side-by-side comparisons, and the Markdown report with its bar chart.

Examples:
    python -m eval compare eval/out/baseline.json eval/out/corpus.json
    python -m eval report eval/out/corpus.json eval/out/baseline.json --out eval/out/report.md
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from eval.aggregate import LATENCY_METRICS, rates
from eval.metrics import QuestionResult
from eval.run import RunResult, load_run

METRIC_ORDER = ("answered_right", "fact_accuracy", "list_precision", "list_recall", "list_precision_macro",
                "list_recall_macro", "summary_accuracy", "compare_accuracy", "topic_accuracy", "abstention_accuracy",
                "false_abstentions", "citation_validity", "llm_sentences_dropped", "follow_up_accuracy", "turn_accuracy",
                "p50_ms", "p95_ms",
                "questions", "passed")
LOWER_IS_BETTER = {"p50_ms", "p95_ms", "false_abstentions"}


def fmt(value: object, name: str = "") -> str:
    """Rates to 3 decimals, milliseconds to 1, counts as they are, missing as a dash."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if name in LATENCY_METRICS else f"{value:.3f}"
    return str(value)


def metric_rows(run: RunResult) -> list[tuple[str, str]]:
    values = run.metrics.model_dump()
    return [(name, fmt(values.get(name), name)) for name in METRIC_ORDER if name in values]


def why(r: QuestionResult) -> str:
    """A few words on why a question failed."""
    if r.error:
        return r.error[:60]
    if r.kind == "unanswerable":
        return "answered instead of abstaining"
    if r.abstained:
        return "abstained"
    if r.kind in ("fact", "compare"):
        return "; ".join(part for ok, part in ((r.answer_found, "answer not in text"),
                                               (r.body_cited, "no expected body cited")) if not ok)
    if r.kind == "summary":
        return "fewer than 2 citations, or one about another body"
    if r.kind == "topic":
        return "no cited quote holds an expected phrase"
    return f"P={fmt(r.precision)} R={fmt(r.recall)}"


def failures(run: RunResult) -> list[QuestionResult]:
    return [r for r in run.questions if not r.passed]


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int] = ()) -> str:
    widths = list(widths) or [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    cells = [[str(c)[:w].ljust(w) for c, w in zip(row, widths)] for row in [header, *rows]]
    lines = ["  ".join(row).rstrip() for row in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def failure_rows(run: RunResult) -> list[list[str]]:
    return [[r.id, r.kind, why(r), ", ".join(r.predicted_bodies) or "—", ", ".join(r.expected_bodies) or "—",
             f"{r.citations_valid}/{r.citations}"] for r in failures(run)]


FAILURE_HEADER = ("id", "kind", "why", "predicted", "expected", "valid cites")


def half_rows(run: RunResult) -> tuple[list[str], list[list[str]]]:
    """The test half first, then the development half, then all: one column each."""
    names = [*run.halves, "all"]
    values = [m.model_dump() for m in run.halves.values()] + [run.metrics.model_dump()]
    rows = [[metric, *(fmt(v.get(metric), metric) for v in values)] for metric in METRIC_ORDER
            if any(v.get(metric) is not None for v in values)]
    return ["metric", *names], rows


def print_run(run: RunResult) -> None:
    print(f"\n{run.config}: {run.metrics.questions} questions, {run.metrics.passed} passed")
    if len(run.halves) > 1:
        header, rows = half_rows(run)
        print(text_table(header, rows))
    else:
        print(text_table(("metric", "value"), metric_rows(run)))
    rows = failure_rows(run)
    if rows:
        print(f"\nfailures ({len(rows)}):")
        print(text_table(FAILURE_HEADER, rows, widths=(22, 12, 34, 40, 40, 11)))


def delta(name: str, a: object, b: object) -> str:
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return ""
    diff = b - a
    better = diff < 0 if name in LOWER_IS_BETTER else diff > 0
    mark = "" if diff == 0 else (" better" if better else " worse")
    if isinstance(diff, int):
        return f"{diff:+d}{mark}"
    return f"{diff:+.1f}{mark}" if name in LATENCY_METRICS else f"{diff:+.3f}{mark}"


def compare_rows(a: RunResult, b: RunResult) -> list[list[str]]:
    va, vb = a.metrics.model_dump(), b.metrics.model_dump()
    return [[n, fmt(va.get(n), n), fmt(vb.get(n), n), delta(n, va.get(n), vb.get(n))] for n in METRIC_ORDER if n in va]


def compare_text(a: RunResult, b: RunResult, names: tuple[str, str]) -> str:
    return text_table(("metric", names[0], names[1], "delta (B - A)"), compare_rows(a, b))


# --- Markdown and chart ---
def md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"
    return "\n".join([line(header), line(["---"] * len(header)), *(line(r) for r in rows)])


def chart(runs: Sequence[RunResult], png: Path) -> Path:
    """Grouped bars: the 0..1 metrics, and latency on its own axis, one colour per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(dict.fromkeys(k for r in runs for k in rates(r.metrics.model_dump())))
    fig, (ax, lat) = plt.subplots(1, 2, figsize=(12, 4.5), gridspec_kw={"width_ratios": [3, 1]})
    width = 0.8 / max(len(runs), 1)
    for i, run in enumerate(runs):
        values = rates(run.metrics.model_dump())
        xs = [j + i * width for j in range(len(names))]
        bars = ax.bar(xs, [values.get(n, 0.0) for n in names], width, label=run.config)
        ax.bar_label(bars, fmt="%.2f", fontsize=7)
        ms = [run.metrics.model_dump().get(n) or 0.0 for n in LATENCY_METRICS]
        lat.bar([j + i * width for j in range(2)], ms, width, label=run.config)
    ax.set_xticks([j + width * (len(runs) - 1) / 2 for j in range(len(names))], names, rotation=20, fontsize=8)
    ax.set_ylim(0, 1.25)
    ax.set_title("Answer quality (higher is better)")
    ax.legend(loc="upper right", ncol=len(runs))
    lat.set_xticks([j + width * (len(runs) - 1) / 2 for j in range(2)], list(LATENCY_METRICS))
    lat.set_title("Latency of /ask, ms (lower is better)")
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)
    return png


def report_markdown(run: RunResult, others: Sequence[RunResult], png_name: str) -> str:
    parts = [f"# Evaluation: {run.config}", "",
             f"Questions: `{run.questions_file or '—'}`; conversations: `{run.conversations_file or '—'}`; "
             f"index: `{run.index}`; run at {run.created}.", ""]
    runs = [run, *others]
    va = [r.metrics.model_dump() for r in runs]
    rows = [[n, *(fmt(v.get(n), n) for v in va)] for n in METRIC_ORDER if n in va[0]]
    parts += ["## Metrics", "", md_table(["metric", *(r.config for r in runs)], rows), "",
              f"![metrics by configuration]({png_name})", ""]
    fails = failure_rows(run)
    parts += [f"## Failures of {run.config} ({len(fails)} of {run.metrics.questions})", ""]
    parts += [md_table(FAILURE_HEADER, fails) if fails else "None.", ""]
    return "\n".join(parts)


def write_report(run: RunResult, others: Sequence[RunResult], md: Path) -> Path:
    md.parent.mkdir(parents=True, exist_ok=True)
    png = chart([run, *others], md.with_suffix(".png"))
    md.write_text(report_markdown(run, others, png.name), encoding="utf-8")
    return md


# --- subcommands ---
def compare_main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval compare", description="Two runs' metrics side by side.")
    ap.add_argument("a", type=Path, help="results JSON (A)")
    ap.add_argument("b", type=Path, help="results JSON (B)")
    args = ap.parse_args(argv)
    a, b = load_run(args.a), load_run(args.b)
    print(compare_text(a, b, (f"A: {a.config}", f"B: {b.config}")))
    return 0


def report_main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval report",
                                 description="Markdown report and chart of a run beside other runs.")
    ap.add_argument("run", type=Path, help="results JSON whose failures are listed")
    ap.add_argument("others", type=Path, nargs="*", help="results JSON of other configurations")
    ap.add_argument("--out", type=Path, help="report path (default: RUN with .md)")
    args = ap.parse_args(argv)
    md = write_report(load_run(args.run), [load_run(p) for p in args.others], args.out or args.run.with_suffix(".md"))
    print(f"wrote {md}")
    return 0
