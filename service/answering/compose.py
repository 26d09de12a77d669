"""Turn verified evidence into the contract's Answer: markdown with [n] markers, citations, items."""

from __future__ import annotations

from ingest.catalog import Catalog
from service.answering.evidence import Evidence
from service.answering.verify import quote_is_on_page
from service.schemas import Answer, Citation

NOT_IN_REPORTS = "The reports in this index do not say."


class CitationBook:
    """Numbers quotes as they are cited; a quote that is not on its page is refused (returns None)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, int, str], int] = {}

    def cite(self, ev: Evidence) -> int | None:
        key = (ev.report_id, ev.hit.chunk.page, ev.quote)
        if key in self._numbers:
            return self._numbers[key]
        if not quote_is_on_page(self.catalog, ev.report_id, ev.hit.chunk.page, ev.quote):
            return None
        meta = ev.hit.meta
        n = len(self.citations) + 1
        self.citations.append(Citation(
            n=n, report_id=ev.report_id, body=meta.body, title=meta.title, published=meta.published,
            page=ev.hit.chunk.page, section=ev.hit.chunk.section, source=meta.source, quote=ev.quote))
        self._numbers[key] = n
        return n


def label(ev: Evidence) -> str:
    meta = ev.hit.meta
    when = f" ({meta.published.year})" if meta.published else ""
    return f"{meta.body or meta.title}{when}"


def passages_answer(evidence: list[Evidence], book: CitationBook, session_id: str) -> Answer:
    """One bullet per verified sentence, naming its report; abstains when nothing verifies."""
    lines = []
    for ev in evidence:
        n = book.cite(ev)
        if n is not None:
            lines.append(f"- **{label(ev)}**: {ev.quote} [{n}]")
    if not lines:
        return abstain(session_id)
    return Answer(answer="\n".join(lines), abstained=False, session_id=session_id, citations=book.citations)


def abstain(session_id: str, reason: str = NOT_IN_REPORTS) -> Answer:
    return Answer(answer=reason, abstained=True, session_id=session_id)
