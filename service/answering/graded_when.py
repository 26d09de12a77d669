"""A body's reports chosen by the grade they gave, when a question dates what it asks by it: "when did Hull get
its new director, going by the report that rated them inadequate?", "what did ofsted say about X's front door
when they were rated inadequate?" (that grade's reports; not "was X rated inadequate?", which asks the grade
and names no time it dates)."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering.grades import GRADE_NAME, grade_of

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
