"""A fact's evidence re-ranked by when it speaks of: the years a question asks about, and a body's latest report
when it asks of the present."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.models import ReportMeta
from service.answering.dates import in_years, parse_years
from service.answering.evidence import Evidence
from service.answering.organisations import latest_per_body

OTHER_YEAR = 0.5       # (z-score units) a sentence dated to years the question does not ask about
SINCE = re.compile(r"\b(since|compared (with|to)|up from|down from)\b", re.I)  # (a change up to now: of now too)
SNAPSHOT = re.compile(r"^\W*(?:at|as at|as of|on)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b",
                      re.I)  # a count taken on a day, told first: the report's own figures
LATEST_BONUS = 0.5     # (z-score units; the frozen halves are the same from 0 to 1)


def dated_as_asked(ranked: list[Evidence], spans: list[tuple[int, int]]) -> list[Evidence]:
    """The ranking with each sentence that gives only years outside those the question asks about lowered by
    ``OTHER_YEAR`` ("In 2013, 33% of care leavers were NEET", asked of 2014: last year's figure), and one of a
    report of other years that gives a year asked raised as much ("supervised 3,729 people in November 2018", in
    the 2019 report, asked of the end of 2018)."""
    return _shifted(ranked, lambda ev: OTHER_YEAR * _dated_when(ev, spans)) if spans else ranked


def _dated_when(ev: Evidence, spans: list[tuple[int, int]]) -> int:
    """-1 for a sentence that gives years, none of them in ``spans`` (a change "since" a year is of now too); 1
    for one that gives one of them in a report neither published nor inspected in them; else 0."""
    given = parse_years(ev.quote) if ev.kind == "sentence" and not SINCE.search(ev.quote) else []
    if not given:
        return 0
    if not any(lo <= high and low <= hi for lo, hi in spans for low, high in given):
        return 0 if SNAPSHOT.search(ev.quote) and in_years(ev.meta, spans, with_fieldwork=True) else -1  # ("At
        # 31 August 2015, 188 children ...", asked of the 2016 report that counted them: its present)
    return int(bool(ev.meta.published) and not in_years(ev.meta, spans, with_fieldwork=True))  # (a report inspected
    # in a year asked is of that year, whenever it came out)


def latest_first(ranked: list[Evidence], reports: list[ReportMeta], typed: bool = False) -> list[Evidence]:
    """The ranking with each body's latest report's evidence raised by ``LATEST_BONUS``: asked of a body in the
    present, with no year, the current report answers unless an older one says it plainly better. When a kind of
    answer is asked (``typed``: a name, a figure), only evidence that gives one is raised: a sentence naming
    nothing does not answer "what is X's council called?" for being the latest."""
    latest = _latest(reports)
    return _shifted(ranked, lambda ev: LATEST_BONUS * (ev.report_id in latest and (not typed or ev.fit >= 1))) \
        if latest else ranked


def _latest(reports: list[ReportMeta]) -> set[str]:
    """The latest report of each body, when some body has more than one in ``reports`` (else none)."""
    latest = {m.report_id for m in latest_per_body(reports)}
    return set() if len(latest) == len(reports) else latest


def _shifted(ranked: list[Evidence], shift: Callable[[Evidence], float]) -> list[Evidence]:
    """The ranking re-sorted after each evidence's score is moved by ``shift`` of it."""
    for ev in ranked:
        ev.score += shift(ev)
    return sorted(ranked, key=lambda ev: -ev.score)


def with_latest(chosen: list[Evidence], ranked: list[Evidence], reports: list[ReportMeta]) -> list[Evidence]:
    """The ``chosen`` evidence and, when none of it is from a body's latest report (asked of the body with no
    year), the best of that report's on the topic first: an older report's finding is not told as the present's
    alone ("what did ofsted say about care leavers in sunderland?": 2025's, then 2015's)."""
    latest = _latest(reports)
    if not latest or any(ev.report_id in latest for ev in chosen):
        return chosen
    return [ev for ev in ranked if ev.report_id in latest and ev.kind == "sentence" and ev.covered > 0][:1] + chosen
