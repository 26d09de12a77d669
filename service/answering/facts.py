"""Questions with one answer: a grade read at ingest, or the best one to three sentences of the reports in scope.

The answer abstains when the best sentence covers too little of the question's topic, lacks what the question
asks for (a number, a date, a name), or is itself a statement that the sources are silent."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering import grades
from service.answering.areas import AreaNames, area_key
from service.answering.compose import CitationBook, abstain, claim_answer, fact_answer, label
from service.answering.evidence import (Evidence, Tools, newest_first, page_count, page_sentences, search_within,
                                        table_rows)
from service.answering.fields import field_fact, lead_inspector_fact
from service.answering.listed import item_under_heading
from service.answering.reasons import plainest, readable, verdict_asked
from service.answering.scope import RATING, Scope
from service.answering.text import has_date, has_number, stem, words
from service.answering.topic import TermStats, Topic, make_topic, phrase_score
from service.answering.verdict import is_absence
from service.schemas import Answer

FACT_THRESHOLD = 0.6
KEEP_RATIO = 0.8
PHRASE_WEIGHT = 0.2
SMALL_SCOPE_PAGES = 12
NAME_SHARE = 0.3
GRADE_AT_END = re.compile(r"\b(outstanding|good|adequate|inadequate|requires? improvement( to be good)?|"
                          r"not judged)\W*$", re.I)
MIN_MATCHED = 1.0
GRADE_SUBJECTS = {stem("overall"), stem("effectiveness")}
MAX_SENTENCES = 3
OVERVIEW_CHUNKS = 4
TITLE = re.compile(r"^(Re-)?(inspection|review|report|summary|section|annex|appendix)\b", re.I)
YES_NO_WORDS = {stem(w) for w in "found given get got receive received ofsted".split()}
ORG_NOUNS = {"company", "consortium", "partners", "trust", "charity", "college", "ltd", "limited", "plc"}


def answer_fact(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    if scope.missing or not scope.report_ids:
        return abstain(session_id)
    if scope.bodies and (listed := item_under_heading(tools.library, scope.question, scope.report_ids)):
        return fact_answer(listed, book, session_id)
    if (dated := field_fact(tools, scope, book, session_id)) is not None:
        return dated
    if (led := lead_inspector_fact(tools, scope, book, session_id)) is not None:
        return led
    asks = grades.asks_which_area(scope.question) or grades.asks_for_grade(scope.question)
    if scope.bodies and asks and not scope.superlative:
        answer = grade_fact(tools, scope, book, session_id)
        if answer is not None:
            return answer
    if scope.bodies and (weak := verdict_asked(scope.topic_words)) is not None:
        latest = newest_first(tools.library, scope.report_ids)[0]
        if chosen := plainest(tools.library.catalog, latest, weak, MAX_SENTENCES):
            return fact_answer(chosen, book, session_id)
    return text_fact(tools, scope, book, session_id)


def grade_fact(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """The grade asked for, read from each report in scope's metadata; None when no report holds it."""
    claims = []
    put_forward = grades.asks_yes_no_grade(scope.question)
    for meta in newest_first(tools.library, scope.report_ids):
        for area in _areas_asked(scope, meta, tools.areas):
            ev = grades.grade_evidence(tools.library.catalog, meta, area)
            if ev is not None:
                grade, what = grades.grade_for(meta, area), "overall" if area is None else f"for *{area}*"
                verdict = "" if put_forward is None else "Yes: " if grade == put_forward else "No: "
                claims.append((f"{verdict}**{label(meta)}** was rated **{grade}** {what}.", ev))
    return claim_answer(claims, book, session_id) if claims else None


def _areas_asked(scope: Scope, meta: ReportMeta, areas: AreaNames) -> list[str | None]:
    """The report's grade keys the question asks about: the areas graded as it says ("which standard was
    rated Outstanding"), the area it names, or the overall grade; none when the report lacks that area."""
    if grades.asks_which_area(scope.question):
        mention = grades.GRADE_MENTION.search(scope.question)
        return grades.areas_with(meta, grades.grade_of(mention.group(0)) if mention else None)
    if scope.area is not None:
        key = area_key(meta, scope.area, areas)
        return [key] if key is not None and grades.grade_for(meta, key) else []
    overall = re.search(r"\boverall\b", scope.question, re.I)
    other = [w for w in scope.topic_words if stem(w) not in RATING | YES_NO_WORDS and not grades.grade_of(w)]
    if not overall and (other or re.search(r"\b(standard|area)s?\b", scope.question, re.I)):
        return []  # a judgement the grades do not name ("its LSCB"): only the text may say
    return [None] if meta.overall else []


def text_fact(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    words_ = list(scope.topic_words)
    if grades.asks_for_grade(scope.question):  # reports state grades ("... is adequate"), they seldom say "grade"
        words_ = [w for w in words_ if stem(w) not in RATING - GRADE_SUBJECTS] or ["overall", "rating"]
    topic = make_topic(words_, tools.stats, scope.required, keep_unseen=True)
    if not topic.weights and scope.bodies and not scope.answer_type:
        chosen = overview(tools, scope.report_ids)  # "Tell me more about it": the report's own summary
    else:
        chosen = pick(fact_candidates(tools, scope), topic, scope, tools.stats)
    return fact_answer(chosen, book, session_id) if chosen else abstain(session_id)


def overview(tools: Tools, report_ids: list[str]) -> list[Evidence]:
    """The first whole sentences of the latest report's opening passages (its summary): no headings, grade-table
    rows or labelled fields, no statements that something is unknown."""
    latest = newest_first(tools.library, report_ids)[0]
    chunks = tools.library.catalog.report_chunks(latest.report_id)[:OVERVIEW_CHUNKS]
    found = [ev for ev in page_sentences(tools.library, chunks, []) if any(c.start <= ev.span.start < c.end
             for c in chunks) and readable(ev.quote)]
    return found[:MAX_SENTENCES]


def fact_candidates(tools: Tools, scope: Scope) -> list[Evidence]:
    """Sentences that may answer: every page of a few short named reports (lexical ranks for ties), else the
    pages hybrid retrieval points at, plus the opening page of each named report."""
    asks_grade = scope.bodies and grades.asks_for_grade(scope.question)
    rows = table_rows(tools.library, scope.report_ids[:4], GRADE_AT_END) if asks_grade else []
    if asks_grade and scope.area:
        return rows  # a named judgement the grades do not hold: only a row of the report's grade table will do
    return rows + _sentences(tools, scope)


def _sentences(tools: Tools, scope: Scope) -> list[Evidence]:
    if scope.bodies and page_count(tools.library.catalog, scope.report_ids) <= SMALL_SCOPE_PAGES:
        chunks = search_within(tools.search, scope.question, scope.report_ids, k=8, dense=False)
        pages = [(rid, n) for rid in scope.report_ids for n in range(1, SMALL_SCOPE_PAGES + 1)]
        return page_sentences(tools.library, chunks, pages)
    chunks = search_within(tools.search, scope.question, scope.report_ids, k=8 if scope.bodies else 20)
    extra = [(rid, 1) for rid in scope.report_ids] if scope.bodies and len(scope.report_ids) <= 4 else []
    return page_sentences(tools.library, chunks, extra)


def pick(candidates: list[Evidence], topic: Topic, scope: Scope, stats: TermStats) -> list[Evidence]:
    """The best sentences that fit the question's kind of answer; empty when the best says nothing."""
    scored = []
    for ev in candidates:
        if is_heading(ev.quote) and not (grades.asks_for_grade(scope.question) and GRADE_AT_END.search(ev.quote)):
            continue
        coverage = topic.score(ev.quote)
        informative = coverage * sum(topic.weights.values()) >= MIN_MATCHED
        if coverage >= FACT_THRESHOLD and informative and fits(ev.quote, scope, stats):
            scored.append((coverage + ev.score + PHRASE_WEIGHT * phrase_score(topic.words, ev.quote), coverage, ev))
    scored.sort(key=lambda s: -s[0])
    if not scored or is_absence(scored[0][2].quote):
        return []
    best = scored[0][1]
    chosen: list[Evidence] = []
    for _, coverage, ev in scored:
        if coverage >= best * KEEP_RATIO and not is_absence(ev.quote) and ev.quote not in {c.quote for c in chosen}:
            chosen.append(ev)
        if len(chosen) == MAX_SENTENCES:
            break
    return chosen


def is_heading(line: str) -> bool:
    """A line that states nothing by itself: a short one ("Unpaid work and Through the Gate") or a title that
    runs on with no full stop ("Re-inspection of services for children in need of help and protection, ...")."""
    return not re.search(r"[.!?;]\W*$", line) and ":" not in line and (len(words(line)) <= 10 or TITLE.match(line))


def fits(sentence: str, scope: Scope, stats: TermStats) -> bool:
    """Does the sentence hold the kind of thing asked for (a quantity, a date, a name)?"""
    if scope.answer_type == "number":
        return has_number(sentence)
    if scope.answer_type == "date":
        return has_date(sentence)
    if scope.answer_type == "who":
        return _names_someone(sentence, scope.question, stats)
    if grades.asks_for_grade(scope.question) and scope.bodies:
        return bool(grades.GRADE_MENTION.search(sentence) or re.search(r"\b(adequate|not judged)\b", sentence, re.I))
    return True


def _names_someone(sentence: str, question: str, stats: TermStats) -> bool:
    """A name the question does not give and most reports do not use (so not "Through the Gate"), a short
    name the sentence defines ("Together for Children (TfC)"), or an organisation noun ("a consortium of nine
    partners")."""
    asked = {w.lower() for w in words(question)}
    capitalised = re.findall(r"(?<=[\w,;:(] )([A-Z][\w'’-]+)", sentence)
    names = [w for w in capitalised if w.lower() not in asked and stats.report_share(stem(w)) < NAME_SHARE]
    defined = [a for a in re.findall(r"\(([A-Z][A-Za-z&]{1,9})\)", sentence) if a.lower() not in asked]
    return bool(names or defined) or bool(ORG_NOUNS & set(words(sentence)))
