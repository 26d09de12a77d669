"""Hybrid retrieval of chunks within a scope of reports chosen by filters: lexical (BM25 over the snapshot's chunk
term counts) and dense (chunk vectors in Chroma) rankings fused half and half by their z-scores. (A third view,
each candidate's best single sentence, was measured on SciFact and left out: docs/answering.md.)"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.models import Chunk, ReportMeta
from service.library import Library
from service.names import matches
from service.schemas import Filters
from service.terms import bm25

RRF_K = 60


@dataclass
class Hit:
    chunk: Chunk
    meta: ReportMeta
    score: float


def in_scope(meta: ReportMeta, filters: Filters) -> bool:
    if filters.body and not matches(filters.body, meta):
        return False
    if filters.inspectorate and filters.inspectorate.lower() not in (meta.inspectorate or "").lower():
        return False
    if filters.grade and meta.overall != filters.grade:
        return False
    return published_overlaps(meta, filters)


def published_overlaps(meta: ReportMeta, filters: Filters) -> bool:
    """A report dated "2018" or "March 2018" is in a range that meets any day of that year or month."""
    if not (filters.published_from or filters.published_to):
        return True
    period = meta.published_period()
    if period is None:
        return False
    return not ((filters.published_from and period[1] < filters.published_from)
                or (filters.published_to and period[0] > filters.published_to))


def scope_ids(library: Library, filters: Filters | None) -> list[str] | None:
    """Report ids the filters allow; None when nothing is filtered (every report)."""
    if filters is None or not filters.model_dump(exclude_none=True, exclude={"section"}):
        return None
    return [rid for rid, meta in library.reports.items() if in_scope(meta, filters)]


class HybridSearch:
    """Fuses lexical and dense rankings; both sides see the same report scope."""

    def __init__(self, library: Library, depth: int = 50, fusion: str = "zscore", lexical_weight: float = 0.5,
                 rrf_k: int = RRF_K) -> None:
        self.library, self.depth, self.fusion = library, depth, fusion
        self.lexical_weight, self.rrf_k = lexical_weight, rrf_k  # chosen on the project's question sets

    def lexical_scored(self, query: str, k: int, ids: list[str] | None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) over the chunks of ``ids`` (all when None), best first; idf of the whole index."""
        corpus = self.library.text
        columns = corpus.columns(query)
        scores = bm25(corpus.chunk_counts, corpus.chunk_lengths, columns)
        rows = corpus.chunk_rows(ids)
        if rows is not None:
            inside = np.zeros(len(scores), dtype=bool)
            inside[rows] = True
            scores = np.where(inside, scores, 0.0)
        best = top_k(scores, k)
        return [(corpus.chunk_ids[i], float(scores[i])) for i in best if scores[i] > 0]

    def dense_scored(self, vector: list[float], k: int, ids: list[str] | None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) from Chroma, best first."""
        where = None if ids is None else ({"report_id": ids[0]} if len(ids) == 1 else {"report_id": {"$in": ids}})
        found = self.library.store.collection.query(query_embeddings=[vector], n_results=k, where=where,
                                                    include=["distances"])
        return [(cid, 1.0 - dist) for cid, dist in zip(found["ids"][0], found["distances"][0])]

    def lexical(self, query: str, k: int, ids: list[str] | None) -> list[str]:
        return [cid for cid, _ in self.lexical_scored(query, k, ids)]

    def dense(self, vector: list[float], k: int, ids: list[str] | None) -> list[str]:
        return [cid for cid, _ in self.dense_scored(vector, k, ids)]

    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               vector: list[float] | None = None) -> list[Hit]:
        ids = scope_ids(self.library, filters)
        if ids == []:
            return []
        depth = max(self.depth, k * 3)
        vector = vector or self.library.embeddings.embed_query(query)
        lists = [self.lexical_scored(query, depth, ids), self.dense_scored(vector, depth, ids)]
        fused = fuse([[cid for cid, _ in ranked] for ranked in lists], self.rrf_k) if self.fusion == "rrf" \
            else fuse_z(lists, [self.lexical_weight, 1.0 - self.lexical_weight], floors=[0.0, None])
        section = (filters.section or "").lower() if filters else ""
        return self.hits(fused, k, section)

    def hits(self, fused: list[tuple[str, float]], k: int, section: str = "") -> list[Hit]:
        chunks = self.library.chunks([cid for cid, _ in fused])
        out = []
        for cid, score in fused:
            chunk = chunks.get(cid)
            meta = self.library.reports.get(chunk.report_id) if chunk else None
            if chunk and meta and (not section or section in (chunk.section or "").lower()):
                out.append(Hit(chunk, meta, score))
        return out[:k]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest scores, best first."""
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def fuse(rankings: list[list[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal-rank fusion: each ranking adds 1/(k + rank) to an item's score."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return by_score(scores)


def _zscores(ranked: list[tuple[str, float]], floor: float | None = None) -> tuple[dict[str, float], float]:
    """Each score as standard deviations from the list's mean, and the value for an item the list lacks.
    ``floor`` is the score every unlisted item is known to have (BM25: 0 for a text without any query term);
    it takes part in the mean and spread, so one lone match still stands out. Without it, an unlisted item
    gets the list's lowest z."""
    if not ranked:
        return {}, 0.0
    values = [score for _, score in ranked] + ([floor] if floor is not None else [])
    mean = sum(values) / len(values)
    std = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5 or 1.0
    z = {item: (score - mean) / std for item, score in ranked}
    return z, (floor - mean) / std if floor is not None else min(z.values())


def fuse_z(lists: list[list[tuple[str, float]]], weights: list[float] | None = None,
           floors: list[float | None] | None = None) -> list[tuple[str, float]]:
    """Normalised-score fusion: a weighted sum of per-list z-scores; an item missing from a list gets that
    list's floor z (see ``_zscores``). Keeps how far ahead a result is, which rank fusion throws away."""
    weights = weights or [1.0 / len(lists)] * len(lists)
    normed = [_zscores(ranked, floor) for ranked, floor in zip(lists, floors or [None] * len(lists))]
    items = {item for ranked in lists for item, _ in ranked}
    scores = {item: sum(w * z.get(item, low) for w, (z, low) in zip(weights, normed)) for item in items}
    return by_score(scores)


def by_score(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Best first; equal scores by id, so every process (and every replica) returns the same order."""
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
