"""Evidence: sentences of the reports that bear on a question's topic, each with its page, its offsets and
its topical score; gathered for one report's question (from the pages retrieval points at) or for every
report in a scope at once (one full-text query over the scope, grouped by report)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from collections.abc import Callable

from ingest.catalog import Catalog
from ingest.models import Chunk, ReportMeta
from service.answering.text import Span, split_sentences, squash, stem, words
from service.answering.verify import quote_is_on_page
from service.answering.verdict import Polarity
from service.library import Library
from service.retrieval import HybridSearch, fuse


@dataclass
class Evidence:
    meta: ReportMeta
    page: int
    section: str | None
    span: Span
    score: float = 0.0
    polarity: Polarity | None = None

    @property
    def report_id(self) -> str:
        return self.meta.report_id

    @property
    def quote(self) -> str:
        return self.span.quote


@dataclass
class Topic:
    """What a question is about: stems weighted by rarity; ``required`` stems must all be present."""

    weights: dict[str, float] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)

    def score(self, text: str) -> float:
        """Share of the topic's weight that ``text`` covers (0 when a required word is missing)."""
        present = {stem(w) for w in words(text)}
        if not self.weights or not self.required <= present:
            return 0.0
        return sum(w for s, w in self.weights.items() if s in present) / sum(self.weights.values())


class TermStats:
    """How rare a word is in the index (chunk and report frequencies from the full-text index), cached."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.chunks, self.reports = 0, 0
        self._df: dict[str, tuple[int, int]] = {}

    def df(self, word: str) -> tuple[int, int]:
        """(chunks, reports) that hold ``word`` (stemmed the full-text index's way)."""
        if word not in self._df:
            if not self.chunks:
                self.reports, self.chunks = self.catalog.counts()
            row = self.catalog.db.execute(
                "SELECT count(*), count(DISTINCT report_id) FROM chunks_fts WHERE chunks_fts MATCH ?",
                ('"' + word.replace('"', "") + '"',)).fetchone()
            self._df[word] = (int(row[0]), int(row[1]))
        return self._df[word]

    def idf(self, word: str) -> float:
        chunks = self.df(word)[0]
        return math.log((self.chunks + 1) / (chunks + 0.5))

    def report_share(self, word: str) -> float:
        return self.df(word)[1] / max(1, self.reports)


def make_topic(terms: list[str], stats: TermStats, required: set[str], keep_unseen: bool) -> Topic:
    """A Topic from question words; words found nowhere in the index are dropped unless ``keep_unseen``."""
    weights: dict[str, float] = {}
    for word in terms:
        if not keep_unseen and stats.df(word)[0] == 0:
            continue
        key = stem(word)
        weights[key] = max(weights.get(key, 0.0), stats.idf(word))
    return Topic(weights, {r for r in required if r in weights or keep_unseen}, terms)


def search_within(search: HybridSearch, query: str, ids: list[str] | None, k: int,
                  vector: list[float] | None = None) -> list[Chunk]:
    """Hybrid (lexical + dense) retrieval restricted to report ids (None = all), best chunks first."""
    if ids == []:
        return []
    depth = max(search.depth, k * 3)
    vector = vector or search.library.embeddings.embed_query(query)
    fused = fuse([search.lexical(query, depth, ids), search.dense(vector, depth, ids)])
    return [hit.chunk for hit in search.hits(fused, k)]


def page_sentences(library: Library, chunks: list[Chunk], extra_pages: list[tuple[str, int]]) -> list[Evidence]:
    """Every sentence of the pages the chunks lie on (and of ``extra_pages``), best-ranked pages first;
    a sentence inside a retrieved chunk carries that chunk's section and a rank bonus in ``score``."""
    pages = list(dict.fromkeys([(c.report_id, c.page) for c in chunks] + extra_pages))
    out = []
    for report_id, page in pages:
        meta, text = library.reports.get(report_id), library.catalog.page_text(report_id, page)
        if meta is None or text is None:
            continue
        here = [(rank, c) for rank, c in enumerate(chunks) if c.report_id == report_id and c.page == page]
        for span in split_sentences(text):
            rank, chunk = next(((r, c) for r, c in here if c.start <= span.start < c.end), (None, None))
            bonus = 0.0 if rank is None else 0.1 / (rank + 1)
            out.append(Evidence(meta, page, chunk.section if chunk else None, span, bonus))
    return out


def scope_sentences(library: Library, topic: Topic, ids: list[str], per_report: int = 12) -> dict[str, list[Evidence]]:
    """For every report in ``ids``: the sentences of its best full-text chunks for the topic's words."""
    if not topic.words or not ids:
        return {}
    match = " OR ".join('"' + w.replace('"', "") + '"' for w in topic.words)
    found = library.catalog.lexical_search(match, min(60 * len(ids), 20_000), ids)
    by_report: dict[str, list[str]] = {}
    for chunk_id, _ in found:
        report_id = chunk_id.rsplit(":", 1)[0]
        if len(by_report.setdefault(report_id, [])) < per_report:
            by_report[report_id].append(chunk_id)
    chunks = library.catalog.chunks([cid for cids in by_report.values() for cid in cids])
    out: dict[str, list[Evidence]] = {}
    for chunk in chunks.values():
        meta = library.reports.get(chunk.report_id)
        if meta is None:
            continue
        for span in split_sentences(chunk.text, chunk.start):
            out.setdefault(chunk.report_id, []).append(Evidence(meta, chunk.page, chunk.section, span))
    return out


def provenance_evidence(catalog: Catalog, meta: ReportMeta, key: str) -> Evidence | None:
    """Where ingest read a value (``meta.provenance[key]``), when that quote is really on its page."""
    prov = meta.provenance.get(key)
    if prov is None or prov.page < 1 or not quote_is_on_page(catalog, meta.report_id, prov.page, prov.quote):
        return None
    text = catalog.page_text(meta.report_id, prov.page) or ""
    start = max(text.find(prov.quote), 0)
    return Evidence(meta, prov.page, None, Span(start, start + len(prov.quote), squash(prov.quote)))


def scan_pages(catalog: Catalog, meta: ReportMeta, test: Callable[[str], bool], pages: int = 3) -> Evidence | None:
    """The shortest sentence or line passing ``test`` on the first page that has one (of the first ``pages``)."""
    for page in range(1, pages + 1):
        text = catalog.page_text(meta.report_id, page)
        if text is None:
            return None
        found = [span for span in split_sentences(text) if test(span.quote)]
        if found:
            return Evidence(meta, page, None, min(found, key=lambda s: len(s.quote)))
    return None
