"""Rankings by grade ("which provider was worst?", "the best-rated council in 2023"): the reports in scope with
the highest (or lowest) overall grade, each cited to the line its grade was read from."""

from __future__ import annotations

import re

from ingest.models import GRADES
from service.answering import grades
from service.answering.compose import CitationBook, Row, abstain, list_answer
from service.answering.scope import Scope
from service.answering.tools import Tools
from service.schemas import Answer

WORST = re.compile(r"\b(worst|lowest|bottom|poorest|weakest)\b", re.I)


def answer_rank(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    graded = [tools.library.reports[r] for r in scope.report_ids if tools.library.reports[r].overall]
    if scope.missing or not graded:
        return abstain(session_id)
    worst = bool(WORST.search(scope.question))
    order = sorted({GRADES.index(m.overall) for m in graded})
    grade = GRADES[order[-1] if worst else order[0]]
    rows = [Row(m, "grade", [ev], f"rated **{grade}** overall") for m in graded
            if m.overall == grade and (ev := grades.grade_evidence(tools.library, m, None))]
    side = "lowest" if worst else "highest"
    return list_answer(rows, book, session_id, f"The {side} overall grade in scope is **{grade}**, given to")
