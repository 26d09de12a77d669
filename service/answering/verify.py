"""Every quote is checked against the page text of the snapshot being served before an answer leaves the
service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.metadata_text import squash

if TYPE_CHECKING:
    from service.answering.evidence import Pages


def quote_is_on_page(pages: Pages, report_id: str, page: int, quote: str) -> bool:
    text = pages.page_text(report_id, page)
    return bool(quote.strip()) and text is not None and squash(quote) in squash(text)
