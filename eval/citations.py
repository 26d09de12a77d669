"""Is each quote really on the cited page? Checked against the SOURCE FILE, re-read with ingest's loader.

Nothing is taken from the answer or the index except the way from a report id to its file: the catalog's
``files`` table (path, report_id), read here with sqlite3 because the Catalog has no such lookup.
A quote is valid when, whitespace-normalised, it occurs verbatim in the cited page's text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from eval.metrics import CitationCheck, squash
from ingest.loaders import LoadError, load
from ingest.settings import catalog_path
from service.schemas import Citation


def catalog_file(index_dir: Path) -> Path:
    return catalog_path(index_dir)


def _query(index_dir: Path, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    path = catalog_file(index_dir)
    if not path.is_file():
        raise FileNotFoundError(f"no index catalog at {path}: ingest first (python -m ingest PATH --index DIR)")
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql, args).fetchall()


def source_paths(index_dir: Path) -> dict[str, Path]:
    """report_id -> the file it was ingested from."""
    return {str(rid): Path(str(path)) for path, rid in _query(index_dir, "SELECT path, report_id FROM files")}


def report_ids_by_path(index_dir: Path) -> dict[str, str]:
    """Resolved file path -> report_id (the inverse of ``source_paths``)."""
    return {str(path): rid for rid, path in source_paths(index_dir).items()}


class SourcePages:
    """Pages of source files, loaded once per file with ``ingest.loaders.load``."""

    def __init__(self, index_dir: Path) -> None:
        self.paths = source_paths(index_dir)
        self._pages: dict[str, dict[int, str] | str] = {}

    def page(self, report_id: str, number: int) -> tuple[str | None, str]:
        """(normalised page text, "") or (None, why it cannot be read)."""
        pages = self._load(report_id)
        if isinstance(pages, str):
            return None, pages
        if number not in pages:
            return None, f"page {number} not in the source ({len(pages)} pages)"
        return pages[number], ""

    def _load(self, report_id: str) -> dict[int, str] | str:
        if report_id not in self._pages:
            self._pages[report_id] = self._read(report_id)
        return self._pages[report_id]

    def _read(self, report_id: str) -> dict[int, str] | str:
        path = self.paths.get(report_id)
        if path is None:
            return f"report {report_id!r} is not in the index's files table"
        try:
            return {p.number: squash(p.text) for p in load(path).pages}
        except (LoadError, OSError) as exc:
            return f"cannot re-read {path}: {exc}"


def check_citation(citation: Citation, pages: SourcePages) -> CitationCheck:
    text, why = pages.page(citation.report_id, citation.page)
    quote = squash(citation.quote)
    if text is None:
        valid, reason = False, why
    elif not quote:
        valid, reason = False, "empty quote"
    else:
        valid = quote in text
        reason = "" if valid else "quote not found on the cited page"
    return CitationCheck(n=citation.n, report_id=citation.report_id, page=citation.page, valid=valid, reason=reason)


def check_citations(citations: Iterable[Citation], pages: SourcePages) -> list[CitationCheck]:
    return [check_citation(c, pages) for c in citations]


def report_bodies(index_dir: Path) -> dict[str, str | None]:
    """report_id -> the inspected body the catalog records (None where metadata found none)."""
    rows = _query(index_dir, "SELECT report_id, json_extract(meta, '$.body') FROM reports")
    return {str(rid): (str(body) if body else None) for rid, body in rows}


class BodyNames:
    """The name a cited report is scored under: the catalog's body for it, else what the citation says,
    else the report id. Project and baseline answers are so scored on the same names."""

    def __init__(self, bodies: dict[str, str | None]) -> None:
        self.bodies = bodies

    def __call__(self, report_id: str, stated: str | None) -> str:
        return self.bodies.get(report_id) or stated or report_id
