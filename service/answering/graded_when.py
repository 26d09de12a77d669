"""A body's reports chosen by what a question dates its ask by: a year of an event a later report tells of
("what did X set up after the focused visit in January 2022?"), or the grade they gave: "when did Hull get
its new director, going by the report that rated them inadequate?", "what did ofsted say about X's front door
when they were rated inadequate?" (that grade's reports; not "was X rated inadequate?", which asks the grade
and names no time it dates)."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering.grades import GRADE_NAME, asks_for_grade, grade_of

WHEN_GRADED = re.compile(rf"\b(?:when|while|(?:report|inspection|visit|one|time)\s+(?:that|which|where|when))\s+"
                         rf"(?:[\w'’]+\s+){{0,3}}?(?:rated|judged|graded|found|deemed|was|were|got|received)\s+"
                         rf"(?:(?:it|them|as|to\s+be)\s+)*{GRADE_NAME}\b", re.I)  # (not "which area received
# inadequate", "which areas of X's 2022 inspection were rated good": grades asked)


def graded_as_said(question: str, chosen: list[ReportMeta]) -> list[ReportMeta]:
    """Of a body's ``chosen`` reports, those of the overall grade the question dates what it asks by, when some
    are ("the report that rated them inadequate"); else ``chosen`` as they are."""
    if not (said := WHEN_GRADED.search(question)):
        return chosen
    grade = grade_of(said.group(1))
    return [m for m in chosen if m.overall == grade] or chosen


AFTER_EVENT = re.compile(r"\b(?:after|since|following)\b[^.?!,;]{0,50}\b(?:19|20)\d\d\b", re.I)  # an event's year


def told_later(question: str, chosen: list[ReportMeta], years: list[tuple[int, int]]) -> bool:
    """True when a year dates an event a question asks what came after, and a body's reports (``chosen``) hold one
    published after it: none of them is of that year, a later one tells ("what panel did X set up after Ofsted's
    focused visit in January 2022?"; not "did Ofsted inspect X in 2020?", nor "what was X rated since 2022?")."""
    last = max((hi for _, hi in years), default=9999)
    return bool(AFTER_EVENT.search(question)) and not asks_for_grade(question) and any(
        m.published and m.published.year > last for m in chosen)
