"""How one body's grades moved between its reports: overall ("Improved: from inadequate (2015) to good (2023)")
and per judgement area, the areas of different frameworks matched by name and meaning."""

from __future__ import annotations

import re

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.areas import area_key
from service.answering.organisations import body_label
from service.answering.scope import Scope
from service.answering.tools import Tools


def graded_areas(tools: Tools, metas: list[ReportMeta]) -> list[tuple[str, dict[str, str]]]:
    """Judgement areas graded in any compared report, named as the newest report names them, each with the area
    of each report matched to it: one row for a judgement two frameworks name differently; a report's areas in
    different rows (an earlier combined "children in care and care leavers" fills both later rows)."""
    rows: list[tuple[str, dict[str, str]]] = []
    for meta in sorted(metas, key=lambda m: str(m.published or ""), reverse=True):
        free = list(meta.areas)
        for name, cells in rows:
            if (area := tools.areas.closest(name, free)) is not None:
                cells[meta.report_id] = area
                free.remove(area)
        rows += [(area, {meta.report_id: area}) for area in free]
    return rows


def area_changes(tools: Tools, metas: list[ReportMeta]) -> str:
    """Of one body's reports, the judgement areas whose grade went up or down from the first to the last (each
    named as the newest report names it): " **Went up**: *X* (from requires improvement to good)."; of two
    bodies' reports, the areas they were graded differently for, or that they were graded alike in every one."""
    graded = sorted((m for m in metas if m.areas), key=lambda m: str(m.published or ""))
    if len(graded) == len(metas) == 2 and len({body_label(m) for m in graded}) == 2:
        return areas_apart(tools, metas)  # (in the table's order)
    if len(graded) < 2 or len({body_label(m) for m in graded}) != 1:
        return ""
    first, last = graded[0], graded[-1]
    moved: dict[bool, list[str]] = {True: [], False: []}
    for area, cells in graded_areas(tools, [first, last]):
        before, after = (grades.grade_for(m, cells.get(m.report_id, "")) for m in (first, last))
        if before and after and before != after:
            moved[GRADES.index(after) < GRADES.index(before)].append(f"*{area}* (from {before} to {after})")
    return "".join(f" **{'Went up' if up else 'Went down'}**: {'; '.join(said)}." for up, said in moved.items()
                   if said)

YES_NO = re.compile(r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:had|has|have|did|does|do|is|was|were)\b", re.I)
WENT_UP = re.compile(r"\b(improv\w*|better|progress\w*|went up|gone up|go up)\b", re.I)
WENT_DOWN = re.compile(r"\b(worse|declin\w*|deteriorat\w*|slipp\w*|dropp\w*|fell|fallen|went down|gone down|go down)\b",
                       re.I)


def yes_or_no(metas: list[ReportMeta], question: str) -> str:
    """"Had that improved by 2020?", "has it got worse?": "**Yes.** " or "**No.** " by how one body's overall
    grade moved from its first report to its last ("**Partly.** " when it stayed but an area moved that way); ""
    for any other question (or "better or worse?")."""
    up, down = bool(WENT_UP.search(question)), bool(WENT_DOWN.search(question))
    if not YES_NO.search(question) or up == down:
        return ""
    first, last = sorted(metas, key=lambda m: str(m.published or ""))[::len(metas) - 1]
    step = GRADES.index(first.overall) - GRADES.index(last.overall)  # GRADES run best first
    if step == 0 and _areas_moved(first, last, up):
        return "**Partly.** "  # ("did sunderland get better?": outstanding both times, one area up)
    return "**Yes.** " if (step > 0 if up else step < 0) else "**No.** "


def _areas_moved(first: ReportMeta, last: ReportMeta, up: bool) -> bool:
    """True when a judgement area both reports grade (by the same name) moved the way asked."""
    return any((GRADES.index(last.areas[a]) < GRADES.index(g)) == up and last.areas[a] != g
               for a, g in first.areas.items() if a in last.areas)


def change(metas: list[ReportMeta]) -> str:
    """One body's earliest and latest grades compared: improved, declined or unchanged."""
    first, last = sorted(metas, key=lambda m: str(m.published or ""))[::len(metas) - 1]
    step = GRADES.index(first.overall) - GRADES.index(last.overall)  # GRADES run best first
    verdict = "**Improved**" if step > 0 else "**Declined**" if step < 0 else "**Unchanged**"
    when = [m.published.year if m.published else "undated" for m in (first, last)]
    return f"{verdict}: from {first.overall} ({when[0]}) to {last.overall} ({when[1]})."


def areas_apart(tools: Tools, pair: list[ReportMeta]) -> str:
    """Two bodies' reports: " **Graded differently**: *X* (A good, B requires improvement)." for the areas both
    grade apart, or " **Graded alike in every area** both grade." ("were their judgements the same?")."""
    both = [(area, [grades.grade_for(m, cells.get(m.report_id, "")) for m in pair])
            for area, cells in graded_areas(tools, pair)]
    both = [(area, said) for area, said in both if all(said)]
    apart = [f"*{area}* ({', '.join(f'{body_label(m)} {g}' for m, g in zip(pair, said))})"
             for area, said in both if said[0] != said[1]]
    if not both:
        return ""
    return f" **Graded differently**: {'; '.join(apart)}." if apart else " **Graded alike** in every area both grade."


def area_grades(tools: Tools, metas: list[ReportMeta], scope: Scope) -> tuple[str, list[str]] | None:
    """The judgement area asked of two or more bodies' reports, as the first names it, and each one's grade for
    it ("which was better for care leavers?"); None when no area is asked or a report does not grade it."""
    keys = [area_key(m, scope.area, tools.areas) if scope.area else None for m in metas]
    given = [grades.grade_for(m, key) if key else None for m, key in zip(metas, keys)]
    return (keys[0], given) if len({body_label(m) for m in metas}) > 1 and all(given) else None
