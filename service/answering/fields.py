"""Questions about a report itself -- when it was published, its inspection dates, who led it -- answered from
the metadata read at ingest and cited to the line it was read from."""

from __future__ import annotations

import re
from datetime import date

from service.answering.compose import CitationBook, claim_answer, label
from service.answering.evidence import Evidence, Tools, newest_first, provenance_evidence, scan_pages
from service.answering.scope import Scope
from service.answering.text import squash, stem
from service.schemas import Answer

ABOUT_THE_REPORT = {stem(w) for w in "inspection inspected fieldwork report published publication visit".split()}
LATEST = {stem(w) for w in "last latest recent recently most".split()}
EARLIEST = {stem(w) for w in "first earliest".split()}
LEAD_Q = re.compile(r"\blead inspector\b|\bwho (led|headed|was in charge of)\b|\binspection (was )?led by\b|"
                    r"\binspector (who )?(led|headed)\b", re.I)
FIELDS = (("published", re.compile(r"\bpublish", re.I)),
          ("inspection_dates", re.compile(r"\b(inspect|fieldwork|visit)", re.I)))


def field_fact(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """The publication date or inspection dates of each report in scope; None when the question asks for
    something else or no report holds the value."""
    asked = {stem(w) for w in scope.topic_words}
    if scope.answer_type != "date" or not scope.bodies or not asked <= ABOUT_THE_REPORT | LATEST | EARLIEST:
        return None
    field = next((name for name, asks in FIELDS if asks.search(scope.question)), None)
    if field is None:
        return None
    claims = [claim for meta in _reports_asked(tools, scope.report_ids, asked)
              if (claim := _field_claim(tools, meta, field)) is not None]
    return claim_answer(claims, book, session_id) if claims else None


def _field_claim(tools: Tools, meta, field: str) -> tuple[str, Evidence] | None:
    """"The **X (2023)** report: Published: ..." cited to its line; a report that prints no publication date
    is answered with its inspection dates, saying so."""
    value = getattr(meta, field)
    ev = _evidence(tools, meta, field, _forms(value)) if value else None
    if ev is not None:
        return f"The **{label(meta)}** report: {ev.quote}", ev
    dates = _evidence(tools, meta, "inspection_dates", _forms(meta.inspection_dates)) \
        if field == "published" and meta.inspection_dates else None
    if dates is None:
        return None
    return f"The **{label(meta)}** report does not print its publication date; it gives: {dates.quote}", dates


def lead_inspector_fact(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Who was the lead inspector / who led the inspection of X": the name read at ingest, cited to the
    line it was read from, for each report in scope (latest first); None when the question asks otherwise."""
    if not scope.bodies or not LEAD_Q.search(scope.question):
        return None
    claims = []
    for meta in _reports_asked(tools, scope.report_ids, {stem(w) for w in scope.topic_words}):
        ev = provenance_evidence(tools.library.catalog, meta, "lead_inspector") if meta.lead_inspector else None
        if ev is not None:
            claims.append((f"The **{label(meta)}** inspection was led by **{meta.lead_inspector}**: {ev.quote}", ev))
    return claim_answer(claims, book, session_id) if claims else None


def _reports_asked(tools: Tools, report_ids: list[str], asked: set[str]) -> list:
    """The reports in scope, latest first; only the latest ("when was it last inspected") or the earliest
    ("first inspected") when the question says so."""
    metas = newest_first(tools.library, report_ids)
    if asked & LATEST:
        return metas[:1]
    return metas[-1:] if asked & EARLIEST else metas


def _forms(value: object) -> list[str]:
    """How a value may be written on the page: a date as "17 December 2021", "17th December 2021" ..."""
    if isinstance(value, date):
        month = value.strftime("%B")
        return [f"{value.day} {month} {value.year}", f"{value.day:02d} {month} {value.year}",
                f"{value.day}th {month} {value.year}", f"{month} {value.day}, {value.year}"]
    return [str(value)]


def _evidence(tools: Tools, meta, field: str, forms: list[str]) -> Evidence | None:
    found = provenance_evidence(tools.library.catalog, meta, field)
    if found:
        return found
    wanted = [squash(f).lower() for f in forms]
    return scan_pages(tools.library.catalog, meta, lambda line: any(w in squash(line).lower() for w in wanted))
