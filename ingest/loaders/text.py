"""Plain text in any common encoding; form feeds (as pdftotext writes them) separate pages."""

from __future__ import annotations

from ingest.loaders.encoding import clean_text, decode
from ingest.models import Page, ParsedDocument


def read_text(data: bytes, source: str) -> ParsedDocument:
    text = clean_text(decode(data))
    pages = [Page(number=i + 1, text=part) for i, part in enumerate(text.split("\f"))]
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return ParsedDocument(source=source, format="text", title=first_line, pages=pages)
