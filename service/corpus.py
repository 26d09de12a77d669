"""The reports' text as answering and search need it: every report's pages, its chunks and its sentences (the
quotable units ingest stored, with their vectors), and the term counts of both.

Held once and compactly: the term counts of all reports stacked in memory (search and ranking read columns of
them); pages and vectors (int8 with one scale per row) in a spill file (``service.spill``), read a report at a
time when a question needs them; a sentence's quote cut from its page when asked for, not kept beside it.

Built from per-report segments: when ingest changes one report, only its segment is read again; the others
are reused. All arrays are indexed by a global row number; ``rows(report_ids)`` gives a scope's rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import sparse

from ingest.catalog import VECTOR_WIDTH, Catalog, StoredReport
from ingest.metadata_text import squash
from ingest.terms import TermCounts
from service.spill import Int8Rows, Pages, Spill
from service.terms import Vocabulary, stack


BATCH = 20  # reports read from the catalog per query (more keeps more freed memory in the heap)
WASTE = 64 << 20  # bytes of replaced reports a spill file may hold beyond its live ones before it is rewritten
BOILERPLATE_SHARE = 0.02  # a sentence this share of the reports print word for word is standard (boilerplate),
BOILERPLATE_LEAST = 3     # ... and at least this many


Counts = tuple[sparse.csr_matrix, sparse.csr_matrix]  # one report's (sentence, chunk) term counts


@dataclass(frozen=True)
class Segment:
    """One version of one report, as read from the catalog; its pages and vectors are in the spill file."""

    report_id: str
    version: str
    pages: Pages
    chunk_ids: list[str]
    chunk_sections: list[str | None]
    chunk_spans: np.ndarray          # (chunks, 3): page, start, end
    spans: np.ndarray                # (sentences, 4): page, start, end, chunk index within the report
    quote_keys: np.ndarray           # a hash of each sentence's quote: the same words in two reports match
    vectors: Int8Rows
    chunk_vectors: Int8Rows

    @classmethod
    def read(cls, catalog: Catalog, report_id: str, version: str, stored: StoredReport, vocabulary: Vocabulary,
             spill: Spill) -> tuple[Segment, Counts]:
        """The segment and its term counts in ``vocabulary``'s columns (held by the corpus, stacked)."""
        pages, chunks, block = stored.pages, stored.chunk_spans, stored.sentences
        spans = block.spans if block is not None else np.zeros((0, 4), np.int32)
        counts = block.counts if block is not None else None  # None: an index made before counts were stored
        counts = counts or TermCounts.of_report(pages, spans, catalog.report_chunks(report_id))
        empty = np.zeros((0, VECTOR_WIDTH), np.float16)
        vectors, chunk_vectors = (block.vectors, block.chunk_vectors) if block is not None else (empty, empty)
        segment = cls(report_id, version, Pages.of(pages, spill), [c[0] for c in chunks], [c[1] for c in chunks],
                      np.array([c[2:] for c in chunks], np.int32).reshape(-1, 3), spans, counts.quote_keys,
                      Int8Rows.of(vectors, spill), Int8Rows.of(chunk_vectors, spill))
        return segment, vocabulary.adopt(counts)

    def spilled(self) -> int:
        """Bytes of the spill file this segment uses."""
        return self.pages.slot.length + self.vectors.slot.length + self.chunk_vectors.slot.length

    def moved(self, spill: Spill) -> Segment:
        return replace(self, pages=self.pages.moved(spill), vectors=self.vectors.moved(spill),
                       chunk_vectors=self.chunk_vectors.moved(spill))


class Corpus:
    """Every segment's rows laid end to end; immutable once built."""

    def __init__(self, segments: list[Segment], counts: list[Counts], vocabulary: Vocabulary, spill: Spill) -> None:
        self.spill = spill
        self.segments = {s.report_id: s for s in segments}
        self.vocabulary = vocabulary
        self.report_ids = [s.report_id for s in segments]
        sizes = np.array([len(s.spans) for s in segments], dtype=np.int64)
        chunk_sizes = np.array([len(s.chunk_ids) for s in segments], dtype=np.int64)
        self._first = dict(zip(self.report_ids, np.concatenate([[0], np.cumsum(sizes)[:-1]]) if segments else []))
        self._first_chunk = dict(zip(self.report_ids, np.concatenate([[0], np.cumsum(chunk_sizes)[:-1]])
                                     if segments else []))
        self.report_of = np.repeat(np.arange(len(segments)), sizes)
        self.chunk_of = np.concatenate([s.spans[:, 3] + self._first_chunk[s.report_id] for s in segments]) \
            if segments else np.zeros(0, np.int64)
        self.chunk_report_of = np.repeat(np.arange(len(segments)), chunk_sizes)
        self.chunk_ids = [cid for s in segments for cid in s.chunk_ids]
        self.chunk_row = {cid: i for i, cid in enumerate(self.chunk_ids)}
        self.width = width = len(vocabulary)  # the vocabulary grows with later snapshots; these matrices do not
        self.page_end = np.concatenate([_last_on_page(s.spans[:, 0]) for s in segments]) if segments \
            else np.zeros(0, bool)  # (a sentence a page break cuts short ends its page)
        self.quote_keys = np.concatenate([s.quote_keys for s in segments]) if segments else np.zeros(0, np.int64)
        self.printed_by = np.maximum(_printed_by([s.quote_keys for s in segments]),  # (before ``stack`` widens
                                     _printed_by([_term_keys(c[0]) for c in counts]))  # the blocks)
        self.boilerplate = self.printed_by >= max(BOILERPLATE_LEAST, int(BOILERPLATE_SHARE * len(segments)))
        self.sentence_counts = stack([c[0] for c in counts], width)
        self.chunk_counts = stack([c[1] for c in counts], width)
        self.sentence_lengths = np.asarray(self.sentence_counts.sum(axis=1)).ravel()
        self.sentences_with = np.asarray((self.sentence_counts > 0).sum(axis=0)).ravel()  # per term
        self.chunk_lengths = np.asarray(self.chunk_counts.sum(axis=1)).ravel()

    @classmethod
    def read(cls, catalog: Catalog, previous: Corpus | None = None, spill_folder: Path | None = None) -> Corpus:
        """The catalog's reports (call inside ``catalog.snapshot()``), reusing unchanged segments of ``previous``;
        pages and vectors go to a spill file in ``spill_folder`` (the system's temporary folder when None)."""
        vocabulary = previous.vocabulary if previous else Vocabulary()
        old = previous.segments if previous else {}
        versions = dict(sorted(catalog.versions().items()))
        kept = [rid for rid, version in versions.items() if rid in old and old[rid].version == version]
        fresh = [rid for rid, version in versions.items() if rid not in old or old[rid].version != version]
        spill = previous.spill if previous else Spill(spill_folder)
        reused = previous.count_blocks(kept) if previous else {}
        segments = {rid: old[rid] for rid in kept}
        if previous and spill.size > 2 * sum(s.spilled() for s in segments.values()) + WASTE:
            spill = Spill(spill_folder)  # removed and replaced reports' bytes: copy the live ones to a new file
            segments = {rid: segment.moved(spill) for rid, segment in segments.items()}
        for start in range(0, len(fresh), BATCH):
            part = fresh[start:start + BATCH]
            stored = catalog.stored_reports(part)
            for rid in part:
                segments[rid], reused[rid] = Segment.read(catalog, rid, versions[rid], stored[rid], vocabulary, spill)
        return cls([segments[rid] for rid in versions], [reused[rid] for rid in versions], vocabulary, spill)

    def count_blocks(self, report_ids: list[str]) -> dict[str, Counts]:
        """These reports' term counts, cut from the stacked matrices (no report keeps a copy of its own)."""
        if not report_ids:
            return {}
        sentences, chunks = self.sentence_counts.tocsr(), self.chunk_counts.tocsr()
        out = {}
        for rid in report_ids:
            first, first_chunk, segment = self._first[rid], self._first_chunk[rid], self.segments[rid]
            out[rid] = (sentences[first:first + len(segment.spans)],
                        chunks[first_chunk:first_chunk + len(segment.chunk_ids)])
        return out

    # --- rows ---
    def rows(self, report_ids: list[str] | None = None) -> np.ndarray:
        """Sentence rows of these reports (every row when None), report by report."""
        if report_ids is None:
            return np.arange(len(self.report_of))
        parts = [np.arange(self._first[r], self._first[r] + len(self.segments[r].spans))
                 for r in report_ids if r in self.segments]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def chunk_rows(self, report_ids: list[str] | None = None) -> np.ndarray | None:
        if report_ids is None:
            return None
        parts = [np.arange(self._first_chunk[r], self._first_chunk[r] + len(self.segments[r].chunk_ids))
                 for r in report_ids if r in self.segments]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def sentence(self, row: int) -> tuple[str, int, int, int, str]:
        """(report id, page, start, end, quote) of a global sentence row."""
        report_id = self.report_ids[self.report_of[row]]
        local = row - self._first[report_id]
        segment = self.segments[report_id]
        page, start, end, _ = (int(x) for x in segment.spans[local])
        return report_id, page, start, end, squash((segment.pages.get(page) or "")[start:end])

    # --- meaning ---
    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """(len(rows), 384) float32 sentence vectors of these global rows."""
        return self._gather(rows, self.report_of, self._first, lambda s: s.vectors)

    def cosines(self, vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Each row's sentence against a normalised vector."""
        return self._gather(rows, self.report_of, self._first, lambda s: s.vectors, vector)

    def chunk_cosines(self, vector: np.ndarray, chunk_rows: np.ndarray) -> np.ndarray:
        return self._gather(chunk_rows, self.chunk_report_of, self._first_chunk, lambda s: s.chunk_vectors, vector)

    def _gather(self, rows: np.ndarray, owner: np.ndarray, first: dict, block: Callable[[Segment], Int8Rows],
                vector: np.ndarray | None = None) -> np.ndarray:
        """Rows of each segment's vectors, report by report, in float32 (times ``vector`` when given): never a
        float32 copy of every report's vectors at once."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.zeros((len(rows), VECTOR_WIDTH) if vector is None else len(rows), dtype=np.float32)
        order = np.argsort(owner[rows], kind="stable")
        owners = owner[rows][order]
        for group in np.split(order, np.flatnonzero(np.diff(owners)) + 1) if len(rows) else []:
            report_id = self.report_ids[owner[rows[group[0]]]]
            part = block(self.segments[report_id]).rows(rows[group] - first[report_id])
            out[group] = part if vector is None else part @ vector
        return out

    def chunk_at(self, chunk_row: int) -> tuple[str, int]:
        """(report id, the chunk's number within its report) of a global chunk row."""
        report_id = self.report_ids[self.chunk_report_of[chunk_row]]
        return report_id, int(chunk_row - self._first_chunk[report_id])

    def section(self, row: int) -> str | None:
        """The section heading of the chunk a sentence row lies in."""
        report_id, local = self.chunk_at(int(self.chunk_of[row]))
        return self.segments[report_id].chunk_sections[local]

    def page_text(self, report_id: str, page: int) -> str | None:
        segment = self.segments.get(report_id)
        return segment.pages.get(page) if segment else None

    def page_numbers(self, report_id: str) -> list[int]:
        segment = self.segments.get(report_id)
        return sorted(segment.pages.bounds) if segment else []

    def columns(self, text: str) -> list[int]:
        """The columns of the text's terms in this snapshot's matrices."""
        return self.vocabulary.query(text, self.width)

    def groups(self, text: str) -> list[list[int]]:
        """Per term of the text, the columns of it and its kin ("leadership": "leader") in this snapshot."""
        return self.vocabulary.groups(text, self.width)

    def unknown(self, text: str) -> int:
        """How many of the text's terms no report of this snapshot uses."""
        return self.vocabulary.unknown(text, self.width)

    def rare(self, word: str) -> bool:
        """True for a word few sentences use (fewer than 20, or than one in a thousand): a name ("Roughton",
        "Seetec"), not a title every report prints ("Chief Executive", "LSCB")."""
        columns = self.columns(word)
        return not columns or int(self.sentences_with[columns[0]]) < max(20, len(self.report_of) / 1000)

    def share(self, text: str) -> float:
        """The largest share of this snapshot's sentences that hold any one term of ``text`` (0 for none)."""
        columns = self.columns(text)
        if not columns or not self.sentence_counts.shape[0]:
            return 0.0
        held = np.asarray((self.sentence_counts[:, columns] > 0).sum(axis=0)).ravel()
        return float(held.max()) / self.sentence_counts.shape[0]

    def holding(self, columns: list[int], rows: np.ndarray | None = None) -> np.ndarray:
        """Per sentence (of ``rows``, else every one), how many of these term columns it holds."""
        counts = self.sentence_counts[:, columns]
        return np.asarray(((counts if rows is None else counts.tocsr()[rows]) > 0).sum(axis=1)).ravel()

    def mentions(self, text: str) -> bool:
        """True when some sentence holds every term of ``text`` ("Children in Care Council" is in a report)."""
        columns = self.columns(text)
        if not columns or self.unknown(text) or not len(self.report_of):
            return False
        return bool((self.holding(columns) == len(columns)).any())

    def reports_using(self, word: str, report_ids: list[str]) -> float:
        """The share of ``report_ids`` with a sentence holding ``word``'s term (0 when it is no term)."""
        columns, rows = self.columns(word), self.rows(report_ids)
        if not columns or not len(rows):
            return 0.0
        held = rows[self.holding(columns[:1], rows) > 0]
        return len(np.unique(self.report_of[held])) / len(report_ids)

    def chunk_count(self) -> int:
        return len(self.chunk_ids)


def _printed_by(keys: list[np.ndarray]) -> np.ndarray:
    """How many reports print each sentence word for word (``BOILERPLATE_SHARE`` of them or more: an inspectorate's
    standard paragraphs, which say nothing about any one report). ``keys``: each report's sentence keys, equal for
    sentences alike (0: none)."""
    if not keys:
        return np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(keys)), [len(k) for k in keys])
    flat = np.concatenate(keys)
    order = np.lexsort((owner, flat))
    sorted_keys, owners = flat[order], owner[order]
    first = np.ones(len(flat), dtype=bool)  # each quote once per report
    first[1:] = (sorted_keys[1:] != sorted_keys[:-1]) | (owners[1:] != owners[:-1])
    quotes, reports = np.unique(sorted_keys[first], return_counts=True)
    return np.where(flat != 0, reports[np.searchsorted(quotes, flat)], 0)


def _last_on_page(pages: np.ndarray) -> np.ndarray:
    """True for each sentence that is the last of its page (of one report's sentences, in page order)."""
    return np.append(pages[1:] != pages[:-1], True) if len(pages) else np.zeros(0, bool)


MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9))


def _term_keys(counts: sparse.csr_matrix) -> np.ndarray:
    """A key of each sentence's terms and their counts: alike whatever its punctuation, apostrophes or hyphens
    ("children's social care, and" / "children’s social care and"); 0 for a sentence of no terms."""
    with np.errstate(over="ignore"):
        mixed = ((counts.indices.astype(np.uint64) + np.uint64(1)) * MIX[0]) ^ (counts.data.astype(np.uint64) * MIX[1])
        sums = np.add.reduceat(np.append(mixed, np.uint64(0)), np.minimum(counts.indptr[:-1], len(mixed)))
    return np.where(np.diff(counts.indptr) > 0, sums, np.uint64(0))
