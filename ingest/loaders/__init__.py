"""Turn a file into a ParsedDocument, choosing the reader by what the file holds, not only its name.

``load(path)`` raises ``LoadError`` with a message a user can act on; nothing else escapes for bad input.
"""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.errors import LoadError
from ingest.models import ParsedDocument

SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}

__all__ = ["LoadError", "SUFFIXES", "load", "sniff_format"]


def sniff_format(path: Path, head: bytes) -> str:
    """The format the bytes show; falls back on the file name when the bytes say nothing."""
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    lowered = head[:2048].lower().lstrip()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:512]:
        return "html"
    by_name = SUFFIXES.get(path.suffix.lower())
    if by_name == "pdf":
        raise LoadError("named .pdf but it is not a PDF (no %PDF header): the file is damaged or mislabelled")
    if by_name is None:
        raise LoadError(f"unsupported file type {path.suffix!r}: use .pdf, .html, .htm, .md or .txt")
    return by_name


def load(path: Path) -> ParsedDocument:
    """Read ``path`` into pages of text."""
    from ingest.loaders import html, markdown, pdf, text

    data = path.read_bytes()
    if not data.strip():
        raise LoadError("the file is empty")
    fmt = sniff_format(path, data[:4096])
    readers = {"pdf": pdf.read_pdf, "html": html.read_html, "markdown": markdown.read_markdown, "text": text.read_text}
    doc = readers[fmt](data, str(path))
    if not any(page.text.strip() for page in doc.pages):
        raise LoadError("no extractable text (a scanned PDF needs OCR first)")
    return doc
