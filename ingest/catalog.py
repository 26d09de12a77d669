"""The catalog: what the vectors do not hold, in one SQLite file beside them or in PostgreSQL (``ingest.sqldb``).

Tables: ``info`` (the fingerprint of the model and chunker that built the index), ``files`` (one row per
ingested file with its content hash: the manifest that makes ingest incremental), ``reports`` (metadata as
JSON), ``pages`` (page text, against which every quote is verified), ``chunks`` (text and spans) and
and ``sentences`` (per report: the quotable units of
its pages as (page, start, end, chunk) rows, one vector each, and its chunk vectors: what answering ranks by
meaning, stored in the same transaction as the report's text so the two never disagree).

A report's rows change in one transaction, so a crash leaves either the old report or the new one. Each such
transaction also raises the index's ``generation`` (in ``info``): a running service reads that one number per
request to notice that the index changed. Readers in other processes see a consistent snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.models import Chunk, Page, ReportMeta
from ingest.sqldb import Database, open_database
from ingest.terms import TERMS_VERSION, TermCounts

VECTOR_WIDTH = 384
SCHEMA = """
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, report_id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
                                 ingested_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);
CREATE TABLE IF NOT EXISTS reports(report_id TEXT PRIMARY KEY, meta TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages(report_id TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL,
                                 PRIMARY KEY(report_id, page));
CREATE TABLE IF NOT EXISTS chunks(chunk_id TEXT PRIMARY KEY, report_id TEXT NOT NULL, page INTEGER NOT NULL,
                                  section TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_report ON chunks(report_id);
CREATE TABLE IF NOT EXISTS sentences(report_id TEXT PRIMARY KEY, spans BLOB NOT NULL, vectors BLOB NOT NULL,
                                     chunk_vectors BLOB NOT NULL, counts BLOB);
"""
ADDED_COLUMNS = {"sentences": {"counts": "BLOB"}}  # added to catalogs made before them (NULL: computed at load)


@dataclass
class SentenceBlock:
    """One report's sentences: ``spans`` (n, 4) int32 rows of (page, start, end, chunk index in the report's
    chunks ordered by page and start), ``vectors`` (n, 384) and ``chunk_vectors`` (chunks, 384), normalised
    (float16 as stored; the service computes in float32), and the term counts of sentences and chunks."""

    spans: np.ndarray
    vectors: np.ndarray
    chunk_vectors: np.ndarray
    counts: TermCounts | None = None

    def blobs(self) -> tuple[bytes, bytes, bytes, bytes | None]:
        return (self.spans.astype(np.int32).tobytes(), self.vectors.astype(np.float16).tobytes(),
                self.chunk_vectors.astype(np.float16).tobytes(), self.counts.blob() if self.counts else None)

    @classmethod
    def from_row(cls, row: Mapping[str, bytes | None]) -> SentenceBlock:
        """From a ``sentences`` row (its spans, vectors, chunk_vectors and counts columns)."""
        return cls.from_blobs(row["spans"], row["vectors"], row["chunk_vectors"], row["counts"])

    @classmethod
    def from_blobs(cls, spans: bytes, vectors: bytes, chunk_vectors: bytes,
                   counts: bytes | None = None) -> SentenceBlock:
        def matrix(blob: bytes, dtype: type, width: int) -> np.ndarray:
            return np.frombuffer(blob, dtype=dtype).reshape(-1, width)

        return cls(matrix(spans, np.int32, 4), matrix(vectors, np.float16, VECTOR_WIDTH),
                   matrix(chunk_vectors, np.float16, VECTOR_WIDTH), TermCounts.from_blob(counts))


@dataclass
class StoredReport:
    """What the service reads of one report: its pages, its chunks' (id, section, page, start, end) in order of
    page and start, and its sentences."""

    pages: dict[int, str]
    chunk_spans: list[tuple[str, str | None, int, int, int]]
    sentences: SentenceBlock | None


class IndexMismatch(Exception):
    """The index was built by another embedding model or chunker; its vectors cannot be mixed with ours."""


TABLES = ("info", "files", "reports", "pages", "chunks", "sentences")


class Catalog:
    """Thread-safe access to the catalog (one connection per thread) at a file path or a ``postgresql://`` URL."""

    def __init__(self, location: Path | str) -> None:
        self.db: Database = open_database(location)
        self.db.script(SCHEMA)
        self._add_columns()

    def _add_columns(self) -> None:
        for table, columns in ADDED_COLUMNS.items():
            for column in columns.keys() - self.db.columns(table):
                self.db.script(f"ALTER TABLE {table} ADD COLUMN {column} {columns[column]}")

    def discard(self) -> None:
        """Drop everything ingest derived (``--rebuild``); conversations are kept."""
        with self.db.transaction() as db:
            for table in TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
        self.db.script(SCHEMA)

    def ensure_fingerprint(self, fingerprint: dict[str, str]) -> None:
        """Record the fingerprint on first use; refuse an index built with another one."""
        wanted = json.dumps(fingerprint, sort_keys=True)
        row = self.db.execute("SELECT value FROM info WHERE key='fingerprint'").fetchone()
        if row is None:
            with self.db.transaction() as db:
                db.execute("INSERT INTO info VALUES('fingerprint', ?) ON CONFLICT(key) DO NOTHING", (wanted,))
            self._set_terms_version()  # a new catalog: every report's counts will be written by this version
        elif row["value"] != wanted:
            raise IndexMismatch(
                f"the index at {self.db.where} was built with {row['value']}, not {wanted}: "
                "use another --index folder or catalog, or rebuild this one (ingest --rebuild)"
            )

    # --- the manifest ---
    def file_hash(self, path: str) -> tuple[str, str] | None:
        """(report_id, sha256) recorded for ``path``, or None."""
        row = self.db.execute("SELECT report_id, sha256 FROM files WHERE path=?", (path,)).fetchone()
        return (row["report_id"], row["sha256"]) if row else None

    def path_with_hash(self, sha256: str) -> str | None:
        row = self.db.execute("SELECT path FROM files WHERE sha256=?", (sha256,)).fetchone()
        return row["path"] if row else None

    def source_path(self, report_id: str) -> str | None:
        """The file a report was read from (as resolved at ingest)."""
        row = self.db.execute("SELECT path FROM files WHERE report_id=?", (report_id,)).fetchone()
        return row["path"] if row else None

    def report_id_taken(self, report_id: str, path: str) -> bool:
        row = self.db.execute("SELECT path FROM files WHERE report_id=?", (report_id,)).fetchone()
        return row is not None and row["path"] != path

    # --- writes ---
    def replace_report(self, path: str, sha256: str, meta: ReportMeta, pages: list[Page], chunks: list[Chunk],
                       sentences: SentenceBlock | None = None) -> None:
        with self.db.transaction() as db:
            _next_generation(db)
            _delete_report(db, meta.report_id)
            db.execute("DELETE FROM files WHERE path=?", (path,))
            db.execute("INSERT INTO files(path, report_id, sha256) VALUES(?,?,?)", (path, meta.report_id, sha256))
            db.execute("INSERT INTO reports VALUES(?,?)", (meta.report_id, meta.model_dump_json()))
            db.executemany("INSERT INTO pages VALUES(?,?,?)", [(meta.report_id, p.number, p.text) for p in pages])
            db.executemany("INSERT INTO chunks VALUES(?,?,?,?,?,?,?)", [
                (c.chunk_id, c.report_id, c.page, c.section, c.start, c.end, c.text) for c in chunks])
            if sentences is not None:
                db.execute("INSERT INTO sentences(report_id, spans, vectors, chunk_vectors, counts) VALUES(?,?,?,?,?)",
                           (meta.report_id, *sentences.blobs()))

    def fill_term_counts(self) -> int:
        """Give the reports stored before term counts were kept their counts, from their stored text (so a
        service loads them instead of tokenising at start); returns how many were filled."""
        current = self._terms_version() == TERMS_VERSION
        missing = [row["report_id"] for row in self.db.execute(
            "SELECT report_id FROM sentences" + (" WHERE counts IS NULL" if current else ""))]
        for report_id in missing:
            with self.db.transaction() as db:  # read and write in one transaction: never another version's counts
                block = self.sentence_block(report_id)
                if block is not None and (block.counts is None or not current):
                    counts = TermCounts.of_report(self.pages(report_id), block.spans, self.report_chunks(report_id))
                    db.execute("UPDATE sentences SET counts=? WHERE report_id=?", (counts.blob(), report_id))
        if not current:
            self._set_terms_version()
        return len(missing)

    def _terms_version(self) -> int:
        row = self.db.execute("SELECT value FROM info WHERE key='terms_version'").fetchone()
        return int(row["value"]) if row else 0

    def _set_terms_version(self) -> None:
        with self.db.transaction() as db:
            db.execute("INSERT INTO info VALUES('terms_version', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                       (str(TERMS_VERSION),))

    def begin_writes(self) -> bool:
        """Mark that an ingest run is writing; True when an earlier run's mark is still there (it stopped between
        a vector write and its catalog commit, so vectors no report owns may be left)."""
        interrupted = self.db.execute("SELECT value FROM info WHERE key='writing'").fetchone() is not None
        with self.db.transaction() as db:
            db.execute("INSERT INTO info VALUES('writing', '1') ON CONFLICT(key) DO NOTHING")
        return interrupted

    def end_writes(self) -> None:
        with self.db.transaction() as db:
            db.execute("DELETE FROM info WHERE key='writing'")

    def remove_report(self, report_id: str) -> None:
        with self.db.transaction() as db:
            _next_generation(db)
            _delete_report(db, report_id)
            db.execute("DELETE FROM files WHERE report_id=?", (report_id,))

    # --- reads ---
    def generation(self) -> int:
        """Raised by every committed change of a report: equal numbers mean the same index contents."""
        row = self.db.execute("SELECT value FROM info WHERE key='generation'").fetchone()
        return int(row["value"]) if row else 0

    @contextmanager
    def snapshot(self) -> Iterator[int]:
        """A read transaction on this thread's connection: every read inside sees the index as it was at
        the generation yielded, whatever ingest commits meanwhile."""
        with self.db.snapshot():
            yield self.generation()

    def files(self) -> dict[str, str]:
        """Every ingested file's path (as resolved at ingest) -> its report id."""
        return {row["path"]: row["report_id"] for row in self.db.execute("SELECT path, report_id FROM files")}

    def sentence_block(self, report_id: str) -> SentenceBlock | None:
        row = self.db.execute("SELECT spans, vectors, chunk_vectors, counts FROM sentences WHERE report_id=?",
                              (report_id,)).fetchone()
        return SentenceBlock.from_row(row) if row else None

    def pages(self, report_id: str) -> dict[int, str]:
        rows = self.db.execute("SELECT page, text FROM pages WHERE report_id=?", (report_id,))
        return {row["page"]: row["text"] for row in rows}

    def versions(self) -> dict[str, str]:
        """report id -> the content hash of the file it was read from (a new hash is a new version)."""
        return {row["report_id"]: row["sha256"] for row in self.db.execute("SELECT report_id, sha256 FROM files")}

    def report_chunk_ids(self, report_id: str) -> set[str]:
        return {row["chunk_id"] for row in self.db.execute("SELECT chunk_id FROM chunks WHERE report_id=?",
                                                            (report_id,))}

    def counts(self) -> tuple[int, int]:
        reports = self.db.execute("SELECT count(*) AS n FROM reports").fetchone()["n"]
        chunks = self.db.execute("SELECT count(*) AS n FROM chunks").fetchone()["n"]
        return reports, chunks

    def reports(self) -> list[ReportMeta]:
        rows = self.db.execute("SELECT meta FROM reports ORDER BY report_id").fetchall()
        return [ReportMeta.model_validate_json(row["meta"]) for row in rows]

    def report(self, report_id: str) -> ReportMeta | None:
        row = self.db.execute("SELECT meta FROM reports WHERE report_id=?", (report_id,)).fetchone()
        return ReportMeta.model_validate_json(row["meta"]) if row else None

    def page_text(self, report_id: str, page: int) -> str | None:
        row = self.db.execute("SELECT text FROM pages WHERE report_id=? AND page=?", (report_id, page)).fetchone()
        return row["text"] if row else None

    def chunks(self, chunk_ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(chunk_ids)
        rows = []
        for i in range(0, len(ids), 900):
            part = ids[i:i + 900]
            marks = ",".join("?" * len(part))
            rows += self.db.execute(f"SELECT * FROM chunks WHERE chunk_id IN ({marks})", part).fetchall()
        return {row["chunk_id"]: Chunk(**dict(row)) for row in rows}

    def report_chunks(self, report_id: str) -> list[Chunk]:
        rows = self.db.execute("SELECT * FROM chunks WHERE report_id=? ORDER BY page, start", (report_id,))
        return [Chunk(**dict(row)) for row in rows.fetchall()]

    def stored_reports(self, report_ids: list[str]) -> dict[str, StoredReport]:
        """The pages, chunk spans and sentences of many reports in three queries: a server (PostgreSQL) is asked
        once per batch, not once per report."""
        out = {rid: StoredReport({}, [], None) for rid in report_ids}
        marks = ",".join("?" * len(report_ids))
        for r in self.db.execute(f"SELECT report_id, page, text FROM pages WHERE report_id IN ({marks})", report_ids,
                                 bulk=True):
            out[r["report_id"]].pages[r["page"]] = r["text"]
        for r in self.db.execute(f'SELECT report_id, chunk_id, section, page, start, "end" FROM chunks WHERE report_id '
                                 f"IN ({marks}) ORDER BY report_id, page, start", report_ids, bulk=True):
            out[r["report_id"]].chunk_spans.append((r["chunk_id"], r["section"], r["page"], r["start"], r["end"]))
        for r in self.db.execute("SELECT report_id, spans, vectors, chunk_vectors, counts FROM sentences WHERE "
                                 f"report_id IN ({marks})", report_ids, bulk=True):
            out[r["report_id"]].sentences = SentenceBlock.from_row(r)
        return out

    def chunk_ids(self) -> set[str]:
        return {row["chunk_id"] for row in self.db.execute("SELECT chunk_id FROM chunks")}


def _next_generation(db: Database) -> None:
    db.execute("INSERT INTO info VALUES('generation', '1') "
               "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(info.value AS INTEGER) + 1 AS TEXT)")


def _delete_report(db: Database, report_id: str) -> None:
    for table in ("reports", "pages", "chunks", "sentences"):
        db.execute(f"DELETE FROM {table} WHERE report_id=?", (report_id,))
