"""Every quote is checked against the stored page text before an answer leaves the service."""

from __future__ import annotations

from ingest.catalog import Catalog


def squash(text: str) -> str:
    """Whitespace runs to one space: PDF line breaks inside a sentence are not part of its wording."""
    return " ".join(text.split())


def quote_is_on_page(catalog: Catalog, report_id: str, page: int, quote: str) -> bool:
    text = catalog.page_text(report_id, page)
    return bool(quote.strip()) and text is not None and squash(quote) in squash(text)
