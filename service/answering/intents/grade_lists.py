"""Lists by grade: the grades read at ingest answer "which councils were judged inadequate in 2024, and why?",
"which went from inadequate to good", "requires improvement in 2019 but good in 2023", "outstanding in both 2019
and 2024", "never rated inadequate"; each row cites the line its grade was read from."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.areas import area_key
from service.answering.compose import CitationBook, Row
from service.answering.evidence import label, provenance_evidence
from service.answering.intents.overview import reasons
from service.answering.intents.reading import rating_told, sentences
from service.answering.organisations import body_label, group_by_body
from service.answering.scope import Scope, undated_ids
from service.answering.text import A_YEAR, stem, words
from service.answering.tools import Tools
from service.answering.verdict import IMPROVED, cue_words

MAX_NAMED = 5  # reports named when none in scope gives a grade
DECLINED = re.compile(r"\b((?:got|get|gets|getting|gotten|became|become) worse|worsen\w*|declin\w*|deteriorat\w*|"
                      r"(?:go|goes|gone|went) down|downgrad\w*|fell|dropped|slipped|lost)\b", re.I)
ROSE = re.compile(r"\b(?:go|goes|gone|went|moved?|moving)\s+up(?:\s+an?\s+grade)?\b|\bupgrad\w*", re.I)
LATEST_CHANGE = re.compile(r"\b(since|last|latest|most recent|previous|next)\b", re.I)
SINCE_WORDS = {stem(w) for w in "since last latest recent previous earlier prior before grade rating overall next lost lose "
                                 "straight directly jumped went moved same kept keep stayed remained unchanged "
                                 "later subsequent twice row consecutive running ever eventually still time again also "
                                 "too stuck second inspected inspection inspections reinspected re-inspected revisited "
                                 "returned back".split()}  # ("still stuck on ... when inspected a second time")
SAME = re.compile(r"\b(same|kept|keep|stayed|remained|unchanged|still|stuck|in a row|consecutive\w*|running|also|again|"
                  r"as well|too)\b", re.I)  # ("also outstanding last time")
EVER = re.compile(r"\b(ever|at any (point|time)|over (the|their) (years|inspections)|eventually|all the way|"
                  r"at (a|any) later (inspection|date|point)|later on|subsequently)\b", re.I)
REACHED = re.compile(rf"\b(made it|make it|got|gone|went|moved|came|come|risen|rose|climbed|improved|progressed|"
                     rf"fallen|fell|dropped|slipped)\b(?:\s+(?:\w+\s+){{0,3}}?(?:to|into)|\s+back\s+to)\s+"
                     rf"{grades.GRADE_NAME}", re.I)  # a grade reached, from whichever it was
UP_VERBS = {"risen", "rose", "climbed", "improved", "progressed"}
DOWN_VERBS = {"fallen", "fell", "dropped", "slipped"}
CONSECUTIVE = re.compile(r"\b(straight|directly|next|immediately|jump\w*|in one go)\b", re.I)
NEVER = re.compile(r"\b(never|not once|at no (point|time))\b", re.I)
UNGRADED_ASKED = re.compile(
    rf"\b(?:no|without)\s+(?:an?\s+)?(?:overall\s+)?(?:rating|grade|judge?ment)s?\b|\bun(?:graded|rated)\b|"
    rf"(?:\bnot|n['’]t|\bnever)\s+(?:been\s+)?(?:get|got|given|receive\w*|awarded|rated|graded)\b(?!\s+(?:as\s+)?"
    rf"{grades.GRADE_NAME})|\b(?:rating|grade)\s+(?:is|was|isn['’]t|wasn['’]t)\s*(?:not\s+)?(?:given|stated|known)\b",
    re.I)  # ("which providers didn't get an overall grade?", "... or the grade isn't given"; not "not rated good")
ASKS_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bexplain\b|\bon what (grounds|basis)\b", re.I)


# --- grades ---
def grade_rows(tools: Tools, scope: Scope, ids: list[str]) -> list[Row]:
    if any(c.year for c in scope.conditions):
        return _rows_by_year(tools, scope, ids)
    rows, why = [], bool(ASKS_WHY.search(scope.question))
    for report_id in ids:
        meta = tools.library.reports[report_id]
        met = [grades.meets(meta, c, tools.areas) for c in scope.conditions]
        if all(met):
            rows.append(_grade_row(tools, meta, met, why))
    return rows


def never_rows(tools: Tools, scope: Scope, ids: list[str]) -> list[Row]:
    """"Which councils have never been rated inadequate": bodies with graded reports in scope, none meeting the
    conditions; a row for each of their graded reports, citing its grade."""
    rows = []
    for metas in group_by_body(tools.library.reports[r] for r in ids).values():
        graded = [m for m in metas if m.overall]
        if graded and not any(grades.meets_all(m, scope.conditions, tools.areas) for m in graded):
            rows += list(filter(None, (overall_row(tools, m) for m in graded)))
    return rows


def ungraded_rows(tools: Tools, ids: list[str]) -> list[Row]:
    """Each report in scope given no overall grade, citing what it says of its rating (else its opening)."""
    rows = []
    for report_id in ids:
        if (meta := tools.library.reports[report_id]).overall is None:
            said = rating_told(tools, meta) or next(iter(sentences(tools, meta)), None)  # (else its opening)
            rows.append(Row(meta, "not stated", [said] if said else [], "no overall grade"))
    return rows


def _grade_row(tools: Tools, meta: ReportMeta, met: list[list[str | None]], why: bool) -> Row:
    keys = list(dict.fromkeys(k for keys_ in met for k in keys_))
    evidence = [ev for k in keys if (ev := grades.grade_evidence(tools.library, meta, k))]
    because = reasons(tools, meta, grades.grade_for(meta, keys[0])) if why and keys else []
    return Row(meta, "grade", evidence, _grade_claim(meta, keys), because)


def _rows_by_year(tools: Tools, scope: Scope, ids: list[str]) -> list[Row]:
    """Bodies with a report meeting each condition in the year it names ("requires improvement in 2019 but good
    in 2023"): a row for each of those reports."""
    rows = []
    for metas in group_by_body(tools.library.reports[r] for r in ids).values():
        found = [next(((m, met) for m in metas if m.published and m.published.year == c.year
                       and (met := grades.meets(m, c, tools.areas))), None) for c in scope.conditions]
        if all(found):
            rows += [_grade_row(tools, m, [met], False) for m, met in found]  # type: ignore[misc]
    return rows


def _grade_claim(meta: ReportMeta, keys: list[str | None]) -> str:
    """"rated **good** overall", or "*Assessment*, *Planning*: rated **inadequate**"."""
    by_grade: dict[str, list[str]] = {}
    for key in keys:
        by_grade.setdefault(str(grades.grade_for(meta, key)), []).append("overall" if key is None else f"*{key}*")
    return "; ".join(f"rated **{grade}** {', '.join(where)}" if where == ["overall"]
                     else f"{', '.join(where)} rated **{grade}**" for grade, where in by_grade.items())


def grade_changes(tools: Tools, scope: Scope, ids: list[str]) -> list[Row] | None:
    """Bodies whose grade went the way asked ("from inadequate to good", "improved since their last
    inspection"), overall or in the area named; None when the question asks nothing of the kind."""
    changed = _change_asked(scope)
    return None if changed is None else [_change_row(tools, pair) for pair in _changed_pairs(tools, scope, ids, changed)]


def biggest_changes(tools: Tools, scope: Scope, ids: list[str]) -> list[Row]:
    """"Which council improved the most?": the bodies whose grade moved furthest that way (in grade steps)
    between one inspection and the next."""
    worse = bool(DECLINED.search(scope.question))
    pairs = _changed_pairs(tools, scope, ids, lambda a, b: (GRADES.index(b) > GRADES.index(a)) == worse and a != b,
                           pick=lambda found: max(found, key=_step))
    most = max(map(_step, pairs), default=0)
    return [_change_row(tools, pair) for pair in pairs if _step(pair) == most]


def _step(pair: tuple) -> int:
    return abs(GRADES.index(pair[1][2]) - GRADES.index(pair[0][2]))


def _changed_pairs(tools: Tools, scope: Scope, ids: list[str], changed, pick=lambda found: found[0]) -> list:  # noqa: ANN001
    """Each body's (earlier, later) reports whose grades changed as ``changed`` asks: the first such pair, or the
    one ``pick`` chooses."""
    in_scope = set(ids)
    bodies = {body_label(tools.library.reports[r]) for r in ids}
    by_body = group_by_body(m for m in sorted(tools.library.reports.values(), key=lambda m: str(m.published))
                            if body_label(m) in bodies)  # every report of those bodies: "improved in 2024" looks back
    rows = []
    for metas in by_body.values():
        graded = [(m, k, g) for m in metas if ((k := area_key(m, scope.area, tools.areas)) is not None
                                              or scope.area is None) and (g := grades.grade_for(m, k))]
        found = [(a, b) for a, b in _pairs(graded, scope.question) if b[0].report_id in in_scope and changed(a[2], b[2])]
        if found:
            rows.append(pick(found))
    return rows


def _pairs(graded: list, question: str) -> list:
    """(earlier, later) pairs of consecutive reports (any two for "from X to Y ever / over the years"; only the
    newest two for "since their last inspection")."""
    if grades.FROM_TO.search(question) and EVER.search(question):
        return [(a, b) for i, a in enumerate(graded) for b in graded[i + 1:]]
    steps = list(zip(graded, graded[1:]))
    latest = LATEST_CHANGE.search(question) and not CONSECUTIVE.search(question)
    return steps[-1:] if latest else steps


def _change_asked(scope: Scope):  # noqa: ANN202 (a predicate on two grades, or None)
    asked = grades.FROM_TO.search(scope.question)
    if asked is not None:
        first, then = grades.grade_of(asked.group(1)), grades.grade_of(asked.group(3))
        return lambda a, b: a == first and b == then
    if reached := REACHED.search(scope.question):  # "which made it (all the way) to good?": from another grade
        grade, verb = grades.grade_of(reached.group(2)), reached.group(1).lower()
        up, down = verb in UP_VERBS, verb in DOWN_VERBS  # ("improved to good": from below it only)
        return lambda a, b: b == grade and a != grade and not (up and GRADES.index(a) < GRADES.index(b)) \
            and not (down and GRADES.index(a) > GRADES.index(b))
    direction = {w for pattern in (DECLINED, ROSE) for m in pattern.finditer(scope.question) for w in
                 words(m.group(0))}  # "declined since ...", "went up a grade"
    topic = {stem(w) for w in scope.topic_words if not grades.grade_of(w)} - {stem(w) for w in
                                                                              cue_words(scope.question) | direction}
    if topic and not topic <= SINCE_WORDS:
        return None
    lost = re.search(rf"\blost\s+(?:their\s+|its\s+)?{grades.GRADE_NAME}", scope.question, re.I)
    if SAME.search(scope.question):  # "kept the same requires improvement rating"
        kept = grades.grade_of(scope.question)
        return lambda a, b: a == b and (kept is None or a == kept)
    if lost:
        grade = grades.grade_of(lost.group(1))
        return lambda a, b: a == grade and b != grade
    if DECLINED.search(scope.question):
        return lambda a, b: GRADES.index(b) > GRADES.index(a)
    if IMPROVED in scope.wanted or ROSE.search(scope.question):
        return lambda a, b: GRADES.index(b) < GRADES.index(a)
    return None


def _change_row(tools: Tools, pair: tuple) -> Row:
    (before, key_a, grade_a), (after, key_b, grade_b) = pair
    evidence = [ev for m, k in ((before, key_a), (after, key_b))
                if (ev := grades.grade_evidence(tools.library, m, k))]
    verdict = IMPROVED if GRADES.index(grade_b) < GRADES.index(grade_a) else \
        "declined" if GRADES.index(grade_b) > GRADES.index(grade_a) else "grade"
    return Row(after, verdict, evidence, f"**{grade_a}** ({_year(before)}) to **{grade_b}** ({_year(after)})")


def _year(meta: ReportMeta) -> str:
    return str(meta.published.year) if meta.published else "date not given"


def overall_row(tools: Tools, meta: ReportMeta, verdict: str = "grade", why: bool = False) -> Row | None:
    """The row citing a graded report's overall grade ("rated **good** overall"; with ``why``, the finding that
    most explains it); None when the line it was read from is not found."""
    ev = grades.grade_evidence(tools.library, meta, None)
    because = reasons(tools, meta, meta.overall, 1) if why else []
    return Row(meta, verdict, [ev], f"rated **{meta.overall}** overall", because) if ev else None


def every_grade_rows(tools: Tools, ids: list[str], why: bool = False) -> list[Row]:
    """Every graded report in scope with its overall grade (with ``why``, the finding that most explains it)."""
    graded = [m for m in map(tools.library.reports.get, ids) if m and m.overall]
    return list(filter(None, (overall_row(tools, m, why=why) for m in graded)))


def repeated(rows: list[Row], times: int) -> list[Row]:
    """The rows of the bodies with at least ``times`` of them."""
    by_body = Counter(body_label(row.meta) for row in rows)
    return [row for row in rows if by_body[body_label(row.meta)] >= times]


def none_graded(metas: list[ReportMeta]) -> str:
    """That no report in scope gives an overall grade, naming them when they are few."""
    if len(metas) > MAX_NAMED:
        return f"None of the {len(metas)} reports in scope gives an overall grade."
    return f"No report in scope gives an overall grade: {', '.join(label(m) for m in metas)}."


def visited_then(tools: Tools, scope: Scope, book: CitationBook) -> str:
    """A grade list by year dates the reports by when they were published; the reports of the grade asked whose
    inspection took place in a year asked but that were published in another are told after it, each cited to
    its grade and its inspection dates ("inadequate in 2021": Bournemouth, Christchurch and Poole, inspected in
    December 2021 and published in February 2022); "" when there are none."""
    if not scope.years or not scope.conditions or scope.bodies:
        return ""
    listed = set(scope.report_ids)
    others = [m for m in tools.library.reports.values() if _visited_in(m, scope.years) and m.report_id not in listed]
    placed = undated_ids(scope, others) if others else set()  # (of those, the ones of its place and kind)
    told = []
    for meta in sorted(others, key=body_label):
        if meta.report_id not in placed or not grades.meets_all(meta, scope.conditions, tools.areas):
            continue
        cited = [n for ev in (grades.grade_evidence(tools.library, meta, None),
                              provenance_evidence(tools.library, meta, "inspection_dates")) if ev and (n := book.cite(ev))]
        told.append(f"**{body_label(meta)}** (inspected {meta.inspection_dates}, published {meta.published_words()}) "
                    + "".join(f"[{n}]" for n in cited))
    return "\n\nBy the date of the inspection, not of the report, also: " + "; ".join(told) + "." if told else ""


def _visited_in(meta: ReportMeta, years: list[tuple[int, int]]) -> bool:
    """True when the report's inspection ended in a year span asked and it was published outside it."""
    visited = _last_year(meta.inspection_dates or "")
    return bool(visited and meta.published) and any(
        a <= visited <= b and not a <= meta.published.year <= b for a, b in years)


@lru_cache(maxsize=4096)
def _last_year(dates: str) -> int:
    """The last year the inspection dates name (0 for none)."""
    said = A_YEAR.findall(dates)
    return int(said[-1]) if said else 0
