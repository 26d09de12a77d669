"""Evidence: a verbatim quote of a report page that an answer can cite, with what it shows. Most evidence is a
sentence of the report; the rest is the report's metadata (grades, dates, lead inspector, owner) worded as a
claim and resting on the line it was read from, so both kinds compete in one ranking."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ingest.models import ReportMeta
from ingest.sentences import quote_spans
from service.answering.organisations import body_label
from service.answering.text import MONTH, squash, stem


# who a name claim is about: a question naming neither role ("who was the chief executive") is not answered by it
LEAD_ROLE = frozenset(stem(w) for w in "lead led head headed charge inspector inspectors hmi".split())
REPORT_ROLE = frozenset(stem(w) for w in "report reports published publish publication inspection inspections "
                                         "inspected inspect inspectors inspector visit visited fieldwork went go "
                                         "came come site write-up writeup look looked carry carried conduct "
                                         "conducted undertake undertaken".split())  # "when was X inspected /
# published / looked at", "when did the X write-up come out", "when did inspectors carry out the inspection"
INSPECTION = frozenset(stem(w) for w in "inspection inspections inspected inspect inspector inspectors ofsted team "
                                        "visit visited fieldwork look looked".split())  # ("looked at": inspected)  # (and a lead of the inspection: not
# "who was Devon's lead member for children's services", a councillor)
DATED = INSPECTION | frozenset(stem(w) for w in "report reports published publish publication write-up writeup".split())
# (a report's date answers "when did inspectors go", not "when did X go back to having a director")
INSPECTORATE_ROLE = frozenset("inspectorate inspectorates watchdog watchdogs regulator regulators".split())
# (words, not stems: "inspectorate" shares its stem with "inspectors", who are people, not the inspectorate)
OWNER_KIND = frozenset(stem(w) for w in "charity charities private privately profit not-for-profit".split())
OWNER_ROLE = frozenset(stem(w) for w in "own owned owner owners ran run runs running company firm provider behind "
                                        "contractor parent operator operated".split()) | OWNER_KIND


ROLE_HELD = frozenset(stem(w) for w in "lead led head headed charge hmi owner owners owned ran running"
                      .split()) | OWNER_KIND
# ("was X run by a private firm or a charity?", "what happened to the company running X?": its owner)
WHEN_INSPECTED = re.compile(r"\bwhen\s+(?:it|they|\w+)\s+(?:was|were|got|had been)\s+inspected\b", re.I)  # when,
# not who ("who was in charge of X when it was inspected?": of X, not of the inspection)
SOURCE = re.compile(r"\b(?:according to|per|in|from|by|at|during|at the time of)\s+(?:the|its|their|this|that|"
                    rf"ofsted['’]s)\s+(?:(?:{MONTH.pattern}\s+)?(?:19|20)\d\d\s+)?(?:ofsted\s+|hmi\w*\s+)?(?:re-?)?"
                    r"(?:inspection|report|visit|review)s?(?:\s+report)?\b|"
                    rf"{WHEN_INSPECTED.pattern}", re.I)  # the report a question reads from: when, where, not what
LEAD_ASKED = ROLE_HELD - OWNER_ROLE  # (with an inspection's words: its lead inspector is asked for)
BODY_LEADERS = {"leadership", "leaders", "leader", "leading"}  # the body's, not the inspection's lead


def role_asked(topic: list[str]) -> str | None:
    """"name" when the question's topic is only the words of a role a report's metadata names (its lead
    inspector, "the HMI in charge", its owner), asked with no question word ("rochdale 2018 lead inspector")."""
    said = {stem(w) for w in topic if w.lower() not in BODY_LEADERS}  # ("leadership" stems as "lead" does)
    return "name" if said & ROLE_HELD and said <= LEAD_ROLE | INSPECTION | OWNER_ROLE | ROLE_HELD else None


class Pages(Protocol):
    def page_text(self, report_id: str, page: int) -> str | None: ...


@dataclass
class Evidence:
    meta: ReportMeta
    page: int
    section: str | None
    quote: str                     # verbatim from the page (whitespace squashed)
    score: float = 0.0             # rank in the question's ranking (z-score units)
    strength: float = 0.0          # how well it answers, comparable across questions (see rank.strength)
    covered: float = 0.0           # share of the question's term weight the sentence itself holds
    fit: float = 0.0               # 1 when it holds the kind of answer asked (rank.fits)
    claim: str | None = None       # our own wording of what the quote shows (metadata evidence)
    kind: str = "sentence"         # sentence, or the metadata field a claim states
    row: int = -1                  # the sentence's row in the corpus (-1 for a claim)
    lean: dict[str, float] = field(default_factory=dict)   # concern / positive / improved weight

    @property
    def report_id(self) -> str:
        return self.meta.report_id


@dataclass
class Claim:
    """A metadata value as evidence: what the answer says, the text it is ranked by, and the line it rests on."""

    evidence: Evidence
    text: str                      # ranked against the question like a sentence
    answers: str                   # the kind of question it answers: grade, date, name
    area: str | None = None        # a grade claim's judgement area (None: overall)
    asked_by: frozenset[str] = frozenset()  # stems of which one must be in a question it answers (none: any)
    also_by: frozenset[str] = frozenset()   # and of which one must be in it too (none: any)


def label(meta: ReportMeta) -> str:
    when = f" ({meta.published.year})" if meta.published else ""
    return f"{body_label(meta)}{when}"


def provenance_evidence(pages: Pages, meta: ReportMeta, key: str) -> Evidence | None:
    """Where ingest read a value (``meta.provenance[key]``), when that quote is really on its page."""
    prov = meta.provenance.get(key)
    text = pages.page_text(meta.report_id, prov.page) if prov is not None else None
    if prov is None or text is None or squash(prov.quote) not in squash(text):
        return None
    return Evidence(meta, prov.page, None, squash(prov.quote))


def scan_pages(pages: Pages, meta: ReportMeta, test: Callable[[str], bool], first: int = 3) -> Evidence | None:
    """The shortest sentence or line passing ``test`` on the first page that has one (of the first ``first``)."""
    for page in range(1, first + 1):
        text = pages.page_text(meta.report_id, page)
        if text is None:
            return None
        found = [squash(text[s:e]) for s, e in quote_spans(text) if test(squash(text[s:e]))]
        if found:
            return Evidence(meta, page, None, min(found, key=len))
    return None


def date_forms(value: date, precision: str = "day") -> list[str]:
    """How a date may be printed: "17 December 2021", "17th December 2021", "December 17, 2021"; "December 2021"
    for a month, "2021" for a year."""
    month = value.strftime("%B")
    if precision != "day":
        return [f"{month} {value.year}"] if precision == "month" else [str(value.year)]
    return [f"{value.day} {month} {value.year}", f"{value.day:02d} {month} {value.year}",
            f"{value.day}th {month} {value.year}", f"{month} {value.day}, {value.year}"]


def field_evidence(pages: Pages, meta: ReportMeta, key: str, forms: list[str]) -> Evidence | None:
    found = provenance_evidence(pages, meta, key)
    if found or not forms:
        return found
    wanted = [squash(f).lower() for f in forms]
    return scan_pages(pages, meta, lambda line: any(w in line.lower() for w in wanted))


def metadata_claims(pages: Pages, meta: ReportMeta) -> list[Claim]:
    """The report's dates, lead inspector, inspectorate and owner as claims (grades: ``grades.grade_claims``)."""
    name, out = label(meta), []
    forms = date_forms(meta.published, meta.published_precision) if meta.published else []
    when = ("on " if meta.published_precision == "day" else "in ") + meta.published_words() if forms else ""
    if forms and (ev := field_evidence(pages, meta, "published", forms)):
        out.append(_claim(ev, f"The **{name}** report was published {when}.",
                          f"The report on {body_label(meta)} was published {when}.", "date", REPORT_ROLE, DATED))
    elif forms and _named_by_file(meta) and (ev := provenance_evidence(pages, meta, "inspection_dates")):
        out.append(_claim(ev, f"The **{name}** report was published {when}, as its file is named (its pages print "
                              f"only the inspection dates, quoted here).",
                          f"The report on {body_label(meta)} was published {when}.", "date", REPORT_ROLE, DATED))
    if meta.inspection_dates and (ev := field_evidence(pages, meta, "inspection_dates", [meta.inspection_dates])):
        out.append(_claim(ev, f"**{name}** was inspected {_dates(meta.inspection_dates)}.",
                          f"{body_label(meta)} was inspected, fieldwork visit on site, {meta.inspection_dates}.", "date",
                          REPORT_ROLE, DATED))
    if meta.lead_inspector and (ev := provenance_evidence(pages, meta, "lead_inspector")):
        out.append(_claim(ev, f"The **{name}** inspection was led by **{meta.lead_inspector}**.",
                          f"The inspection of {body_label(meta)} was led by lead inspector {meta.lead_inspector}.",
                          "name", LEAD_ROLE, INSPECTION))
    if meta.inspectorate and (ev := provenance_evidence(pages, meta, "inspectorate")):
        out.append(_claim(ev, f"**{name}** was inspected by **{meta.inspectorate}**.",
                          f"{body_label(meta)} was inspected by {meta.inspectorate}, the inspectorate.", "name",
                          INSPECTORATE_ROLE))
    if meta.owner and (ev := provenance_evidence(pages, meta, "owner")):
        out.append(_claim(ev, f"**{name}** was owned by **{meta.owner}**.",
                          f"{body_label(meta)} was owned and run by {meta.owner}, its owner.", "name",
                          OWNER_ROLE))
    return out


def _named_by_file(meta: ReportMeta) -> bool:
    """True when ingest read the publication date from the file's name ("... - 18 april 2023.pdf": page 0)."""
    prov = meta.provenance.get("published")
    return prov is not None and prov.page == 0


def _claim(ev: Evidence, claim: str, text: str, answers: str, asked_by: frozenset[str] = frozenset(),
           also_by: frozenset[str] = frozenset()) -> Claim:
    ev.claim, ev.kind = claim, answers
    return Claim(ev, text, answers, asked_by=asked_by, also_by=also_by)


def _dates(text: str) -> str:  # ("on 3 June 2019", "in February 2019")
    if re.match(r"^(on|in|from|between|during)\b", text, re.I):
        return text
    return f"in {text}" if re.match(r"^[a-z]+ \d{4}$", text, re.I) else f"on {text}"
