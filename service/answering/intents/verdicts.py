"""Yes or no, first, of a comparison: "were A's grades better than B's?" by their grades; "has Ofsted ever
rated X outstanding?" by every grade its reports give."""

from __future__ import annotations

import re

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.evidence import Evidence, label
from service.answering.intent import ALWAYS
from service.answering.organisations import body_label
from service.answering.scope import Scope
from service.answering.tools import Tools
from service.answering.text import stems
from service.answering.verdict import sentence_polarity

WORSE = re.compile(r"\b(worse|worst|weaker|weakest|poorer|poorest|lower|lowest)\b", re.I)  # which was rated worse
YES_NO = re.compile(r"^\W*(?:was|were|is|are|did|does|do|has|have)\b", re.I)
WHICH_BETTER = re.compile(r"\b(better|worse|best|worst|stronger|strongest|weaker|weakest|poorer|poorest)\b", re.I)
THAN = re.compile(r"\b(?:better|worse|higher|lower|stronger|weaker|poorer)\s+(?:[\w'’]+\s+){0,3}?than\b", re.I)


def verdict(metas: list[ReportMeta], scope: Scope, area: tuple[str, list[str]] | None = None) -> str:
    """"Were A's grades better than B's?": yes or no, first, by their overall grades, or (the same) by the mean
    of their areas' grades; by the ``area``'s grades when one is asked ("" when the question asks no yes or no
    of two graded bodies' reports)."""
    order = {b.body: b.start for b in reversed(scope.bodies)}  # (each body where the question first names it)
    if not YES_NO.match(scope.question) or not THAN.search(scope.question) or len(metas) != 2 \
            or not all(m.overall for m in metas) or len({body_label(m) for m in metas}) != 2:
        return ""
    first, second = sorted(metas, key=lambda m: order.get(body_label(m), len(scope.question)))
    ranks = [(GRADES.index(m.overall), grades.standing(m)) for m in (first, second)] if area is None else \
        [(GRADES.index(area[1][metas.index(m)]), 0.0) for m in (first, second)]
    if ranks[0] == ranks[1]:
        return "**Neither**: they were graded the same.\n\n"
    better = ranks[0] < ranks[1]
    by = f" on *{area[0]}*" if area else " (the same overall grade; by the grades of their areas)" \
        if ranks[0][0] == ranks[1][0] else ""
    yes = better != bool(WORSE.search(scope.question))
    return f"**{'Yes' if yes else 'No'}**: **{label(first)}** was rated {'better' if better else 'worse'} than " \
           f"**{label(second)}**{by}.\n\n"


def ever_rated(tools: Tools, scope: Scope) -> str:
    """"Has Ofsted ever rated Hampshire outstanding?": yes, and when, or no, of every report of the one body
    named ("" when no such yes or no is asked)."""
    asked = grades.asks_yes_no_grade(scope.question)
    if asked is None or not ALWAYS.search(scope.question) or len({b.body for b in scope.bodies}) != 1:
        return ""
    metas = tools.newest_first(scope.bodies[0].report_ids)[::-1]
    years = [str(m.published.year) for m in metas if m.overall == asked and m.published]
    if years:
        return f"**Yes**: {body_label(metas[0])} was rated **{asked}** overall in {' and '.join(years)}.\n\n"
    return f"**No**: no report rates {body_label(metas[0])} **{asked}** overall.\n\n"


def aspect_lean(metas: list[ReportMeta], found: list[Evidence | None], aspect: str, question: str) -> str:
    """"Which had better findings on unpaid work, A or B?": when no grade is given on it, the report whose words
    on the ``aspect`` lean to praise where the others' lean to concern (the one leaning most the other way, when
    the worse is asked); "" when they lean alike, or a report says nothing on it."""
    if not WHICH_BETTER.search(question) or len(metas) < 2 or not all(
            ev and stems(aspect) <= stems(ev.quote) for ev in found):
        return ""  # (each report's words must be on it: not "in better shape")
    leans = [_lean(ev.quote, stems(aspect)) for ev in found if ev]
    pick = min(leans) if WORSE.search(question) else max(leans)
    if len(set(leans)) == 1 or leans.count(pick) != 1:
        return ""
    chosen = metas[leans.index(pick)]
    word = "worse" if WORSE.search(question) else "better"
    if len(metas) > 2:
        word = "worst" if word == "worse" else "best"
    return f" On {aspect}, the reports' words read {word} for **{label(chosen)}**: " \
           f"{'a concern' if pick < 0 else 'praise'} there, set beside the others' words below."


def _lean(quote: str, aspect: set[str]) -> int:
    """1 when the sentence's clauses on the aspect praise it (or tell it improved), -1 when they raise a concern."""
    polarity = sentence_polarity(quote, aspect)
    good = polarity.positive + polarity.improved
    return (good > polarity.concern) - (polarity.concern > good)
