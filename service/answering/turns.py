"""What a turn leaves for the next to refer back to: the reports answered about, their bodies, the year, the grade
asked about, and the organisations the quotes name."""

from __future__ import annotations

import re

from service.answering.context import Context, entities_in
from service.answering.intents.compare import picked
from service.answering.mentions import BodyNames
from service.answering.organisations import body_label
from service.answering.scope import Scope
from service.library import Library
from service.schemas import Answer

RATING_ASKED = re.compile(r"\b(rate|ratings?|rated|grades?|graded|judge?ments?|judged?|scores?|marks?|effectiveness)\b",
                          re.I)  # a rating, by name
WHICH_ASKED = re.compile(r"^\s*(?:and\s+)?(?:so\s+)?(?:which|who)\b", re.I)  # a comparison asked for its winner
MANY_ASKED = re.compile(r"^\s*(?:and\s+)?(?:so\s+)?(?:which|who)\s+(?:\w+\s+)?(?:[a-z]+s|people|ones)\b(?<!\bwas)"
                        r"(?<!\bhas)(?<!\bis)", re.I)  # ("which CRCs had the most ...": more than one may be asked)
GRADED_BY = re.compile(RATING_ASKED.pattern + r"|\b(better|best|worse|worst)\b", re.I)  # ... by its grade


def context_of(library: Library, names: BodyNames, scope: Scope, answer: Answer) -> Context:
    """What the next turn may refer back to: the reports answered about, their bodies, the year, the
    grade asked about, and the organisations the quotes name."""
    cited = [item.report_id for item in answer.items] or [c.report_id for c in answer.citations]
    cited = list(dict.fromkeys(cited))[:1 if scope.intent == "overview" else None] or \
        ([] if answer.items else [r for b in scope.bodies for r in b.report_ids])
    # (an overview is of its first report: the earlier ones give only their grades)
    metas = [library.reports[r] for r in cited if r in library.reports]
    if scope.intent in ("compare", "rank") and WHICH_ASKED.match(scope.question) and GRADED_BY.search(
            scope.question):  # "which was worst?": the report chosen by its grade (not by the biggest caseloads)
        metas = picked(metas, scope.question) or metas
        cited = [m.report_id for m in metas]
    elif scope.intent == "rank" and WHICH_ASKED.match(scope.question) and not MANY_ASKED.match(scope.question) \
            and metas:  # "which of them supervised more people?": the one ranked first ("its staff": its)
        metas, cited = metas[:1], cited[:1]
    years = [lo for lo, hi in scope.years if lo == hi] or sorted({m.published.year for m in metas if m.published})
    return Context(
        resolved=scope.question, report_ids=cited, bodies=list(dict.fromkeys(body_label(m) for m in metas)),
        mentions=[scope.question[b.start:b.end] for b in scope.bodies], years=years[:1] if len(years) == 1 else [],
        grade=next((c.grade for c in scope.conditions if c.grade), None),
        entities=entities_in([c.quote for c in answer.citations[:10]], names))
