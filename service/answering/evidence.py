"""Evidence: sentences of the reports that bear on a question's topic, each with its page, its offsets and
its topical score; gathered for one report's question (from the pages retrieval points at) or for every
report in a scope at once (one full-text query over the scope, grouped by report)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.catalog import Catalog
from ingest.models import Chunk, ReportMeta
from service.answering.areas import AreaNames
from service.answering.text import Span, line_windows, split_sentences, squash
from service.answering.topic import TermStats, Topic
from service.answering.verdict import Polarity
from service.answering.verify import quote_is_on_page
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
class Tools:
    """What answering needs from the opened index: built once per process; ``areas`` is replaced when the
    reports table is re-read."""

    library: Library
    search: HybridSearch
    stats: TermStats
    areas: AreaNames


def newest_first(library: Library, report_ids: list[str]) -> list[ReportMeta]:
    """The reports, the latest published first (undated ones last; equal dates keep their order)."""
    return sorted((library.reports[r] for r in report_ids), key=lambda m: str(m.published or ""), reverse=True)


def search_within(search: HybridSearch, query: str, ids: list[str] | None, k: int, dense: bool = True) -> list[Chunk]:
    """Retrieval restricted to report ids (None = all), best chunks first: lexical and dense rankings fused,
    or lexical alone (no query embedding) when ``dense`` is False."""
    if ids == []:
        return []
    depth = max(search.depth, k * 3)
    rankings = [search.lexical(query, depth, ids)]
    if dense:
        rankings.append(search.dense(search.library.embeddings.embed_query(query), depth, ids))
    return [hit.chunk for hit in search.hits(fuse(rankings), k)]


def page_count(catalog: Catalog, ids: list[str]) -> int:
    marks = ",".join("?" * len(ids))
    return int(catalog.db.execute(f"SELECT count(*) FROM pages WHERE report_id IN ({marks})", ids).fetchone()[0])


def page_sentences(library: Library, chunks: list[Chunk], extra_pages: list[tuple[str, int]]) -> list[Evidence]:
    """Every sentence of the pages the chunks lie on (and of ``extra_pages``), best-ranked pages first;
    a sentence inside a retrieved chunk carries a rank bonus in ``score``, and each its chunk's section."""
    pages = list(dict.fromkeys([(c.report_id, c.page) for c in chunks] + extra_pages))
    known: dict[str, list[Chunk]] = {}
    out = []
    for report_id, page in pages:
        meta, text = library.reports.get(report_id), library.catalog.page_text(report_id, page)
        if meta is None or text is None:
            continue
        ranked = [(rank, c) for rank, c in enumerate(chunks) if c.report_id == report_id and c.page == page]
        for span in split_sentences(text):
            rank, chunk = next(((r, c) for r, c in ranked if c.start <= span.start < c.end), (None, None))
            section = chunk.section if chunk else _section_at(library, known, report_id, page, span.start)
            out.append(Evidence(meta, page, section, span, 0.0 if rank is None else 0.1 / (rank + 1)))
    return out


def table_rows(library: Library, report_ids: list[str], ends: re.Pattern[str], pages: int = 2) -> list[Evidence]:
    """Two- and three-line runs of the opening pages (where grade tables are) that end as a row's value does
    (``ends``, e.g. a grade), as candidate quotes."""
    out = []
    for report_id in report_ids:
        meta = library.reports.get(report_id)
        for page in range(1, pages + 1):
            text = library.catalog.page_text(report_id, page)
            if meta is None or text is None:
                break
            out += [Evidence(meta, page, None, span) for size in (2, 3) for span in line_windows(text, size)
                    if ends.search(span.quote)]
    return out


def _section_at(library: Library, known: dict[str, list[Chunk]], report_id: str, page: int, offset: int) -> str | None:
    if report_id not in known:
        known[report_id] = library.catalog.report_chunks(report_id)
    return next((c.section for c in known[report_id] if c.page == page and c.start <= offset < c.end), None)


def scope_sentences(library: Library, stats: TermStats, topic: Topic, ids: list[str],
                    per_report: int = 12) -> dict[str, list[Evidence]]:
    """For every report in ``ids``: the sentences of its best full-text chunks for the topic's words."""
    match = stats.match(list(topic.weights))
    if match is None or not ids:
        return {}
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
    for report_id in ids:  # the opening page too: a report's own summary block is not always in a chunk
        _add_opening_page(library, report_id, out)
    return out


def _add_opening_page(library: Library, report_id: str, out: dict[str, list[Evidence]]) -> None:
    meta, text = library.reports.get(report_id), library.catalog.page_text(report_id, 1)
    if meta is None or text is None:
        return
    have = {(ev.page, ev.quote) for ev in out.get(report_id, [])}
    out.setdefault(report_id, []).extend(
        Evidence(meta, 1, None, span) for span in split_sentences(text) if (1, span.quote) not in have)


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
