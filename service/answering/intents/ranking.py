"""Rankings over metadata: by grade ("which provider was worst?", "the best-rated council in 2023"), the reports
in scope with the highest (or lowest) overall grade, each cited to the line its grade was read from; by date
("the most recent inspection", "which council was rated outstanding first?"), the newest (or earliest) report
in scope meeting the grade asked, cited to its date."""

from __future__ import annotations

import re
from collections import Counter

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.compose import CitationBook, Row, abstain, list_answer
from service.answering.evidence import Evidence, provenance_evidence
from service.answering.intents.compare import answer_compare
from service.answering.intents.fact import KEEP_WITHIN, answer_fact, lead
from service.answering.intents.grade_lists import biggest_changes, none_graded, overall_row
from service.answering.intents.lists import dated_rows
from service.answering.areas import area_key
from service.answering.organisations import body_label, group_by_body, latest_per_body, org_type
from service.answering.intent import (BEST_WORST, FIRST_TO, LEAGUE, MOST_CHANGED, MOST_GRADED, MOST_INSPECTED,
                                      SOONEST, SUPERLATIVES, quantity_asked)
from service.answering.scope import Scope
from service.answering.text import A_YEAR, MONTH, RATE, content_words, stem, words
from service.answering.tools import Tools
from service.schemas import Answer

WORST = re.compile(r"\b(worst|lowest|bottom|poorest|weakest)\b", re.I)
FEWEST = re.compile(r"\b(fewest|smallest|lowest|least|lightest|fewer|smaller|lower|less|lighter)\b(?!\s+than\b)", re.I)
STATES_MOST = re.compile(rf"(?<!at )\b({'|'.join(SUPERLATIVES)})\b", re.I)  # (not "at least two years")
EARLIEST = re.compile(r"\b(first|earliest|oldest)\b", re.I)
STATED_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+(?:[\w'’]+\s+){0,6}?"
                          r"(?:standards|areas|judge?ments)\s+(?:\w+\s+){0,4}?(?:were|was)\s+(?:rated|judged|graded)\s+"
                          r"(outstanding|good|inadequate|requires improvement)\b", re.I)
INSPECTOR_ASKED = re.compile(r"\b(?:inspectors?|hmis?)\b|^\s*who\s+(?:led|has led|lead)\b", re.I)  # (not "which
# council")
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}  # (a stated figure's scale)
MEASURE = re.compile(r"\b(average|mean|median)\b", re.I)  # a figure of that measure, not any on the topic
UNIT_HEAD = 4  # letters a unit needs to be read as the head of a compound the question names ("case" of "caseload")


def answer_rank(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    graded_count = MOST_GRADED.search(scope.question) and any(c.grade for c in scope.conditions)
    by_metadata = _by_grade_count if graded_count else _by_quantity if quantity_asked(scope) else \
        (_by_inspector if INSPECTOR_ASKED.search(scope.question) else _by_count) \
        if MOST_INSPECTED.search(scope.question) else _by_change if MOST_CHANGED.search(scope.question) \
        else _by_date if SOONEST.search(scope.question) and not LEAGUE.search(scope.question) else None  # ("rank by
    # their latest grade": a league of the latest reports, not the latest report)
    if by_metadata is not None:  # when the metadata cannot answer with a citation, the sentences may
        answer = by_metadata(tools, scope, book, session_id)
        fallback = answer_compare if len({b.body for b in scope.bodies}) >= 2 else answer_fact
        return fallback(tools, scope, book, session_id) if answer.abstained else answer
    if scope.area is not None and not LEAGUE.search(scope.question) and (ranked := _by_area(tools, scope)):
        return list_answer(ranked[0], book, session_id, ranked[1])  # ("the lowest grade for assessment")
    graded = [tools.library.reports[r] for r in scope.report_ids if tools.library.reports[r].overall]
    if scope.report_ids and not scope.missing and not graded:  # ("best rated NPS division?": none was rated)
        return abstain(session_id, none_graded([tools.library.reports[r] for r in scope.report_ids]))
    if scope.missing or not graded:
        return abstain(session_id)
    if LEAGUE.search(scope.question):
        return _league(tools, graded, scope, book, session_id)
    worst = bool(WORST.search(scope.question))
    order = sorted({GRADES.index(m.overall) for m in graded})
    grade = GRADES[order[-1] if worst else order[0]]
    rows = list(filter(None, (overall_row(tools, m) for m in graded if m.overall == grade)))
    side = "lowest" if worst else "highest"
    return list_answer(rows, book, session_id, f"The {side} overall grade in scope is **{grade}**, given to")


def _by_area(tools: Tools, scope: Scope) -> tuple[list[Row], str] | None:
    """The reports given the lowest (or highest) grade in scope for the judgement area asked, each citing it, and
    the line that says so; None when no report in scope grades that area."""
    keyed = [(m, key, given) for m in map(tools.library.reports.get, scope.report_ids)
             if m and (key := area_key(m, scope.area, tools.areas)) and (given := grades.grade_for(m, key))]
    if not keyed:
        return None
    side = "lowest" if WORST.search(scope.question) else "highest"
    grade = (max if side == "lowest" else min)((given for _, _, given in keyed), key=GRADES.index)
    rows = [Row(m, "grade", list(filter(None, [grades.grade_evidence(tools.library, m, key)])),
                f"*{key}* rated **{grade}**") for m, key, given in keyed if given == grade]
    return rows, f"The {side} grade in scope for *{scope.area}* is **{grade}**, given to"


def _league(tools: Tools, graded: list[ReportMeta], scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """"Rank the CRCs by grade": each body's latest graded report in scope, best grade first (worst first when
    the question's first superlative is a worst: "from worst to best"), each cited to its grade line."""
    first = BEST_WORST.search(scope.question)
    worst_first = bool(first and WORST.fullmatch(first.group(0)))
    sign = -1 if worst_first else 1
    reports = sorted(latest_per_body(graded), key=lambda m: (GRADES.index(m.overall) * sign, grades.standing(m) * sign,
                                                              body_label(m).lower()))
    rows = list(filter(None, (_with_areas(tools, overall_row(tools, m)) for m in reports)))
    side = "worst" if worst_first else "best"
    return list_answer(rows, book, session_id, f"Each organisation's latest overall grade, {side} first (the same "
                       "grade: by the grades of its areas)", ranked=True)


def _with_areas(tools: Tools, row: Row | None) -> Row | None:
    """The row with the report's area grades told beside its overall grade ("areas: 4 inadequate"), its weakest
    area's grade cited."""
    if row is None or not row.meta.areas:
        return row
    order = sorted(row.meta.areas, key=lambda area: GRADES.index(row.meta.areas[area]))
    told = Counter(row.meta.areas[area] for area in order)
    row.claim = f"{row.claim}; areas: " + ", ".join(f"{n} {grade}" for grade, n in told.items())
    row.evidence += list(filter(None, [grades.grade_evidence(tools.library, row.meta, order[-1])]))
    return row


def _by_date(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    named = {b.body for b in scope.bodies} if FIRST_TO.search(scope.question) else set()
    ids = _of_their_kind(tools, scope.report_ids) if len(named) == 1 else scope.report_ids  # ("was X the first
    metas = [tools.library.reports[r] for r in ids if tools.library.reports[r].published]  # to ...?": of all)
    metas = [m for m in metas if grades.meets_all(m, scope.conditions, tools.areas)]
    if scope.missing or not metas:
        return abstain(session_id)
    earliest = bool(EARLIEST.search(scope.question))
    bound = {m.report_id: m.published_period()[1 if earliest else 0] for m in metas}  # ("2018" alone is not shown
    when = (min if earliest else max)(bound.values())  # to come before 10 January 2018: the last day it can mean)
    rows = dated_rows(tools, [m.report_id for m in metas if bound[m.report_id] == when])
    for row in rows:  # and the grade asked, cited too
        keys = dict.fromkeys(k for c in scope.conditions for k in grades.meets(row.meta, c, tools.areas))
        row.evidence += [ev for k in keys if (ev := grades.grade_evidence(tools.library, row.meta, k))]
        row.claim = "; ".join([row.claim or "", *(f"rated **{grades.grade_for(row.meta, k)}**"
                                                  + (f" for *{k}*" if k else " overall") for k in keys)])
    side = "earliest" if earliest else "most recent"
    said = rows[0].meta.published_words() if rows else f"{when:%-d %B %Y}"
    answer = list_answer(rows, book, session_id, f"The {side} in scope ({said})")
    if not named or answer.abstained:
        return answer
    yes = named & {body_label(row.meta) for row in rows}
    return answer.model_copy(update={"answer": f"**{'Yes' if yes else 'No'}**. {answer.answer}"})


def _of_their_kind(tools: Tools, report_ids: list[str]) -> list[str]:
    """Every report of the kind of organisation the reports ``report_ids`` are of (CRCs, councils ...)."""
    kinds = {org_type(tools.library.reports[r]) for r in report_ids}
    return [r for r, meta in tools.library.reports.items() if org_type(meta) in kinds]


def _by_count(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """The bodies with the most (or fewest) reports in scope, a row for each of their reports, cited to its date."""
    by_body = group_by_body(tools.library.reports[r] for r in scope.report_ids)
    if scope.missing or not by_body:
        return abstain(session_id)
    pick = min if re.search(r"\b(fewest|least)\b", scope.question, re.I) else max
    count = pick(len(metas) for metas in by_body.values())
    ids = [m.report_id for metas in by_body.values() if len(metas) == count for m in metas]
    side = "fewest" if pick is min else "most"
    return list_answer(dated_rows(tools, ids), book, session_id, f"The {side} reports per organisation, {count} each")


def _by_inspector(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """The lead inspectors who led the most (or fewest) inspections in scope, a row for each of their reports, cited
    to the line naming them ("which inspector led the most inspections?")."""
    metas = [m for m in map(tools.library.reports.get, scope.report_ids) if m.lead_inspector]
    lead = {m.report_id: " ".join(m.lead_inspector.split()) for m in metas}  # (however the name was spaced)
    led = Counter(lead.values())
    if scope.missing or not led:
        return abstain(session_id, missing=scope.missing)
    pick = min if re.search(r"\b(fewest|least)\b", scope.question, re.I) else max
    count = pick(led.values())
    rows = [Row(m, "mentioned", [ev], f"led by {m.lead_inspector}") for m in metas
            if led[lead[m.report_id]] == count and (ev := provenance_evidence(tools.library, m, "lead_inspector"))]
    names = sorted({lead[row.meta.report_id] for row in rows})
    side = "fewest" if pick is min else "most"
    return list_answer(rows, book, session_id, f"The {side} inspections led by one lead inspector, {count}"
                                               f"{' each' * (len(names) > 1)}: {', '.join(f'**{n}**' for n in names)}")


def _by_grade_count(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """"Which CRC had the most areas rated outstanding?": the reports in scope with the most (or fewest) of their
    judgements given the grade asked, each of those judgements cited."""
    grade = next(c.grade for c in scope.conditions if c.grade)
    metas = [m for m in map(tools.library.reports.get, scope.report_ids) if m and m.areas]
    given = {m.report_id: [area for area, g in m.areas.items() if g == grade] for m in metas}
    stated = _stated_counts(tools, [m.report_id for m in metas], grade)  # ("three of its standards were rated ...")
    counts = {r: max(len(areas), stated[r][0] if r in stated else 0) for r, areas in given.items()}
    pick = min if FEWEST.search(MOST_GRADED.search(scope.question).group(1)) else max
    count = pick(counts.values(), default=0)
    if scope.missing or not count and pick is max:
        return abstain(session_id)
    rows = [_graded_row(tools, m, given[m.report_id], grade) for m in metas if counts[m.report_id] == count]
    for row in rows:
        if row.meta.report_id in stated and stated[row.meta.report_id][0] > len(given[row.meta.report_id]):
            row.evidence, row.claim = [stated[row.meta.report_id][1]], None  # (the text says more than the table)
    side = "fewest" if pick is min else "most"
    return list_answer(rows, book, session_id, f"The {side} judgements rated **{grade}** in one report ({count})")


def _stated_counts(tools: Tools, ids: list[str], grade: str) -> dict[str, tuple[int, Evidence]]:
    """Each report whose text says how many of its judgements got ``grade`` ("Three of X's standards were rated
    Outstanding"): that number and the sentence."""
    corpus, out = tools.library.text, {}
    columns = corpus.columns(grade)
    rows = tools.rows(ids)
    for row in rows[corpus.holding(columns, rows) == len(columns)] if columns else []:
        report_id, page, _, _, quote = corpus.sentence(int(row))
        said = STATED_COUNT.search(quote)
        if said and grades.grade_of(said.group(2)) == grade and report_id not in out:
            word = said.group(1).lower()
            n = int(word) if word.isdigit() else grades.NUMBERS[word]
            out[report_id] = (n, Evidence(tools.library.reports[report_id], page, corpus.section(int(row)), quote,
                                          row=int(row)))
    return out


def _graded_row(tools: Tools, meta: ReportMeta, areas: list[str], grade: str) -> Row:
    cited = [ev for area in areas if (ev := grades.grade_evidence(tools.library, meta, area))]
    told = ", ".join(f"*{area}*" for area in areas)
    return Row(meta, "grade", cited, f"{len(areas)} judgement{'s' if len(areas) > 1 else ''} rated **{grade}**: {told}")


def _by_change(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """The bodies whose grade moved furthest the way asked between one inspection and the next, both cited."""
    rows = biggest_changes(tools, scope, scope.report_ids) if not scope.missing else []
    return list_answer(rows, book, session_id, "The largest change of grade between one inspection and the next") \
        if rows else abstain(session_id)


def _by_quantity(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """"Which provider supervised the most people?": each report's best sentence stating one figure on the topic
    (ranked as for "how many"), the largest (or smallest) first. Abstains, so that the sentences answer, when
    the best evidence itself says which is most ("the highest workloads the inspectorate had seen"), or fewer
    than two reports state a figure."""
    question = tools.of_scope(scope)
    question.answer_type = "number"
    ranked = [ev for ev in tools.ranker.rank(question, tools.rows(scope.report_ids), limit=200) if ev.kind != "absence"]
    if scope.missing or not ranked or STATES_MOST.search(ranked[0].quote):
        return abstain(session_id)
    stated, measure = {}, MEASURE.search(scope.question)  # ("the highest average caseload": averages only)
    for ev in ranked:  # (each report's best figure, as each report's best evidence is judged: ``fact.spread``)
        if ev.score >= ranked[0].score - 2 * KEEP_WITHIN and ev.fit and (not measure or MEASURE.search(ev.quote)) \
                and (figure := _figure(ev.quote, lead(ev, question))):
            stated.setdefault(ev.report_id, (*figure, ev))
    asked = {stem(w) for w in content_words(f"{scope.question} {scope.jargon}")}
    asked |= {"%"} if question.figure == "share" else {"rate"} if question.figure == "rate" else set()  # ("the
    # biggest share of staff": percentages; "more children in care per 10,000": rates)
    units = Counter(unit for _, units, _ in stated.values() for unit in _asked_units(units, asked))  # it counts
    # what was asked
    if not units or units.most_common(1)[0][1] < 2:
        return abstain(session_id)
    unit = units.most_common(1)[0][0]  # like with like: people with people, not with cases or dates
    fewest = bool(FEWEST.search(scope.question))
    order = sorted(((value, ev) for value, units, ev in stated.values() if unit in units),
                   key=lambda item: item[0], reverse=not fewest)
    side = "smallest" if fewest else "largest"
    return list_answer([Row(ev.meta, "mentioned", [ev]) for _, ev in order], book, session_id,
                       f"The {side} figure stated is **{order[0][0]:,g}{'%' * (unit == '%')}**, by "
                       f"**{body_label(order[0][1].meta)}**; "
                       f"each report stating one, {side} first", ranked=True)


def _asked_units(units: set[str], asked: set[str]) -> set[str]:
    """The units a question's words name, whole or as the head of a compound ("58 cases each" for "heavier
    caseloads": a caseload is counted in cases)."""
    return {u for u in units if u in asked or len(u) >= UNIT_HEAD and any(a.startswith(u) for a in asked)}


def _figure(quote: str, stated: str | None) -> tuple[float, set[str]] | None:
    """The figure a sentence states and its unit (the content words of the two after it, or "%"): "30,000
    higher-risk people" -> (30000, {"higher-risk", "peopl"}); a month or a year is no unit."""
    if not stated:
        return None
    found = re.search(rf"(?<![\d,.]){re.escape(stated)}(?![\d,])", quote)  # ("71", not that of "471"; a range is
    at = found.start() if found else -1  # told as its two ends: "20 to 25%" is "20–25%")
    after = [w for w in words(quote[at + len(stated):] if at >= 0 else "")[:2] if w in content_words(w)
             and not MONTH.fullmatch(w) and not A_YEAR.fullmatch(w)]
    value, rate = _value(stated), at >= 0 and RATE.match(quote, at + len(stated))  # ("91 per 10,000": a rate)
    return None if value is None else (value, {"%"} if stated.endswith("%") else {"rate"} if rate else
                                       {stem(w) for w in after})


def _value(stated: str) -> float | None:
    """A stated figure's value: "9,000" 9000, "£3 million" 3e6, "20–25%" its top, 25; a word ("five") none."""
    found = re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(k|m|bn|thousand|million|billion)?\b", stated, re.I)
    if not found:
        return None
    digits, scale = found[-1]
    return float(digits.replace(",", "")) * SCALES.get(scale.lower(), 1)
