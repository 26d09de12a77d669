"""Questions about a report's own lists: "what is the first item listed under 'What needs to improve?'".

The heading is found among the sentences and lines of the report's opening pages; the item is the n-th
line after it."""

from __future__ import annotations

import re

from service.answering.evidence import Evidence
from service.answering.text import split_sentences, squash
from service.library import Library

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3}
LISTED = re.compile(r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|last)\b[^?]*?\b(items?|points?|bullets?|"
                    r"things?|areas?|recommendations?|priorit(?:y|ies))\b[^?]*?\b(?:under|in|below)\s+(?:the\s+)?"
                    r"(?:heading\s+|section\s+)?['\"‘“](.+?)['\"’”]", re.I)
PAGES = 4


def item_under_heading(library: Library, question: str, report_ids: list[str]) -> list[Evidence]:
    """The n-th line under the quoted heading, from the first report in ``report_ids`` that has it."""
    asked = LISTED.search(question)
    if asked is None:
        return []
    heading = _key(asked.group(3))
    for report_id in report_ids:
        found = _item(library, report_id, heading, asked.group(1).lower())
        if found:
            return [found]
    return []


def _item(library: Library, report_id: str, heading: str, ordinal: str) -> Evidence | None:
    meta = library.reports.get(report_id)
    for page in range(1, PAGES + 1):
        text = library.catalog.page_text(report_id, page)
        if meta is None or text is None:
            return None
        spans = split_sentences(text)
        at = next((i for i, span in enumerate(spans) if _key(span.quote) == heading), None)
        if at is not None:
            after = _until_next_heading(spans[at + 1:])
            index = len(after) - 1 if ordinal == "last" else ORDINALS[ordinal] - 1
            return Evidence(meta, page, heading, after[index]) if 0 <= index < len(after) else None
    return None


def _until_next_heading(spans: list) -> list:
    """Lines up to the next heading-like line (short, no full stop)."""
    out = []
    for span in spans:
        if out and not span.quote.rstrip().endswith((".", ";", ":")) and len(span.quote) < 80:
            break
        out.append(span)
    return out


def _key(text: str) -> str:
    return squash(re.sub(r"[^\w\s]", " ", text.lower()))
