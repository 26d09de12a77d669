"""Retrieval quality on the project's question sets: recall@k of the expected reports' organisations.

``python -m eval retrieval --questions FILE --index DIR`` prints recall@10 for lexical only, dense only,
reciprocal-rank fusion and z-score fusion (the default), all in one run over the same index.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from service.names import normalise

FUSIONS = ("lexical", "dense", "rrf", "zscore")


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


def recall_at_k(index: Path, questions: list[dict], k: int) -> dict[str, float]:
    from ingest.settings import IndexSettings
    from service.library import Library
    from service.retrieval import HybridSearch

    search = HybridSearch(Library.open(IndexSettings(index_dir=index)))
    scored = [q for q in questions if expected(q)]
    out = {}
    for how in FUSIONS:
        found = sum(len(expected(q) & ranked_bodies(search, q["question"], k, how)) for q in scored)
        out[how] = round(found / max(1, sum(len(expected(q)) for q in scored)), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval retrieval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--index", type=Path, default=Path(".data/index"))
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    questions = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    figures = recall_at_k(args.index, questions, args.k)
    print(f"recall@{args.k} of expected organisations ({args.questions.name}):")
    for name, value in figures.items():
        print(f"  {name:8s} {value:.3f}")
    if args.out:
        args.out.write_text(json.dumps({"k": args.k, "recall": figures}, indent=2))
    return 0
