"""What many reports found ("what were the common problems across the CRCs?", "recurring strengths in the 2023
inspections"): each report's plainest findings that way, grouped by meaning (sentence vectors), the groups that
the most reports share first, each told by one quote and cited to every report in it."""

from __future__ import annotations

import re

import numpy as np

from service.answering.compose import CitationBook, abstain
from service.answering.evidence import Evidence, label
from service.answering.grades import meets_all
from service.answering.intents.overview import findings
from service.answering.organisations import body_label
from service.answering.scope import Scope
from service.answering.tools import Tools
from service.answering.verdict import CONCERN, POSITIVE
from service.schemas import Answer

PRAISE = re.compile(r"\b(strengths?|successes|positives|good practice|praise\w*|did well)\b", re.I)
SIMILAR = 0.70        # the cosine at which two findings say the same thing (set on the demo corpus by eye)
PER_REPORT = 4        # findings read from each report
READ = 150            # of its first sentences (reports state their main findings first)
MOST_REPORTS = 60     # the newest reports in scope read; more are named as left out
THEMES = 5


def answer_themes(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    side = POSITIVE if PRAISE.search(scope.question) else CONCERN
    metas = [m for m in tools.newest_first(scope.report_ids)  # (of the reports given the grade asked: "the
             if meets_all(m, scope.conditions, tools.areas)]  # councils rated inadequate")
    read = metas[:MOST_REPORTS]
    found = [ev for meta in read for ev in findings(tools, meta, side, PER_REPORT, READ)]
    groups = themes(tools, found)
    lines = [_line(group, book) for group in groups]
    lines = [line for line in lines if line]
    if not lines:
        return abstain(session_id)
    what = "Strengths" if side == POSITIVE else "Concerns"
    left = f" (the newest {len(read)} of {len(metas)} read)" if len(metas) > len(read) else ""
    text = f"{what} found in more than one report, of {len(read)} reports in scope{left}:\n" + "\n".join(lines)
    return Answer(answer=text, abstained=False, session_id=session_id, citations=book.citations)


def themes(tools: Tools, found: list[Evidence]) -> list[list[Evidence]]:
    """Groups of findings that say the same thing in different reports (one finding per report each), the group
    that most bodies share first; each group opens with its plainest finding (``findings``' score)."""
    if len(found) < 2:
        return []
    vectors = tools.library.text.vectors(np.array([ev.row for ev in found]))
    similar = vectors @ vectors.T >= SIMILAR
    bodies = np.array([body_label(ev.meta) for ev in found])
    left, groups = np.ones(len(found), dtype=bool), []
    while len(groups) < THEMES:
        shared = [len(set(bodies[similar[i] & left])) if left[i] else 0 for i in range(len(found))]
        centre = int(np.argmax(shared))
        if shared[centre] < 2:
            break
        members = np.flatnonzero(similar[centre] & left)
        group = _one_per_report([found[centre]] + [found[i] for i in members if i != centre])
        groups.append(sorted(group, key=lambda ev: -ev.score))  # told by its plainest finding
        left[members] = False
    return groups


def _one_per_report(group: list[Evidence]) -> list[Evidence]:
    return list({ev.report_id: ev for ev in reversed(group)}.values())[::-1]


def _line(group: list[Evidence], book: CitationBook) -> str:
    cited = [(ev, n) for ev in group if (n := book.cite(ev)) is not None]
    if len(cited) < 2:
        return ""
    (first, n), rest = cited[0], cited[1:]
    also = ", ".join(f"{label(ev.meta)} [{m}]" for ev, m in rest)
    return f"- **{len(cited)} reports**: {label(first.meta)}: “{first.quote}” [{n}]; also {also}"
