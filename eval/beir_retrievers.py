"""Retrievers for ``eval.beir``: functions ``(corpus, queries) -> Run`` where ``Run = {qid: {docid: score}}``
holds the top-100. Indexes are built once per corpus object and memoised in-process."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from eval.beir_index import BM25Index, Corpus, DenseIndex, build_bm25, build_dense, embed
from eval.beir_service import service

Queries = dict[str, str]  # qid -> text
Run = dict[str, dict[str, float]]  # qid -> {docid: score}
Retriever = Callable[[Corpus, Queries], Run]

TOP_K = 100


def ranked(scores: dict[str, float]) -> list[str]:
    """trec_eval order: score descending, ties broken by docid descending (string order)."""
    return [d for d, _ in sorted(scores.items(), key=lambda x: (x[1], x[0]), reverse=True)]


def top_k(scores: np.ndarray, doc_ids: Sequence[str], k: int = TOP_K) -> dict[str, float]:
    k = min(k, len(scores))
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return {doc_ids[i]: float(scores[i]) for i in idx}


# ----------------------------------------------------------------------------------------------------------------
# Fusion
# ----------------------------------------------------------------------------------------------------------------


def rrf(runs: Sequence[dict[str, float]], k: int = 60) -> dict[str, float]:
    """Reciprocal rank fusion of per-query result lists: sum over lists of 1 / (k + rank), rank from 1."""
    out: dict[str, float] = {}
    for r in runs:
        for rank, d in enumerate(ranked(r), start=1):
            out[d] = out.get(d, 0.0) + 1.0 / (k + rank)
    return out


def zscore(r: dict[str, float]) -> tuple[dict[str, float], float]:
    """Scores standardised over the list itself (population std; std 0 -> 1), and the list's minimum z."""
    v = np.array(list(r.values()), dtype=np.float64)
    mu, sd = float(v.mean()), float(v.std()) or 1.0
    return {d: (s - mu) / sd for d, s in r.items()}, float((v.min() - mu) / sd)


def zfuse(lists: Sequence[dict[str, float]], weights: Sequence[float]) -> dict[str, float]:
    """sum_i w_i * z_i(d); a document missing from list i gets that list's minimum z."""
    normed = [zscore(r) for r in lists]
    docs = set().union(*lists)
    return {d: sum(w * n.get(d, lo) for w, (n, lo) in zip(weights, normed)) for d in docs}


def fuse_runs(runs: Sequence[Run], method: str = "zscore", weights: Sequence[float] | None = None) -> Run:
    """Per query, fuse the runs' top-100 lists (weighted z-score, equal weights by default; or RRF k=60);
    keep the top-100."""
    w = list(weights) if weights is not None else [1.0 / len(runs)] * len(runs)
    out: Run = {}
    for q in runs[0]:
        lists = [r[q] for r in runs]
        f = rrf(lists) if method == "rrf" else zfuse(lists, w)
        out[q] = dict(sorted(f.items(), key=lambda x: x[1], reverse=True)[:TOP_K])
    return out


# ----------------------------------------------------------------------------------------------------------------
# Single retrievers
# ----------------------------------------------------------------------------------------------------------------

_MEMO: dict[tuple, object] = {}


def _memo(corpus: Corpus, name: str, build: Callable[[], object]):
    key = (id(corpus), name)
    if key not in _MEMO:
        _MEMO[key] = build()
    return _MEMO[key]


_DENSE_MODES = {"full": ("full", 200, 64), "passages": ("passages", 200, 64),
                "passages128": ("passages", 128, 32), "sentences": ("sentences", 0, 0)}


def _dense_index(corpus: Corpus, name: str) -> DenseIndex:
    mode, max_tokens, overlap = _DENSE_MODES[name]
    return _memo(corpus, f"dense:{name}", lambda: build_dense(corpus, mode, max_tokens, overlap))


def _dense_run(corpus: Corpus, queries: Queries, name: str) -> Run:
    ix = _dense_index(corpus, name)
    s = ix.score(embed(list(queries.values())))
    return {q: top_k(s[j], ix.doc_ids) for j, q in enumerate(queries)}


def bm25(corpus: Corpus, queries: Queries) -> Run:
    """BM25 (bm25s lucene, k1=1.5, b=0.75) over title + " " + text."""
    ix: BM25Index = _memo(corpus, "bm25", lambda: build_bm25(corpus))
    return {q: top_k(ix.score(t), ix.doc_ids) for q, t in queries.items()}


def dense(corpus: Corpus, queries: Queries) -> Run:
    """Cosine to one embedding of title + " " + text per document (truncated at 256 tokens)."""
    return _dense_run(corpus, queries, "full")


def dense_passages(corpus: Corpus, queries: Queries) -> Run:
    """Max cosine over title + passage, sentence windows of <= 200 tokens overlapping by <= 64."""
    return _dense_run(corpus, queries, "passages")


def dense_passages128(corpus: Corpus, queries: Queries) -> Run:
    """Max cosine over title + passage, sentence windows of <= 128 tokens overlapping by <= 32."""
    return _dense_run(corpus, queries, "passages128")


def dense_sentences(corpus: Corpus, queries: Queries) -> Run:
    """Max cosine over the document's single body sentences (no title)."""
    return _dense_run(corpus, queries, "sentences")


# ----------------------------------------------------------------------------------------------------------------
# Fused retrievers
# ----------------------------------------------------------------------------------------------------------------


def rrf_full(corpus: Corpus, queries: Queries) -> Run:
    """RRF (k=60) of bm25 and dense."""
    return fuse_runs([bm25(corpus, queries), dense(corpus, queries)], "rrf")


def hybrid_zscore(corpus: Corpus, queries: Queries) -> Run:
    """Previous default: 0.5 * z(bm25) + 0.5 * z(dense_passages)."""
    return fuse_runs([bm25(corpus, queries), dense_passages(corpus, queries)], "zscore", [0.5, 0.5])


def hybrid_multiview(corpus: Corpus, queries: Queries) -> Run:
    """Default: 0.5 * z(bm25) + 1/6 * (z(dense) + z(dense_passages128) + z(dense_sentences))."""
    runs = [bm25(corpus, queries), dense(corpus, queries), dense_passages128(corpus, queries),
            dense_sentences(corpus, queries)]
    return fuse_runs(runs, "zscore", [0.5, 1 / 6, 1 / 6, 1 / 6])


def hybrid_multiview_p200(corpus: Corpus, queries: Queries) -> Run:
    """As hybrid_multiview with the 200-token passages of dense_passages instead of the 128-token ones."""
    runs = [bm25(corpus, queries), dense(corpus, queries), dense_passages(corpus, queries),
            dense_sentences(corpus, queries)]
    return fuse_runs(runs, "zscore", [0.5, 1 / 6, 1 / 6, 1 / 6])


def hybrid_multiview_w04(corpus: Corpus, queries: Queries) -> Run:
    """As hybrid_multiview with weights 0.4 (bm25) and 0.2 per dense view: a tuned point, not a priori."""
    runs = [bm25(corpus, queries), dense(corpus, queries), dense_passages128(corpus, queries),
            dense_sentences(corpus, queries)]
    return fuse_runs(runs, "zscore", [0.4, 0.2, 0.2, 0.2])


RETRIEVERS: dict[str, Retriever] = {
    "bm25": bm25,
    "dense": dense,
    "dense_passages": dense_passages,
    "dense_passages128": dense_passages128,
    "dense_sentences": dense_sentences,
    "rrf": rrf_full,
    "hybrid_zscore": hybrid_zscore,
    "hybrid_multiview_p200": hybrid_multiview_p200,
    "hybrid_multiview_w04": hybrid_multiview_w04,
    "hybrid_multiview": hybrid_multiview,
    "service": service,
}
DEFAULT = "service"  # the retriever GET /search runs (eval.beir_service)
