"""Questions across reports ("which CRCs had ...", "where was ... judged ..."): every report in scope is read
and decided on its own evidence, so coverage does not depend on a top-k cut-off.

Three routes: grades (the question is about grades alone: read them from metadata), dates (nothing but the
scope is asked: every report in it), and topics (each report's sentences on the topic decide a verdict:
concern, positive, improved, mentioned, or not stated)."""

from __future__ import annotations

import re

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.areas import area_key
from service.answering.compose import CitationBook, Row, abstain, list_answer
from service.answering.evidence import Evidence, Tools, provenance_evidence, scan_pages, scope_sentences
from service.answering.mentions import body_label
from service.answering.reasons import asks_why, reasons
from service.answering.scope import Scope, about_grades_only
from service.answering.text import NUMBER, YEAR, has_date, stem
from service.answering.topic import Topic, make_topic
from service.answering.verdict import ABSENT, CONCERN, IMPROVED, Polarity, is_absence, sentence_polarity
from service.schemas import Answer

LIST_THRESHOLD = 0.6
NAMED_THRESHOLD = 0.3
FROM_TO = re.compile(rf"\bfrom\s+{grades.GRADE_NAME}\s+(?:\w+\s+){{0,3}}?to\s+{grades.GRADE_NAME}\b", re.I)
DECLINED = re.compile(r"\b(got worse|worsened|declined|deteriorated|went down|fell|dropped|slipped)\b", re.I)
LATEST_CHANGE = re.compile(r"\b(since|last|latest|most recent|previous)\b", re.I)  # only the newest report vs the one before
SINCE_WORDS = {stem(w) for w in "since last previous earlier prior before grade rating overall".split()}
SILENCE_VERBS = {stem(w) for w in "state stated describe described say said mention mentioned give given".split()}


def answer_list(tools: Tools, scope: Scope, book: CitationBook, session_id: str, exclude: set[str]) -> Answer:
    if scope.missing:
        return abstain(session_id)
    ids = [rid for rid in scope.report_ids if rid not in exclude]
    if (changes := grade_changes(tools, scope, ids)) is not None:
        return list_answer(changes, book, session_id, "Reports whose grade changed that way")
    if about_grades_only(scope) and not scope.numeric:
        rows = grade_rows(tools, scope, ids)
        if not rows and (graded := sum(1 for r in ids if tools.library.reports[r].overall)):
            return abstain(session_id, f"No report in this index has that grade: none of the {graded} graded "
                                       f"report{'s' if graded != 1 else ''} in scope.")
        return list_answer(rows, book, session_id, "Reports with that grade")
    if not scope.topic_words and not scope.numeric and not scope.wanted:
        return list_answer(dated_rows(tools, ids), book, session_id, "Reports in scope")
    return list_answer(topical_rows(tools, scope, ids), book, session_id, "Reports that match")


def grade_rows(tools: Tools, scope: Scope, ids: list[str]) -> list[Row]:
    rows, why = [], asks_why(scope.question)
    for report_id in ids:
        meta = tools.library.reports[report_id]
        met = [grades.meets(meta, c, tools.areas) for c in scope.conditions]
        keys = [k for keys_ in met for k in keys_]
        if not all(met):
            continue
        keys = list(dict.fromkeys(keys))
        evidence = [ev for k in keys if (ev := grades.grade_evidence(tools.library.catalog, meta, k))]
        because = reasons(tools.library.catalog, meta, grades.grade_for(meta, keys[0])) if why and keys else []
        rows.append(Row(meta, "grade", evidence, _grade_claim(meta, keys), because))
    return rows


def grade_changes(tools: Tools, scope: Scope, ids: list[str]) -> list[Row] | None:
    """"Which ... went from inadequate to good": bodies with a report graded the first way and a later one
    graded the second way; "which ... improved (got worse) since their last inspection", with no topic named:
    bodies whose grade rose (fell) from one report to the next. Overall, or in the area named. None when the
    question asks nothing of the kind."""
    changed = _change_asked(scope)
    if changed is None:
        return None
    by_body: dict[str, list[ReportMeta]] = {}
    for meta in sorted((tools.library.reports[r] for r in ids), key=lambda m: str(m.published)):
        by_body.setdefault(body_label(meta), []).append(meta)
    rows = []
    for metas in by_body.values():
        graded = [(m, k, g) for m in metas if ((k := area_key(m, scope.area, tools.areas)) is not None
                                              or scope.area is None) and (g := grades.grade_for(m, k))]
        pair = next(((a, b) for a, b in _pairs(graded, scope.question) if changed(a[2], b[2])), None)
        if pair:
            rows.append(_change_row(tools, pair))
    return rows


def _pairs(graded: list, question: str) -> list:
    """(earlier, later) pairs to compare: any two reports for "from X to Y"; else each report and the next,
    only the newest and the one before it for "since their last inspection"."""
    if FROM_TO.search(question):
        return [(a, b) for i, a in enumerate(graded) for b in graded[i + 1:]]
    steps = list(zip(graded, graded[1:]))
    return steps[-1:] if LATEST_CHANGE.search(question) else steps


def _change_asked(scope: Scope):  # noqa: ANN202 (a predicate on two grades, or None)
    asked = FROM_TO.search(scope.question)
    if asked is not None:
        first, then = grades.grade_of(asked.group(1)), grades.grade_of(asked.group(3))
        return lambda a, b: a == first and b == then
    if scope.topic_words and not {stem(w) for w in scope.topic_words} <= SINCE_WORDS:
        return None
    if DECLINED.search(scope.question):
        return lambda a, b: GRADES.index(b) > GRADES.index(a)
    if IMPROVED in scope.wanted:
        return lambda a, b: GRADES.index(b) < GRADES.index(a)
    return None


def _change_row(tools: Tools, pair: tuple) -> Row:
    (before, key_a, grade_a), (after, key_b, grade_b) = pair
    evidence = [ev for m, k in ((before, key_a), (after, key_b))
                if (ev := grades.grade_evidence(tools.library.catalog, m, k))]
    verdict = IMPROVED if GRADES.index(grade_b) < GRADES.index(grade_a) else "declined"
    return Row(after, verdict, evidence, f"**{grade_a}** ({_year(before)}) to **{grade_b}** ({_year(after)})")


def _year(meta: ReportMeta) -> str:
    return str(meta.published.year) if meta.published else "date not given"


def _grade_claim(meta, keys: list[str | None]) -> str:
    """"rated **good** overall", or "*Assessment*, *Planning*: rated **inadequate**"."""
    by_grade: dict[str, list[str]] = {}
    for key in keys:
        by_grade.setdefault(str(grades.grade_for(meta, key)), []).append("overall" if key is None else f"*{key}*")
    return "; ".join(f"rated **{grade}** {', '.join(where)}" if where == ["overall"]
                     else f"{', '.join(where)} rated **{grade}**" for grade, where in by_grade.items())


def dated_rows(tools: Tools, ids: list[str]) -> list[Row]:
    rows = []
    for report_id in ids:
        meta = tools.library.reports[report_id]
        ev = provenance_evidence(tools.library.catalog, meta, "published") or scan_pages(
            tools.library.catalog, meta, lambda line: "publish" in line.lower() and has_date(line))
        if ev is not None:
            rows.append(Row(meta, "mentioned", [ev], f"published {meta.published or ''}".strip()))
    return rows


def topical_rows(tools: Tools, scope: Scope, ids: list[str]) -> list[Row]:
    words_ = [w for w in scope.topic_words if ABSENT not in scope.wanted or stem(w) not in SILENCE_VERBS]
    topic = make_topic(words_, tools.stats, scope.required, keep_unseen=False)
    if not topic.weights:
        return []
    per_report = scope_sentences(tools.library, tools.stats, topic, ids)
    topical = {rid: [ev for ev in evs if _on_topic(ev, topic)] for rid, evs in per_report.items()}
    rows = [row for rid, evs in topical.items() if (row := decide(evs, topic, scope))]
    if ABSENT in scope.wanted:
        rows = _silent_everywhere(rows, topical)
    return rows


def _on_topic(ev: Evidence, topic: Topic) -> bool:
    """On topic: enough of the topic's weight, or (when the question names something, e.g. an owner) that
    name and a fair share of the rest."""
    ev.score = topic.score(ev.quote)
    return ev.score >= (NAMED_THRESHOLD if topic.required else LIST_THRESHOLD)


def decide(evidence: list[Evidence], topic: Topic, scope: Scope) -> Row | None:
    """One report's verdict from its sentences on the topic; None when it does not qualify."""
    if not evidence:
        return None
    meta = evidence[0].meta
    ranked = sorted(evidence, key=lambda ev: -ev.score)
    if ABSENT in scope.wanted:
        silent = [ev for ev in ranked if is_absence(ev.quote)]
        return Row(meta, ABSENT, silent[:1]) if silent else None
    found = [ev for ev in ranked if not is_absence(ev.quote)]
    if scope.numeric:
        found = [ev for ev in found if _meets_number(ev.quote, scope.numeric)]
    if not found:
        return None
    if not scope.wanted:
        return Row(meta, "mentioned", found[:2])
    return _polar_row(found, topic, scope.wanted)


def _polar_row(found: list[Evidence], topic: Topic, wanted: set[str]) -> Row | None:
    total = Polarity()
    for ev in found:
        ev.polarity = sentence_polarity(ev.quote, set(topic.weights))
        total.add(ev.polarity)
    support = {k: getattr(total, k) for k in wanted}
    against = total.positive + total.improved if wanted == {CONCERN} else total.concern
    if max(support.values(), default=0) <= 0 or sum(support.values()) <= against:
        return None
    verdict = max(support, key=lambda k: support[k])
    backing = [ev for ev in found if ev.polarity and ev.polarity.kinds() & wanted]
    return Row(found[0].meta, verdict, backing[:2])


def _meets_number(sentence: str, numeric: tuple[str, float]) -> bool:
    direction, limit = numeric
    for match in NUMBER.finditer(sentence):
        text = match.group(0).replace(",", "").replace("%", "").strip()
        if YEAR.match(text) and not match.group(2):
            continue
        value = float(text)
        if (direction == ">" and value > limit) or (direction == "<" and value < limit):
            return True
    return False


def _silent_everywhere(rows: list[Row], topical: dict[str, list[Evidence]]) -> list[Row]:
    """For "which ... do the reports not state X": drop a body when another of its reports does state X."""
    def key(meta) -> str:
        return re.sub(r"\W+", " ", body_label(meta).lower()).strip()

    stated = {key(evs[0].meta) for evs in topical.values() if any(not is_absence(ev.quote) for ev in evs)}
    return [row for row in rows if key(row.meta) not in stated]
