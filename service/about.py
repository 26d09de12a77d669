"""What the served index holds, in a sentence and a few example questions drawn from its own reports.

The page and the widget show this instead of a fixed description, so an index of Ofsted reports is introduced
as such and suggests questions its reports can answer.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel, Field

from ingest.models import GRADES, ReportMeta
from service.answering.organisations import body_label, latest_per_body, org_type

RECENT = 8
PLURALS = {"crc": "CRCs", "nps": "probation divisions", "local authority": "councils"}


class About(BaseModel):
    reports: int
    bodies: int = Field(description="distinct inspected organisations")
    inspectorates: list[str]
    published_from: str | None = Field(description="earliest report date, as precisely as that report gives it")
    published_to: str | None
    description: str = Field(description="one sentence naming what the index holds")
    recent: list[str] = Field(description="the newest reports, as \"Body (year)\"")
    examples: list[str] = Field(description="questions about this index's own reports")


def describe(reports: list[ReportMeta]) -> About:
    """The index in a sentence, with example questions built from its most recent reports."""
    dated = sorted((m for m in reports if m.published), key=lambda m: m.published)  # type: ignore[arg-type,return-value]
    inspectorates = [name for name, _ in Counter(m.inspectorate for m in reports if m.inspectorate).most_common()]
    bodies = len({body_label(m) for m in reports})
    return About(reports=len(reports), bodies=bodies, inspectorates=inspectorates,
                 published_from=dated[0].published_iso() if dated else None,
                 published_to=dated[-1].published_iso() if dated else None,
                 description=_sentence(len(reports), bodies, inspectorates, dated), examples=examples(reports),
                 recent=[_label(m) for m in _latest_per_body(reports)[:RECENT]])


def _sentence(reports: int, count: int, inspectorates: list[str], dated: list[ReportMeta]) -> str:
    if not reports:
        return "This index holds no reports yet: add some with `python -m ingest PATH`."
    by = f" by {_join(inspectorates[:3])}" if inspectorates else ""
    years = sorted({m.published.year for m in dated if m.published})
    when = f", published {years[0]}\u2013{years[-1]}" if len(years) > 1 else f", published {years[0]}" if years else ""
    return (f"This index holds {reports} inspection report{'s' if reports != 1 else ''}{by} "
            f"about {count} organisation{'s' if count != 1 else ''}{when}.")


def examples(reports: list[ReportMeta]) -> list[str]:
    """Up to four questions, each about reports that are in the index: a grade, a summary, a list, a comparison."""
    latest = _latest_per_body(reports)
    graded = [m for m in latest if m.overall]
    out = []
    if graded:
        first = graded[0]
        year = f" in {first.published.year}" if first.published else ""
        out.append(f"What overall grade did {body_label(first)} get{year}?")
    if others := [m for m in latest if not graded or m is not graded[0]]:
        out.append(f"Summarise the {body_label(others[0])} inspection")
    if list_question := _grade_list(reports):
        out.append(list_question)
    if len(graded) >= 3:
        out.append(f"Compare {body_label(graded[1])} and {body_label(graded[2])}")
    return out


def _latest_per_body(reports: list[ReportMeta]) -> list[ReportMeta]:
    """Each body's newest report, newest first."""
    return sorted(latest_per_body(reports), key=lambda m: (m.published or date.min, m.report_id), reverse=True)


def _grade_list(reports: list[ReportMeta]) -> str | None:
    """"Which councils were rated inadequate in 2023?" for the lowest grade given in the busiest year."""
    graded = [m for m in reports if m.overall]
    if not graded:
        return None
    kinds = Counter(org_type(m) for m in graded)
    noun = PLURALS.get(kinds.most_common(1)[0][0] or "", "organisations")
    grade = max((m.overall for m in graded if m.overall), key=GRADES.index)
    years = Counter(m.published.year for m in graded if m.published and m.overall == grade)
    year = f" in {years.most_common(1)[0][0]}" if years else ""
    return f"Which {noun} were rated {grade}{year}?"


def _label(meta: ReportMeta) -> str:
    return f"{body_label(meta)} ({meta.published.year})" if meta.published else body_label(meta)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
