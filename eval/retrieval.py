"""Retrieval quality on the project's question sets: recall@k of the expected reports' organisations.

``python -m eval retrieval --questions FILE --index DIR`` prints recall@10 for lexical only, dense only,
reciprocal-rank fusion and z-score fusion (the default), all in one run over the same index; ``--sweep`` adds
how recall moves with the fusion's parameters (the z-score lexical weight, the RRF k), the figures the
service's defaults are chosen from.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.run import check_index
from service.names import normalise

FUSIONS = ("lexical", "dense", "rrf", "zscore")
LEXICAL_WEIGHTS = [i / 10 for i in range(11)]
RRF_KS = [1, 10, 30, 60, 100, 300]


def expected(question: dict) -> set[str]:
    return {normalise(b) for b in question.get("expected_bodies") or []}


def ranked_bodies(search, query: str, k: int, how: str) -> set[str]:  # type: ignore[no-untyped-def]
    from service.retrieval import fuse

    depth = max(50, 3 * k)
    if how in ("lexical", "dense"):
        vector = search.library.embeddings.embed_query(query)
        ranked = search.lexical(query, depth, None) if how == "lexical" else search.dense(vector, depth, None)
        hits = search.hits(fuse([ranked]), k)
    else:
        search.fusion = how
        hits = search.search(query, k=k)
    return {normalise(h.meta.body or "") for h in hits}


def open_search(index: Path):  # type: ignore[no-untyped-def]
    from ingest.settings import IndexSettings
    from service.library import Library
    from service.retrieval import HybridSearch

    return HybridSearch(Library.open(IndexSettings(index_dir=index)))


def recall(search, questions: list[dict], k: int, how: str) -> float:  # type: ignore[no-untyped-def]
    """Share of the expected organisations found in the top-k results, over the questions that name some."""
    scored = [q for q in questions if expected(q)]
    found = sum(len(expected(q) & ranked_bodies(search, q["question"], k, how)) for q in scored)
    return round(found / max(1, sum(len(expected(q)) for q in scored)), 3)


def recall_at_k(index: Path, questions: list[dict], k: int) -> dict[str, float]:
    search = open_search(index)
    return {how: recall(search, questions, k, how) for how in FUSIONS}


def sensitivity(index: Path, questions: list[dict], k: int) -> dict[str, dict[str, float]]:
    """Recall@k as the fusion's parameters move: the lexical weight of z-score fusion (0 = dense only,
    1 = lexical only; default 0.5) and the k of reciprocal-rank fusion (default 60)."""
    search = open_search(index)
    weights: dict[str, float] = {}
    for weight in LEXICAL_WEIGHTS:
        search.lexical_weight = weight
        weights[f"{weight:.1f}"] = recall(search, questions, k, "zscore")
    search.lexical_weight = 0.5
    ranks: dict[str, float] = {}
    for rrf_k in RRF_KS:
        search.rrf_k = rrf_k
        ranks[str(rrf_k)] = recall(search, questions, k, "rrf")
    return {"zscore_lexical_weight": weights, "rrf_k": ranks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval retrieval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--index", type=Path, default=Path(".data/index"))
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--sweep", action="store_true",
                        help="also how recall moves with the lexical weight (z-score) and k (RRF)")
    args = parser.parse_args(argv)
    check_index(parser, args.index)
    if not args.questions.is_file():
        parser.error(f"no such file: {args.questions}")
    questions = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    figures: dict[str, object] = {"k": args.k, "recall": recall_at_k(args.index, questions, args.k)}
    print(f"recall@{args.k} of expected organisations ({args.questions.name}):")
    for name, value in figures["recall"].items():  # type: ignore[union-attr]
        print(f"  {name:8s} {value:.3f}")
    if args.sweep:
        figures["sensitivity"] = sweep = sensitivity(args.index, questions, args.k)
        for name, row in sweep.items():
            print(f"{name}: " + "  ".join(f"{key}={value:.3f}" for key, value in row.items()))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2))
    return 0
