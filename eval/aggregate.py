"""The run's metrics over every scored question: accuracy by kind, list precision and recall (micro and macro),
abstention, citation validity, follow-ups and latency percentiles."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from eval.metrics import Metrics, QuestionResult, list_counts, ratio


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * pct / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def list_metrics(results: Sequence[QuestionResult]) -> dict[str, float | None]:
    lists = [r for r in results if r.kind == "list"]
    if not lists:
        return {"list_precision": None, "list_recall": None, "list_precision_macro": None, "list_recall_macro": None}
    counts = [list_counts(r.predicted_bodies, r.expected_bodies, r.optional_bodies) for r in lists]
    tp, n_pred, n_gold = (sum(c[i] for c in counts) for i in range(3))
    return {"list_precision": ratio(tp, n_pred, empty=0.0), "list_recall": ratio(tp, n_gold, empty=1.0),
            "list_precision_macro": _mean([r.precision for r in lists]),
            "list_recall_macro": _mean([r.recall for r in lists])}


def follow_up_metrics(results: Sequence[QuestionResult]) -> dict[str, float | None]:
    turns = [r for r in results if r.conversation is not None]
    later = [r for r in turns if (r.turn or 1) > 1]
    return {"follow_up_accuracy": ratio(sum(r.passed for r in later), len(later)),
            "turn_accuracy": ratio(sum(r.passed for r in turns), len(turns))}


def kind_accuracy(results: Sequence[QuestionResult], kind: str) -> float | None:
    of_kind = [r for r in results if r.kind == kind]
    return ratio(sum(r.passed for r in of_kind), len(of_kind))


def compute_metrics(results: Sequence[QuestionResult]) -> Metrics:
    facts = [r for r in results if r.kind == "fact"]
    abstain_right = [r.abstained == (r.kind == "unanswerable") for r in results]
    n_cites = sum(r.citations for r in results)
    latencies = [r.latency_ms for r in results]
    return Metrics(
        fact_accuracy=ratio(sum(r.passed for r in facts), len(facts)),
        abstention_accuracy=ratio(sum(abstain_right), len(results)),
        citation_validity=ratio(sum(r.citations_valid for r in results), n_cites),
        p50_ms=_round(percentile(latencies, 50)), p95_ms=_round(percentile(latencies, 95)),
        false_abstentions=sum(r.abstained and r.kind != "unanswerable" for r in results),
        questions=len(results), passed=sum(r.passed for r in results),
        answered_right=ratio(sum(r.passed for r in results), len(results)),
        summary_accuracy=kind_accuracy(results, "summary"), compare_accuracy=kind_accuracy(results, "compare"),
        topic_accuracy=kind_accuracy(results, "topic"), llm_sentences_dropped=_dropped_share(results),
        **list_metrics(results), **follow_up_metrics(results))


def _dropped_share(results: Sequence[QuestionResult]) -> float | None:
    kept = sum(r.prose_kept or 0 for r in results)
    dropped = sum(r.prose_dropped or 0 for r in results)
    return ratio(dropped, kept + dropped)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


RATE_METRICS = ("fact_accuracy", "list_precision", "list_recall", "abstention_accuracy", "citation_validity",
                "follow_up_accuracy", "summary_accuracy", "compare_accuracy", "topic_accuracy")
LATENCY_METRICS = ("p50_ms", "p95_ms")


def rates(metrics: Mapping[str, object]) -> dict[str, float]:
    """The 0..1 metrics that are present (for charts and floors)."""
    return {k: float(v) for k in RATE_METRICS if isinstance((v := metrics.get(k)), (int, float))}
