"""One report file made ready to embed: parsed, its metadata read, chunked, its quotable sentences placed in
their chunks; and what the model and the store are given for each chunk. Nothing here needs the model, so a
worker process runs it (``ingest.parallel``) while the main process embeds the reports before it."""

from __future__ import annotations

import hashlib
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, Union

import numpy as np

from ingest.catalog import SentenceBlock
from ingest.chunking import TokenCounter, chunk_sections
from ingest.discover import SourceFile
from ingest.loaders import LoadError, load
from ingest.models import Chunk, ParsedDocument, ReportMeta
from ingest.sentences import quote_spans
from ingest.store import Metadata
from ingest.structure import split_sections
from ingest.terms import TermCounts

Status = Literal["ingested", "unchanged", "duplicate", "removed", "skipped", "failed"]


@dataclass
class Outcome:
    path: str
    status: Status
    reason: str = ""
    pages: int = 0
    chunks: int = 0


@dataclass
class Prepared:
    """A parsed report, ready to embed."""

    source: SourceFile
    sha256: str
    doc: ParsedDocument
    meta: ReportMeta
    chunks: list[Chunk]                      # ordered by page and start
    sentences: list[tuple[int, int, int, int]] = field(default_factory=list)  # (page, start, end, chunk index)
    timings: dict[str, float] = field(default_factory=dict)  # seconds spent in "parse" and "chunk"

    def spans_in_chunks(self) -> list[list[tuple[int, int]]]:
        """Each chunk's sentences as character spans of the text the model sees for it (``embedding_text``)."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.chunks]
        for _, start, end, index in self.sentences:
            chunk = self.chunks[index]
            shift = len(embedding_text(self.meta, chunk)) - len(chunk.text)
            out[index].append((start - chunk.start + shift, min(end, chunk.end) - chunk.start + shift))
        return out


def sentences_in_chunks(pages: dict[int, str], chunks: list[Chunk]) -> list[tuple[int, int, int, int]]:
    """The quotable units of every page that begin inside a chunk, as (page, start, end, chunk index); text
    outside every chunk (page furniture) has none."""
    by_page: dict[int, list[tuple[int, int, int]]] = {}
    for index, chunk in enumerate(chunks):
        by_page.setdefault(chunk.page, []).append((chunk.start, chunk.end, index))
    out = []
    for page, ranges in by_page.items():
        starts = [start for start, _, _ in ranges]
        for s, e in quote_spans(pages[page]):
            at = bisect_right(starts, s) - 1
            if at >= 0 and s < ranges[at][1]:
                out.append((page, s, e, ranges[at][2]))
    return out


Parsed = Union[Prepared, "Outcome"]  # a failed parse is an Outcome with its reason


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def prepare(source: SourceFile, sha256: str, count: TokenCounter, budget: int) -> Prepared:
    """Parse one file into metadata and chunks (no model needed; safe to run in a worker process)."""
    from ingest.metadata import extract_metadata

    started = time.perf_counter()
    doc = load(source.path)
    doc.source = source.relative
    meta = extract_metadata(doc, source.report_id)
    parsed = time.perf_counter()
    sections = split_sections(doc)
    pages = {p.number: p.text for p in doc.pages}
    chunks = sorted(chunk_sections(source.report_id, pages, sections, count, budget), key=lambda c: (c.page, c.start))
    if not chunks:
        raise LoadError("no text left to index after removing page furniture")
    sentences = sentences_in_chunks(pages, chunks)
    timings = {"parse": parsed - started, "chunk": time.perf_counter() - parsed}
    return Prepared(source, sha256, doc, meta, chunks, sentences, timings)


def parse_file(source: SourceFile, sha256: str, count: TokenCounter, budget: int) -> Parsed:
    """``prepare``, with any failure turned into a failed Outcome that says why."""
    try:
        return prepare(source, sha256, count, budget)
    except LoadError as exc:
        return Outcome(str(source.path), "failed", str(exc))
    except OSError as exc:
        return Outcome(str(source.path), "failed", f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug must not stop the other files
        return Outcome(str(source.path), "failed", f"could not parse ({type(exc).__name__}: {exc})")


def sentence_block(p: Prepared, chunk_vectors: np.ndarray, pooled: list[np.ndarray]) -> SentenceBlock:
    """The report's sentence rows and vectors, in the order of ``p.sentences`` (chunk by chunk, as pooled)."""
    rows, vectors = [], []
    seen = [0] * len(p.chunks)
    for page, start, end, index in p.sentences:
        rows.append((page, start, end, index))
        vectors.append(pooled[index][seen[index]])
        seen[index] += 1
    spans = np.array(rows, dtype=np.int32).reshape(-1, 4)
    matrix = np.stack(vectors) if vectors else np.zeros((0, chunk_vectors.shape[1]), np.float32)
    counts = TermCounts.of_report({page.number: page.text for page in p.doc.pages}, rows, p.chunks)
    return SentenceBlock(spans, matrix, np.asarray(chunk_vectors), counts)


def embedding_text(meta: ReportMeta, chunk: Chunk) -> str:
    """What the model sees: who the report is about and the section, then the chunk's own text."""
    context = " — ".join(part for part in (meta.body or meta.title, chunk.section) if part)
    return f"{context[:160]}\n{chunk.text}"


def chunk_metadata(meta: ReportMeta, chunk: Chunk) -> Metadata:
    published = meta.published
    return {"report_id": chunk.report_id, "page": chunk.page, "section": chunk.section or "",
            "body": meta.body or "", "inspectorate": meta.inspectorate or "",
            "published": int(published.strftime("%Y%m%d")) if published else 0,
            "year": published.year if published else 0}
