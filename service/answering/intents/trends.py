"""Counts and trends over the reports table: "how many councils were judged inadequate each year since 2018?",
"how have grades changed over time?", "what share were rated good or better by year?".

Counted from each report's grade (overall, or the area asked) and year of publication. The answer is a table
(`Answer.table`, also shown as Markdown) and one item per counted report, cited to the line its grade was read
from, so every number can be checked report by report.
"""

from __future__ import annotations

from collections import defaultdict

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.areas import area_key
from service.answering.compose import CitationBook, abstain, markdown_table
from service.answering.intent import YEAR_MOST, YEARS_COVERED, count_moved
from service.answering.organisations import body_label
from service.answering.scope import Scope, without_names
from service.answering.tools import Tools
from service.schemas import Answer, Item, Table


def answer_trend(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    asked = scope.conditions or grades.conditions(without_names(scope.question, scope.bodies, kinds=scope.kinds),
                                                  tools.areas)
    condition = next((c for c in asked if c.grade), None)  # "outstanding councils per year": attributive too
    area = condition.area if condition else scope.area
    counted = _graded(tools, scope, area)
    if scope.missing or not counted:
        return abstain(session_id)
    by_year: dict[int, list[tuple[ReportMeta, str, int]]] = defaultdict(list)
    for meta, grade, key in counted:
        evidence = grades.grade_evidence(tools.library, meta, key)
        if evidence is not None and (n := book.cite(evidence)) is not None:
            by_year[meta.published.year].append((meta, grade, n))  # type: ignore[union-attr]
    if not by_year:
        return abstain(session_id)
    table = _table(by_year, condition)
    what = f"*{area}*" if area else "overall"
    peak = YEAR_MOST.search(scope.question)
    lead = (_span(tools, scope) if YEARS_COVERED.search(scope.question) else "") + \
        (_peak(table, condition, peak[1].lower()) if peak and condition else "") + \
        _moved(table, condition) * count_moved(scope.question) + _lead(table, condition, what)
    items = [Item(body=body_label(m), report_id=m.report_id, verdict="grade", citations=[n],
                  published=m.published_iso(), finding=f"rated {g} {'for ' + area if area else 'overall'}")
             for year in sorted(by_year) for m, g, n in by_year[year]]
    text = f"{lead}\n\n{markdown_table([table.columns, *[[str(c) for c in row] for row in table.rows]])}"
    return Answer(answer=text, abstained=False, session_id=session_id, citations=book.citations, items=items,
                  table=table)


def _graded(tools: Tools, scope: Scope, area: str | None) -> list[tuple[ReportMeta, str, str | None]]:
    """The reports in scope with a date and a grade for what is asked: (report, grade, the report's own key for
    that grade: None for overall, else its area name)."""
    out = []
    for report_id in scope.report_ids:
        meta = tools.library.reports[report_id]
        key = area_key(meta, area, tools.areas)
        grade = grades.grade_for(meta, key)
        if grade and meta.published:
            out.append((meta, grade, key))
    return out


def _table(by_year: dict[int, list[tuple[ReportMeta, str, int]]], condition: grades.Condition | None) -> Table:
    """A row per year: the count of each grade and the total; with a grade asked, that count and its share."""
    columns = ["year", *GRADES, "graded reports"]
    several = bool(condition and condition.also)  # "good or outstanding": their sum is a column of its own
    if condition:
        columns += [_label(condition)] * several + [f"share {_label(condition)} %"]
    rows, citations = [], []
    for year in sorted(by_year):
        found = [g for _, g, _ in by_year[year]]
        row: list[str | int | float] = [year, *(found.count(g) for g in GRADES), len(found)]
        if condition:
            hits = sum(1 for g in found if condition.accepts(g))
            row += [hits] * several + [round(100 * hits / len(found), 1)]
        rows.append(row)
        citations.append([n for _, _, n in by_year[year]])
    return Table(columns=columns, rows=rows, citations=citations)


def _label(condition: grades.Condition) -> str:
    return " or ".join(g for g in GRADES if g == condition.grade or g in condition.also)


def _lead(table: Table, condition: grades.Condition | None, what: str) -> str:
    """The trend in one sentence: first and last year, and the asked grade's count in each year."""
    first, last = table.rows[0][0], table.rows[-1][0]
    total = sum(int(row[len(GRADES) + 1]) for row in table.rows)
    head = f"Grades ({what}) by year of publication, {first}\u2013{last}: {total} graded reports"
    if not condition:
        return head + ", each counted report cited below."
    per_year = "; ".join(f"{row[0]}: {_hits(row, condition)} of {row[len(GRADES) + 1]} ({row[-1]}%)"
                         for row in table.rows)
    return f"{head}. Rated **{_label(condition)}**: {per_year}."


def _moved(table: Table, condition: grades.Condition | None) -> str:
    """"Has the number rated outstanding gone up since 2018?": the first and last year's count and share so rated,
    first; which way, when count and share moved the same way ("" with no grade asked or one year)."""
    if not condition or len(table.rows) < 2:
        return ""
    ends = [(row[0], _hits(row, condition), row[len(GRADES) + 1], row[-1]) for row in (table.rows[0], table.rows[-1])]
    (first, hits, graded, share), (last, hits2, graded2, share2) = ends
    ways = {(hits2 > hits) - (hits2 < hits), (share2 > share) - (share2 < share)}
    way = f"**{['Unchanged', 'Up', 'Down'][ways.pop()]}**: in" if len(ways) == 1 else "In"
    return f"{way} {first}, {hits} of {graded} graded reports ({share}%) were rated {_label(condition)}; in " \
           f"{last}, {hits2} of {graded2} ({share2}%).\n\n"


def _hits(row: list[str | int | float], condition: grades.Condition) -> int:
    return sum(int(row[1 + i]) for i, g in enumerate(GRADES) if condition.accepts(g))


def _peak(table: Table, condition: grades.Condition, most: str) -> str:
    """"Which year had the most inadequate ratings?": the year (or years) with the most (fewest) so rated, first."""
    counts, top = {row[0]: _hits(row, condition) for row in table.rows}, most in ("most", "highest")
    best = (max if top else min)(counts.values())
    years = [f"**{year}**" for year, hits in counts.items() if hits == best]
    years = " and ".join([", ".join(years[:-1]), years[-1]] if len(years) > 1 else years)
    return f"{years}: {best} rated {_label(condition)}, the {'most' if top else 'fewest'} of any year in scope.\n\n"


def _span(tools: Tools, scope: Scope) -> str:
    """"What years do the reports cover?": how many reports in scope were published in each year, graded or not."""
    years = sorted(m.published.year for m in map(tools.library.reports.get, scope.report_ids) if m and m.published)
    if not years:
        return ""
    each = ", ".join(f"{year}: {years.count(year)}" for year in sorted(set(years)))
    return f"The {len(years)} dated reports in scope were published {years[0]}\u2013{years[-1]} ({each}).\n\n"
