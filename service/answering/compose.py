"""Verified evidence -> the contract's Answer: markdown where every claim carries [n], the citations, the items.

A quote is numbered only after it is found on its page in the snapshot being served (``CitationBook.cite``
returns None otherwise), and a claim whose quote is refused is left out of the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.models import ReportMeta
from service.answering.evidence import Evidence, Pages
from service.answering.organisations import body_label
from service.answering.verify import quote_is_on_page
from service.schemas import Answer, Citation, Item

NOT_IN_REPORTS = "The reports in this index do not say."
NOTHING_ASKED = ("That question names no organisation, year, grade or topic to look for. Ask, for example, "
                 "what an inspection of an organisation found about a topic, or which organisations were rated a grade.")


class CitationBook:
    """Numbers quotes as they are cited; a quote that is not on its page is refused (returns None). Evidence an
    answer ranked but did not cite can be ``offer``ed: an optional prose writer may cite it too."""

    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.citations: list[Citation] = []
        self.offered: list[Citation] = []
        self._numbers: dict[tuple[str, int, str], int] = {}

    def cite(self, ev: Evidence) -> int | None:
        key = (ev.report_id, ev.page, ev.quote)
        if key in self._numbers:
            return self._numbers[key]
        citation = self._verified(ev, len(self.citations) + 1)
        if citation is None:
            return None
        self.citations.append(citation)
        self._numbers[key] = citation.n
        return citation.n

    def offer(self, evidence: list[Evidence]) -> None:
        for ev in evidence:
            if (citation := self._verified(ev, 0)) is not None:
                self.offered.append(citation)

    def pool(self) -> list[Citation]:
        """The cited evidence, then the offered evidence not cited, numbered after it."""
        cited = {(c.report_id, c.page, c.quote) for c in self.citations}
        extra = list({(c.report_id, c.page, c.quote): c for c in self.offered
                      if (c.report_id, c.page, c.quote) not in cited}.values())
        return self.citations + [c.model_copy(update={"n": len(self.citations) + i}) for i, c in enumerate(extra, 1)]

    def _verified(self, ev: Evidence, n: int) -> Citation | None:
        if not quote_is_on_page(self.pages, ev.report_id, ev.page, ev.quote):
            return None
        meta = ev.meta
        return Citation(n=n, report_id=meta.report_id, body=body_label(meta), title=meta.title,
                        published=meta.published_iso(), page=ev.page, section=ev.section, source=meta.source,
                        quote=ev.quote, claim=ev.claim)


@dataclass
class Row:
    """One report's entry in a list answer: its verdict and the evidence for it."""

    meta: ReportMeta
    verdict: str
    evidence: list[Evidence]
    claim: str | None = None      # the answer's words for this row (default: the first quote)
    reasons: list[Evidence] = field(default_factory=list)  # quotes saying why (for "..., and why?")


def list_answer(rows: list[Row], book: CitationBook, session_id: str, intro: str, ranked: bool = False) -> Answer:
    """One item per qualifying report (by body, or with ``ranked`` in the order given); the text names each body
    once, with the years of its reports, and says each distinct claim once with all the citations behind it."""
    items: list[Item] = []
    lines: dict[str, dict[str, list[int]]] = {}
    years: dict[str, list[str]] = {}
    why: dict[str, list[tuple[Evidence, int]]] = {}
    for row in rows if ranked else sorted(rows, key=lambda r: (body_label(r.meta).lower(), str(r.meta.published))):
        cited = [(ev, n) for ev in row.evidence if (n := book.cite(ev)) is not None]
        numbers = list(dict.fromkeys(n for _, n in cited))
        if not numbers:
            continue
        body = body_label(row.meta)
        because = [(ev, n) for ev in row.reasons if (n := book.cite(ev)) is not None]
        items.append(Item(body=body, report_id=row.meta.report_id, verdict=row.verdict,
                          citations=numbers + [n for _, n in because if n not in numbers],
                          published=row.meta.published_iso(), finding=_finding(row.claim or cited[0][0].quote)))
        lines.setdefault(body, {}).setdefault(row.claim or cited[0][0].quote, []).extend(numbers)
        years.setdefault(body, []).append(str(row.meta.published.year) if row.meta.published else "")
        why.setdefault(body, []).extend(because)
    if not items:
        return abstain(session_id)
    text = f"{intro}: {len(lines)} organisation{'s' if len(lines) != 1 else ''}, {len(items)} " \
           f"report{'s' if len(items) != 1 else ''}.\n" + "\n".join(
               _body_line(body, claims, years[body]) + _why_text(why.get(body, []), len(set(years[body])) > 1)
               for body, claims in lines.items())
    return Answer(answer=text, abstained=False, session_id=session_id, citations=book.citations, items=items)


def _finding(text: str, limit: int = 160) -> str:
    """A row's claim without markdown emphasis, cut at a word boundary."""
    plain = re.sub(r"\*{1,2}([^*]+)\*{1,2}", r"\1", text)
    return plain if len(plain) <= limit else plain[:limit].rsplit(" ", 1)[0] + "\u2026"


def _body_line(body: str, claims: dict[str, list[int]], years: list[str]) -> str:
    when = ", ".join(sorted({y for y in years if y}))
    cited = "; ".join(f"{claim} " + "".join(f"[{n}]" for n in dict.fromkeys(ns)) for claim, ns in claims.items())
    return f"- **{body}**{f' ({when})' if when else ''}: {cited}"


def _why_text(because: list[tuple[Evidence, int]], several_years: bool) -> str:
    """The reasons quoted after a body's claims; each names its report's year when the body has several."""
    if not because:
        return ""
    def year(ev: Evidence) -> str:
        return f"{ev.meta.published.year}: " if several_years and ev.meta.published else ""

    return ". Inspectors found: " + " ".join(f"{year(ev)}“{ev.quote}” [{n}]" for ev, n in because)


def abstain(session_id: str, reason: str = NOT_IN_REPORTS, missing: str | None = None) -> Answer:
    """No answer: ``reason``, or the reports do not say and (``missing``) why no report could."""
    return Answer(answer=f"{reason} ({missing}.)" if missing else reason, abstained=True, session_id=session_id)


def markdown_table(rows: list[list[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])
