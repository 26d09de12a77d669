"""Comparisons ("compare A and B", "A vs B", "which was rated better, A or B", "how did A change between 2018
and 2020"): the reports side by side, one item and one table column each: their grades, then on the aspect
asked their best evidence, or (no aspect) their main strength and main concern."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.areas import area_key
from service.answering.compose import CitationBook, abstain, markdown_table
from service.answering.context import BOTH_TIMES, CHANGE_ASKED, EARLIER_REPORT, LATER_REPORT
from service.answering.evidence import Evidence, label
from service.answering.fit import CLAUSE_READ, count_told_first
from service.answering.intents.changes import area_changes, area_grades, change, graded_areas, yes_or_no
from service.answering.intents.verdicts import WORSE, aspect_lean, ever_rated, verdict
from service.answering.intents.fact import answer_fact
from service.answering.intents.overview import SUBJECT_SHARE, answer_overview, findings
from service.answering.intents.reading import outcome
from service.answering.organisations import body_label, group_by_body
from service.answering.intent import ALWAYS, COMPARE_WORDS, HOW_RATED, OVER_TIME, OVERVIEW_WORDS, SIDES, over_time
from service.answering.scope import RATING, Scope
from service.answering.text import A_YEAR, content_words, stem, stems
from service.answering.asks import NUMBER_Q, sides_named
from service.answering.thesaurus import reports_words
from service.answering.tools import Tools
from service.answering.verdict import is_absence
from service.schemas import Answer, Item

WHICH_RATED = re.compile(r"\b(better|worse|best|worst|stronger|strongest|weaker|weakest|poorer|poorest|higher|"
                         r"highest|lower|lowest)\b", re.I)  # (which was rated so: asked)
HOW_MANY_COMPARED = re.compile(r"two|three|four|five|both|each|all|several", re.I)
IMPROVED_ASKED = re.compile(r"\b(improv\w*|got better|get better|gains?|progress\w*)\b", re.I)
ON_ASPECTS = re.compile(r"\b(?:on|about|regarding|in terms of|for)\s+(.+?)\s*\??$", re.I)  # "... on X and Y"
AND_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*", re.I)
EITHER_WAY = re.compile(r"\b(chang\w*|differ\w*|shift\w*|evolv\w*|moved on|why|any (?:better|worse)|better or worse)\b",
                        re.I)  # how it changed (and why: "was X better in 2020 than in 2018, and why?"; "was it any
# better than last time?")
DECLINE_ASKED = re.compile(r"\b(worse|declin\w*|deteriorat\w*|slipp\w*|went down|go down)\b", re.I)
DECLINED = re.compile(r"\b(worse|declin\w*|deteriorat\w*|slipped|fell|dropped|weaker than)\b", re.I)
ROW_NAMES = {"improved": "What improved", "declined": "What got worse", "positive": "Main strength",
             "concern": "Main concern"}
SAME_GIVEN = re.compile(r"\b(?:had|have|has|share[ds]?|with|under)\s+(?:the\s+)?same\s+(?:owners?|parent|company|"
                        r"provider)\b", re.I)  # (what the question states they share)
MAX_AREAS = 6
ASPECT_READ = 3   # a report's best sentences on an aspect, the first holding its words leading
MAX_REPORTS = 6   # one body "over time": its reports side by side, at most this many (the newest)


def answer_compare(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    named = {w.lower() for name in scope.names for w in name.split()}  # ("both working links": no aspect)
    aspect = [w for w in scope.topic_words if stem(w) not in COMPARE_WORDS | OVERVIEW_WORDS | SIDES
              and tools.library.text.share(w) >= SUBJECT_SHARE and not HOW_MANY_COMPARED.fullmatch(w)
              and not ALWAYS.fullmatch(w) and not HOW_RATED.fullmatch(w)  # ("was it always that bad?": no aspect)
              and w.lower() not in named | _framing(scope.question) and (stem(w) not in RATING or tools.areas.best(w))]
    # ("were assessments any better?": a judgement area's name, not how it was rated)
    # ("stack up against": no subject of the reports; "the two inspections": how many, not what)
    metas = compared(tools, scope, bool(aspect))
    if not scope.missing and len(metas) == 1 and len({b.body for b in scope.bodies}) == 1:
        return _only_one(tools, scope, metas[0], book, session_id)  # ("did Thames Valley improve?": one report)
    if scope.missing or len(metas) < 2:
        return answer_fact(tools, scope, book, session_id)
    table = [["", *(f"**{label(m)}**" for m in metas)]]
    aspects, leans = [], ""  # what is asked on comes first ("how did workloads at X change?"), then the grades
    for said, asked in _aspects(scope, aspect):
        best = [_best_on(tools, m, asked, said) for m in metas]
        if _given(best, scope.question):
            continue  # ("MTCnovo ran both A and B - how did the two compare?": their owner is given, not asked)
        if any(ev and (ev.covered or ev.kind != "sentence") for ev in best):  # (none holds a word of it: "the same
            table.append([said.capitalize(), *(_cell(ev, book) for ev in best)])  # week": nothing said on it)
            aspects.append((said, asked))
            leans = leans or aspect_lean(metas, best, said, scope.question)
    if any(m.overall for m in metas):
        table.append(["Overall grade", *(_grade_cell(tools, m, None, book) for m in metas)])
    elif any(outcomes := [outcome(tools, m) for m in metas]):  # ungraded reports (area SEND inspections): the
        table.append(["Outcome", *(_cell(ev, book) for ev in outcomes)])  # sentence each gives as its outcome
    for area, cells in (areas_graded := graded_areas(tools, metas))[:MAX_AREAS]:
        keys = [cells.get(m.report_id) or area_key(m, area, tools.areas) or "" for m in metas]
        table.append([area, *(_grade_cell(tools, m, key, book) + (f" (as *{key}*)" if key and key != area else "")
                              for m, key in zip(metas, keys))])
    if not aspects:
        one_body = len({body_label(m) for m in metas}) == 1  # ("DTV 2019 vs 2020 - what improved?": what each
        sides = [side for side, cue in (("improved", IMPROVED_ASKED), ("declined", DECLINE_ASKED))  # report says
                 if one_body and (cue.search(scope.question) or EITHER_WAY.search(scope.question))]  # got better
        shown: set[str] = set()  # (worse), first; both, when how it changed is asked
        named = sides_named(scope.question)  # ("compare the problems at A and B": their concerns only)
        for side in [*sides, *(side for side in ("positive", "concern") if len(named) != 1 or side in named)]:
            found = [_finding(tools, m, side, shown) for m in metas]
            shown |= {ev.quote for ev in found if ev}
            if any(found) or side not in sides:
                table.append([ROW_NAMES[side], *(_cell(ev, book) for ev in found)])
    if not book.citations:
        return abstain(session_id)
    items = [Item(body=body_label(m), report_id=m.report_id, verdict="grade" if m.overall else "mentioned",
                  citations=sorted({c.n for c in book.citations if c.report_id == m.report_id}),
                  published=m.published_iso(), finding=f"rated {m.overall} overall" if m.overall else None)
             for m in metas]
    asked = area_grades(tools, metas, scope)
    said = ever_rated(tools, scope) or verdict(metas, scope, asked)
    graded_in = {on: [bool(area and area_key(m, area, tools.areas)) for m in metas]
                 for on, _ in aspects for area in [tools.areas.best(on)]}
    unrated = [on for on, graded in graded_in.items() if not any(graded)]  # (what is asked, when no report grades
    partly = [on for on, graded in graded_in.items() if any(graded) and not all(graded)]  # it; or not every one)
    on_area = area_rated(metas, scope, asked)
    text = f"{said}{summary(metas, scope.question, unrated, bool(on_area), bool(areas_graded), partly)}{on_area}" \
           f"{leans if unrated and not on_area else ''}" \
           f"{area_changes(tools, metas)}\n\n" \
           f"{markdown_table(table)}"
    return Answer(answer=text, abstained=False, session_id=session_id, citations=book.citations, items=items)


SINCE_THEN = re.compile(r"\bsince\b", re.I)  # ("better since its 2014 inspection": when, not what on)


def _framing(question: str) -> set[str]:
    """The words that pick the reports to set side by side ("did they keep it up at the next one?"), not what on."""
    return {w.lower() for pattern in (CHANGE_ASKED, EARLIER_REPORT, LATER_REPORT, BOTH_TIMES, OVER_TIME, SINCE_THEN)
            for match in pattern.finditer(question) for w in match.group(0).split()}


def compared(tools: Tools, scope: Scope, aspect: bool = False) -> list[ReportMeta]:
    """The reports to set side by side: the latest in scope of each body named (with an ``aspect`` asked and no
    year, the one that says most on it, unless it is a judgement area the latest grades); for one body, its first and last report in the years named (its latest
    two when no years are named, or only its latest is in scope; all of them, oldest first, "over time")."""
    by_body = group_by_body(tools.newest_first(scope.report_ids))
    if len(by_body) == 1:
        metas = next(iter(by_body.values()))
        every = over_time(scope) or ALWAYS.search(scope.question)  # ("was it always that good?")
        if (len(metas) == 1 or every) and len(scope.bodies) == 1:  # "did X get worse at its last inspection": and
            metas = tools.newest_first(scope.bodies[0].report_ids)  # before; of a grade asked, every grade it had
        if beside := _beside_year(scope.question, metas):  # "compare X's 2022 inspection with the one before"
            return beside
        asked = sorted({y for span in scope.years for y in span if y not in (0, 9999)})
        if not every and len(scope.years) == 1 and scope.years[0][0] == scope.years[0][1] \
                and (before := _beside(metas, nearest(metas, asked[0]))):
            return before  # ("did Kent get better or worse in 2022?": its 2022 report and the one before it)
        picked = metas[:MAX_REPORTS][::-1] if every and not scope.years \
            else [nearest(metas, year) for year in asked] if len(asked) >= 2 \
            else [metas[-1], metas[0]] if scope.years and len(metas) > 1 else metas[:2][::-1]
        return list({m.report_id: m for m in picked}.values())
    if own := _own_years(scope):  # "A in 2020 against B's 2018 inspection": each body's report of its own year
        return [nearest(metas, own[body]) for body, metas in by_body.items() if body in own]
    if aspect and not scope.years:  # "which was better at home visits, A or B?": the reports that speak of it
        return [metas[0] if scope.area and area_key(metas[0], scope.area, tools.areas)  # (an area the latest
                else max(metas, key=lambda m: _strength_on(tools, m, scope)) for metas in by_body.values()]  # grades)
    asked = {y for span in scope.years for y in span if y not in (0, 9999)}
    if len(asked) == 1:  # (each one's report of that year; its nearest when it has none: the scope's note says so)
        year = asked.pop()
        return [nearest(metas, year) for metas in by_body.values()]
    return [metas[0] for metas in by_body.values()]


def _beside(metas: list[ReportMeta], anchor: ReportMeta, later: bool = False) -> list[ReportMeta]:
    """``anchor`` and the report published just before (after) it, oldest first ([] when there is none)."""
    beside = [m for m in metas if m.published and anchor.published and m.published != anchor.published
              and (m.published > anchor.published) == later]
    if not beside:
        return []
    return sorted([anchor, (min if later else max)(beside, key=lambda m: m.published)], key=lambda m: m.published)


JUST_BEFORE = re.compile(r"\b(?:to|with|than|from|on|against)\s+(?:(?:how\s+)?(?:it|they|things)\s+(?:was|were|did)\s+)?"
                         r"(?:before|previously|last time)\b", re.I)  # ("its 2023 inspection compared to before")


def _beside_year(question: str, metas: list[ReportMeta]) -> list[ReportMeta]:
    """One year written and the inspection before (after) it asked for: that year's report and the one published
    just before (after) it, oldest first; [] otherwise."""
    years, later = set(A_YEAR.findall(question)), bool(LATER_REPORT.search(question))
    if len(years) != 1 or not (later or EARLIER_REPORT.search(question) or JUST_BEFORE.search(question)):
        return []
    return _beside(metas, nearest(metas, int(years.pop())), later)


def _own_years(scope: Scope) -> dict[str, int]:
    """Each body named and the year written after it, before the next body ("How did A in 2020 stack up against
    B's 2018 inspection?"); {} unless every body has one and they differ."""
    named = sorted(scope.bodies, key=lambda b: b.start)
    own: dict[str, int] = {}
    for body, after in zip(named, [*named[1:], None]):
        year = A_YEAR.search(scope.question, body.end, after.start if after else len(scope.question))
        if year:
            own.setdefault(body.body, int(year.group(0)))
    return own if len(own) == len({b.body for b in named}) and len(set(own.values())) > 1 else {}


def _aspects(scope: Scope, aspect: list[str]) -> list[tuple[str, Scope]]:
    """The aspects asked, each with the scope that ranks a report's sentences on it: one per part of "on X and Y"
    when each part names one (in the reports' words or in everyday ones: "on community service and staff
    workloads"), else all the aspect words as one."""
    said = ON_ASPECTS.search(scope.question)
    parts = [part for part in AND_SPLIT.split(said.group(1)) if part] if said else []
    kept = [(part, [w for w in content_words(part) if w in aspect] or content_words(reports_words(part)))
            for part in parts]
    if len(kept) < 2 or not all(words for _, words in kept):  # (one aspect: as the question writes it, "through
        named = said.group(1) if said and set(aspect) == set(content_words(said.group(1))) else " ".join(aspect)
        counted = replace(scope, answer_type="number") if NUMBER_Q.search(named) else scope  # ("on overall grade
        return [(named, counted)] if aspect else [(scope.jargon, scope)] if scope.jargon else []  # and number of
        # children in care": a figure; "through the gate")
    # (an aspect only in everyday words the reports never use: "on community payback" is on unpaid work)
    return [(part, replace(scope, question=part, topic_words=words, jargon=reports_words(part), bodies=[],
                           answer_type="number" if NUMBER_Q.search(part) else scope.answer_type))
            for part, words in kept]


def _finding(tools: Tools, meta: ReportMeta, side: str, shown: set[str]) -> Evidence | None:
    """The report's main finding on one side not ``shown`` in a row above; for "declined", its main concern that
    says something got worse."""
    found = findings(tools, meta, "concern" if side == "declined" else side, 6 if side == "declined" else 2)
    return next((ev for ev in found if ev.quote not in shown and (side != "declined" or DECLINED.search(ev.quote))),
                None)


def _strength_on(tools: Tools, meta: ReportMeta, scope: Scope) -> float:
    best = _best_on(tools, meta, scope)  # (a report saying it does not say is no report on it: "Owner: not stated")
    return best.strength if best is not None and not is_absence(best.quote) else 0.0


def nearest(metas: list[ReportMeta], year: int) -> ReportMeta:
    """The report published nearest to ``year`` ("Kent in 2018" when its reports are of 2017 and 2022: 2017)."""
    return min(metas, key=lambda m: abs(m.published.year - year) if m.published else 9999)


def _only_one(tools: Tools, scope: Scope, meta: ReportMeta, book: CitationBook, session_id: str) -> Answer:
    """One body's change asked when the index holds one inspection of it: says so, then what that report says."""
    said = answer_overview(tools, replace(scope, report_ids=[meta.report_id]), book, session_id)
    year = f" ({meta.published.year})" if meta.published else ""
    others = sum(body_label(m) == body_label(meta) for m in tools.library.reports.values()) > 1
    note = f"Only one inspection of {body_label(meta)} is in this index{year}, so no change between inspections " \
           "can be read from it; that report says:" if not others else f"Only the {label(meta)} report is asked " \
           "about here, so no change between inspections can be read from it; it says:"  # (its others: not asked)
    return said if said.abstained else said.model_copy(update={"answer": f"{note}\n\n{said.answer}"})


def _grade_cell(tools: Tools, meta: ReportMeta, key: str | None, book: CitationBook) -> str:
    """The report's grade for its area ``key`` (None: overall; "": an area it does not grade), cited."""
    grade = grades.grade_for(meta, key) if key != "" else None
    ev = grades.grade_evidence(tools.library, meta, key) if grade else None
    n = book.cite(ev) if ev else None
    return f"**{grade}** [{n}]" if grade and n else "not graded"


def _best_on(tools: Tools, meta: ReportMeta, scope: Scope, on: str = "") -> Evidence | None:
    """The report's best sentence on the aspect: of the best few, the first that holds all its words, else some of
    them, else the best;
    for its owner, lead inspector or dates ("who ran them"), the line its metadata was read from."""
    topic = stems(" ".join(scope.topic_words))
    aspect = stems(on) if on else topic
    if aspect and (claim := next((c for c in tools.claims([meta.report_id]) if c.answers != "grade"
                                  and aspect <= c.asked_by), None)):
        return claim.evidence
    question = tools.of_scope(scope)
    if question.answer_type == "number":  # ("on number of children in care": the count whose clause says it)
        ranked = tools.ranker.rank(question, tools.rows([meta.report_id]), limit=CLAUSE_READ)
        return next(iter(count_told_first(tools, question, ranked, on or " ".join(scope.topic_words))), None)
    ranked = tools.ranker.rank(question, tools.rows([meta.report_id]), limit=ASPECT_READ)
    return next((ev for ev in ranked if aspect <= stems(ev.quote)), None) or \
        next((ev for ev in ranked if stems(ev.quote) & topic), ranked[0]) if ranked else None  # (all its words
    # first: "unpaid work", not "Through the Gate work" for sharing "work")


def _given(best: list[Evidence | None], question: str) -> bool:
    """True when every report's answer on an aspect is a line of its metadata the question itself states, by
    its value ("MTCnovo ran both") or as the same for all ("A and B had the same owner - how did they differ?")."""
    same = len({ev.quote.lower() for ev in best if ev}) == 1 and SAME_GIVEN.search(question)
    return all(ev and ev.kind != "sentence" and (same or ev.quote.lower() in question.lower()) for ev in best)


def _cell(ev: Evidence | None, book: CitationBook) -> str:
    n = book.cite(ev) if ev else None
    return f"{ev.quote.replace('|', '/')} [{n}]" if ev and n else "—"


def summary(metas: list[ReportMeta], question: str = "", aspects: list[str] | None = None, area: bool = False,
            areas_graded: bool = False, partly: list[str] | None = None) -> str:
    """One line naming each report's overall grade, and which was rated better (best of more than two; worse or
    worst when the question asks which was) when they differ; with ``aspects`` asked ("which was worse on staff
    workloads?"), that the grades are overall and the reports' words on them follow; none of which was better
    when a judgement ``area`` is asked (``area_rated`` says it)."""
    parts = [f"**{label(m)}** was rated **{m.overall}** overall" if m.overall
             else f"**{label(m)}** gave no overall grade" for m in metas]
    graded = [m for m in metas if m.overall]
    line = "; ".join(parts) + "."
    if area:
        return line
    one_body = len(graded) >= 2 and len({body_label(m) for m in graded}) == 1
    if one_body and (aspects or partly) and CHANGE_ASKED.search(question):  # (``partly``: asked, graded by some)
        return line if areas_graded else f"{line} These reports give no grade for {' or '.join(aspects)}: what " \
            "each says is set side by side below."  # ("did its case supervision get better?": its overall grade is
        # not what was asked; its areas' grades, when shown below, may be)
    if one_body:
        return yes_or_no(graded, question) + line + " " + change(graded)
    worse = bool(WORSE.search(question))
    word = ("worse" if worse else "better") if len(graded) == 2 else ("worst" if worse else "best")
    if aspects and len(graded) >= 2 and WHICH_RATED.search(question):  # (no grade is given on what is asked)
        line += f" These reports give no grade for {' or '.join(aspects)}: what each says is set side by side below."
    elif chosen := picked(metas, question):
        line += f" Rated {word}: {', '.join(f'**{label(m)}**' for m in chosen)}."
    elif len(graded) >= 2 and len({m.overall for m in graded}) == 1 and WHICH_RATED.search(question):
        which = "Both" if len(graded) == len(metas) == 2 else "All" if len(graded) == len(metas) else "The graded ones"
        line += f" {which} had the same overall grade: {'neither' if len(graded) == 2 else 'none'} was rated {word}."
    return line


def area_rated(metas: list[ReportMeta], scope: Scope, asked: tuple[str, list[str]] | None) -> str:
    """Each report's grade for the judgement area ``asked`` and which was rated better (worse) on it."""
    if asked is None or not WHICH_RATED.search(scope.question):
        return ""
    told = "; ".join(f"**{label(m)}** **{grade}**" for m, grade in zip(metas, asked[1]))
    ranks = [GRADES.index(grade) for grade in asked[1]]
    word, pick = ("worse", max) if WORSE.search(scope.question) else ("better", min)
    which = f"neither was rated {word}" if len(set(ranks)) == 1 else f"rated {word}: " + ", ".join(
        f"**{label(m)}**" for m, rank in zip(metas, ranks) if rank == pick(ranks))
    return f" On *{asked[0]}*: {told}; {which}."


def picked(metas: list[ReportMeta], question: str) -> list[ReportMeta]:
    """Of reports of different bodies, those rated best (worst, when the question asks which was worse); none
    when their grades are the same."""
    graded = [m for m in metas if m.overall]
    ranks = {GRADES.index(m.overall) for m in graded}
    if len(graded) < 2 or len(ranks) < 2 or len({body_label(m) for m in graded}) == 1:
        return []
    extreme = (max if WORSE.search(question) else min)(ranks)  # (GRADES run best first)
    return [m for m in graded if GRADES.index(m.overall) == extreme]
