"""Turn a file into a ParsedDocument, choosing the reader by what the file holds, not only its name.

``load(path)`` raises ``LoadError`` with a message a user can act on; nothing else escapes for bad input.
Limits keep one hostile file from stalling an ingest: files over ``MAX_FILE_BYTES`` are not read, and a
document whose text exceeds ``MAX_TEXT_CHARS`` (about 1,000 dense pages) is refused before it is chunked
and embedded (a multi-megabyte text costs minutes of embedding and holds no single report).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ingest.loaders.encoding import bom_encoding, utf16_without_bom
from ingest.loaders.errors import LoadError
from ingest.models import ParsedDocument

SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TEXT_CHARS = 3_000_000
READ_ERRORS = {
    FileNotFoundError: "the file disappeared before it could be read (moved or deleted during the run)",
    IsADirectoryError: "this is a folder, not a file",
    PermissionError: "permission denied: the file cannot be read by this user",
}
HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml version")

__all__ = ["LoadError", "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "SUFFIXES", "load", "sniff_format"]


def _ascii_head(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes for sniffing, whatever its Unicode encoding; lower case."""
    encoding = bom_encoding(head)
    start = encoding[1] if encoding else 0
    name = encoding[0] if encoding else utf16_without_bom(head)
    if name and name != "utf-8":
        text = codecs.decode(head[start: start + (len(head) - start) // 4 * 4], name, errors="ignore")
        head = text.encode("ascii", errors="ignore")
    else:
        head = head[start:]
    return head[:2048].lower().lstrip()


def sniff_format(path: Path, head: bytes) -> str:
    """The format the bytes show; falls back on the file name when the bytes say nothing."""
    by_name = SUFFIXES.get(path.suffix.lower())
    start = _ascii_head(head)
    if start.startswith(b"%pdf") or (by_name in ("pdf", None) and b"%PDF-" in head[:1024]):
        return "pdf"
    if start.startswith(HTML_STARTS) or (by_name in ("pdf", None) and b"<html" in start[:512]):
        return "html"
    if by_name == "pdf":
        raise LoadError("named .pdf but it is not a PDF (no %PDF header): the file is damaged or mislabelled")
    if by_name is None:
        raise LoadError(f"unsupported file type {path.suffix!r}: use .pdf, .html, .htm, .md or .txt")
    return by_name


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a LoadError saying why they cannot be had."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(f"the file is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit "
                            "for one report: split it")
        return path.read_bytes()
    except OSError as exc:
        reason = next((why for kind, why in READ_ERRORS.items() if isinstance(exc, kind)),
                      f"cannot read the file: {exc.strerror or exc}")
        raise LoadError(reason) from exc


def load(path: Path) -> ParsedDocument:
    """Read ``path`` into pages of text."""
    from ingest.loaders import html, markdown, pdf, text
    from ingest.loaders.cleanup import clean

    data = read_bytes(path)
    if not data.strip():
        raise LoadError("the file is empty")
    fmt = sniff_format(path, data[:4096])
    readers = {"pdf": pdf.read_pdf, "html": html.read_html, "markdown": markdown.read_markdown, "text": text.read_text}
    doc = clean(readers[fmt](data, str(path)))
    if not any(page.text.strip() for page in doc.pages):
        raise LoadError("no extractable text (a scanned PDF needs OCR first)" if fmt == "pdf"
                        else "the file holds no text")
    chars = sum(len(page.text) for page in doc.pages)
    if chars > MAX_TEXT_CHARS:
        raise LoadError(f"{chars:,} characters of text, over the {MAX_TEXT_CHARS:,} limit for one report "
                        "(about 1,000 pages): split the file")
    return doc
