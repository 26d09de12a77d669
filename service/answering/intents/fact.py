"""A fact (one body's number, name, date, grade or finding) or an open question across the reports in scope: the
best-ranked evidence, the answer first when stated plainly, then the sentences that state it; abstains when weak."""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Callable, Sequence

from service.answering import grades
from service.answering.asks import WHO, areas_yes_no
from service.answering.compose import NOT_IN_REPORTS, NOTHING_ASKED, CitationBook, abstain
from service.answering.dates import REPORT_YEAR
from service.answering.evidence import Claim, Evidence, label, role_asked
from service.answering.intents.claims import (area_asked, area_graded, claims_asked, graded_none, no_grade,
                                              ungraded_quality)
from service.answering.intents.inspectorates import WHO_INSPECTS, inspected_by
from service.answering.fit import (COUNTS_READ, count_told_first, counts_checked, listed_first, named_first, on_side,
                                  now_first, with_kind_asked)
from service.answering.when import dated_as_asked, latest_first, with_latest
from service.answering.organisations import body_label
from service.answering.rank import ABSTAIN_BELOW, Question, strength
from service.answering.scope import Scope, without_names
from service.answering.text import (COUNTED_ON, FREQUENCY, MONTH, NONE_OF, NUMBER, counted_asked,
                                     counts_in_words, quantities, stem, stems, within, words)
from service.answering.thing_names import names_in
from service.answering.silence import label_of, not_named, unsaid_by
from service.answering.tools import Tools
from service.schemas import Answer

MAX_SENTENCES = 3       # a fact: the sentences that state it
MAX_GRADES = 8          # a grade: each report's
MAX_OPEN = 6            # an open question across reports: the best sentence of each of the best reports
COUNT_SAID = re.compile(r"\b(?:how many|number of)\s+([^?]*)", re.I)  # what a count question counts, in its words
APPROXIMATELY = r"over|about|around|almost|nearly|approximately|roughly|more than|fewer than|less than|under|at least"
NAME_YEAR = re.compile(r"\s*(?:[(,]\s*|['’]s?\s+)?(?:19|20)\d\d\b")  # ("bury 2016 ...", "Bury's 2016 ...")
VAGUE_SHARE = re.compile(r"\b(?:majority|minority)\b", re.I)  # a share with no figure, when the sentence has none:
FIGURED = re.compile(r"\d|\b(?:half|halves|thirds?|quarters?|fifths?|per ?cent)\b", re.I)  # ("the majority of ...")
AGES = re.compile(r"\b(?:aged|ages?)\s+\d+(?:\s*(?:and|to|or|-|–)\s*\d+)?|\b\d+(?:\s*(?:-|–|and|to)\s*\d+)?[- ]years?"
                  r"[- ]olds?\b|\b(?:under|over)[- ]\d+s?\b", re.I)  # (no figure of how many: "aged 16 and 17")
PREFIX = 4              # the letters a word of what is counted and a word of a share's sentence share to match
KEEP_WITHIN = 2.0       # z-score units below the best that still support the answer
CLAIM_REPORTS = 8       # metadata claims are ranked for scopes of up to this many reports
OFFERED = 8             # the best-ranked evidence an optional prose writer may cite
ANY_OTHER = re.compile(r"^\W*(?:and\s+)?(?:did|does|do|has|have|had|was|were|is|are)\b[^?]*\b(?:any\s+other|another|"
                       r"any\s+more|other|else)\b", re.I)  # a yes or no of other bodies
COUNTED_IN_WORDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                              r"forty|fifty|hundred|half|third|quarter)s?\b(?:\s+(?:of|in|out of)\b)", re.I)
PREVIOUSLY = re.compile(r"\b(last|previous|prior|earlier|preceding|former)\s+(full\s+|standard\s+|ofsted\s+)?"
                        r"(inspections?|visits?|judge?ments?|reports?)\b", re.I)
# (words apart by spaces: a word split two ways would backtrack for seconds)
Counts = Callable[[str, str, set[str]], "str | None"]  # (question, quote, figures): the one counting what is asked
PER_ONE = re.compile(r"\beach\b(?!\s+of\s+(?:the|its|their)\s+(?:reports?|inspections?))|\baverag\w*|"
                     r"\bper\s+(?:worker|officer|practitioner|person|head|manager)\b", re.I)  # a figure for one
EACH_SAID = re.compile(rf"{PER_ONE.pattern}|(?-i:[Cc]aseload)", re.I)  # (a company's "largest caseload": who it had)
FUTURE_GRADE = re.compile(r"\bwill\b[^?]*\b(?:be\s+)?(?:rated|graded|judged|get|receive|achieve)\b|"
                          r"\b(?:going\s+to|likely\s+to)\s+(?:be\s+)?(?:rated|graded|judged|get)\b", re.I)
# ("what will X be rated at its next inspection?": what no report can know)
DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH.pattern}\s+(?:19|20)\d\d\b", re.I)


def answer_fact(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    if scope.missing or not scope.report_ids:
        return abstain(session_id, missing=scope.missing)
    if not (scope.bodies or scope.years or scope.topic_words or scope.conditions or scope.names):
        return inspected_by(tools, scope, book, session_id) if WHO_INSPECTS.search(scope.question) else \
            abstain(session_id, NOTHING_ASKED)  # "???", "which", "how many": nothing to look for
    if scope.bodies and (unsaid := not_named(tools, scope)):  # ("does middlesbrough run mockingbird?")
        return _earlier_said(tools, scope, book, session_id, unsaid) or abstain(session_id,
                                                                               unsaid_by(tools, scope, unsaid))
    if scope.answer_type is None and scope.bodies and (role := role_asked(scope.topic_words)):
        scope = replace(scope, answer_type=role)  # "rochdale 2018 lead inspector": a name, as "who led it?" asks
    if scope.answer_type == "grade" and FUTURE_GRADE.search(scope.question):
        return abstain(session_id, NOT_IN_REPORTS, "no report can say how a future inspection will rate it")
    if scope.answer_type == "grade":
        other, _, area = area_asked(tools, scope)  # (read once: both checks below ask it)
        if ungraded_quality(tools, scope, other, area):
            scope = replace(scope, answer_type=None)  # ("were the bosses any good?": the finding, no grade is given)
        elif not other and (unrated := graded_none(tools, scope, book, session_id)):
            return unrated  # ("was london nps rated good?" of a report given no grade: that, not "good" work)
    question = tools.of_scope(scope)
    claims = claims_asked(tools, scope) if question.answer_type and len(scope.report_ids) <= CLAIM_REPORTS else []
    ranked = listed_first(named_first(tools.ranker.rank(question, tools.rows(scope.report_ids), claims), question),
                          question)  # ("what kinds of support": a sentence listing them)
    ranked = counts_checked(tools, question, ranked)  # ("how many offenders": not "58 cases each", ranked lower)
    said = {stem(w) for w in scope.topic_words}
    exact = {c.evidence.claim for c in claims if said <= c.asked_by | c.also_by}  # ("who headed the 2015 ofsted
    ranked.sort(key=lambda ev: ev.claim not in exact)  # team?": nothing asked but the role a claim answers, its
    found = strength(ranked, question)  # lead inspector: the claim leads)
    ranked = now_first(question, count_told_first(tools, question, ranked, _counted_said(scope)), scope.question)
    if scope.bodies and not scope.years:
        ranked = latest_first(ranked, [tools.library.reports[r] for r in scope.report_ids], bool(question.answer_type))
    ranked = ranked if _report_year(scope) else dated_as_asked(ranked, scope.years)  # (a year that
    # dates the report, "the 2015 Hull report", does not date its figures: "At 18 November 2014, 678 children ...")
    if scope.answer_type == "grade" and claims:  # (a grade asked of a graded report: the grades read at ingest
        ranked.sort(key=lambda ev: ev.kind != "grade")  # answer first)
    elif exact:
        ranked.sort(key=lambda ev: ev.claim not in exact)  # (again, after the ranking by date)
    ranked = on_side([ev for ev in ranked if ev.kind != "absence"], question.side)
    if scope.names and not scope.bodies:  # "what happened with Working Links?": the sentences that name it
        ranked = [ev for ev in ranked if names_in(ev.quote, scope.names)] or ranked
    book.offer(ranked[:OFFERED])  # an optional prose writer reads the ranking's best, not only what is cited
    if not ranked or found < ABSTAIN_BELOW:
        return graded_none(tools, scope, book, session_id) or abstain(session_id, no_grade(tools, scope)).model_copy(
            update={"strength": found})
    if scope.bodies and (uncounted := count_unstated(question, ranked)):  # ("how many people did X supervise?":
        return abstain(session_id, unsaid_by(tools, scope, f"give the number of {uncounted}"))  # no such count)
    open_question = not scope.bodies and question.answer_type is None and len(scope.report_ids) > 1
    chosen = with_kind_asked(spread(ranked, MAX_OPEN) if open_question else supporting(ranked, claims), ranked,
                             question)
    chosen = with_latest(chosen, ranked, [tools.library.reports[r] for r in scope.report_ids]) \
        if scope.bodies and not scope.years and question.answer_type is None else chosen  # (and the present)
    chosen = tools.with_antecedents(chosen) if question.answer_type is None else chosen  # (what "this" is)
    chosen = area_graded(tools, scope) + chosen if question.answer_type is None else chosen
    answer = fact_answer(chosen, question, book, session_id, tools.counting_figure)
    return also_elsewhere(answer, chosen, scope).model_copy(update={"strength": found})


def _report_year(scope: Scope) -> bool:
    """Whether the year asked dates the report itself ("the 2015 Hull report", "bury 2016 ... percentage": a year
    just after a body's name), not the figures asked for."""
    return bool(REPORT_YEAR.search(scope.question)) or any(
        NAME_YEAR.match(scope.question, b.end) for b in scope.bodies)


def count_unstated(question: Question, ranked: list[Evidence]) -> str:
    """What a count question counts ("people"), when none of the best sentences gives a count of it (their figures
    were checked: ``counts_checked``) or another figure of it ("69% of the staff"); "" otherwise."""
    counted = counted_asked(question.text) if question.answer_type == "number" and question.figure == "count" else ""
    heads = {w.lower()[:PREFIX] for w in words(counted)}  # ("staff": "staffing ... cut by about a quarter")
    return "" if not counted or any(ev.fit >= 1 or ev.fit and not _vague(ev.quote) and heads & {
        w.lower()[:PREFIX] for w in words(ev.quote)} for ev in ranked[:COUNTS_READ]) else counted


def _vague(quote: str) -> bool:
    """True for a share with no figure ("the majority of children in care are settled"): how many, it does not say."""
    return bool(VAGUE_SHARE.search(quote)) and not FIGURED.search(AGES.sub(" ", quote))


def _counted_said(scope: Scope) -> str:
    """What a count question counts, in its own words ("kids were in care at the time of the inspection"; its
    bodies and years aside) and the reports' ("children looked after in care")."""
    unnamed = without_names(scope.question, scope.bodies, kinds=scope.kinds)
    said = found.group(1) if (found := COUNT_SAID.search(unnamed)) else " ".join(scope.topic_words)
    return f"{said.strip(' ?')}; {scope.jargon}"


def _earlier_said(tools: Tools, scope: Scope, book: CitationBook, session_id: str, unsaid: str) -> Answer | None:
    """Of the latest report "now" chose ("what do inspectors say about caseloads in X at the moment?"), silent on
    what is asked: that, then what the body's other reports say of it (None when they are silent too)."""
    every = sorted({r for b in scope.bodies for r in b.report_ids})
    wider = replace(scope, report_ids=every)
    if scope.years or len(every) <= len(scope.report_ids):
        return None
    answer = answer_fact(tools, wider, book, session_id)
    return None if answer.abstained else answer.model_copy(update={
        "answer": f"{unsaid_by(tools, scope, unsaid)} The other reports of {label_of(scope)} say:\n\n{answer.answer}"})


def also_elsewhere(answer: Answer, chosen: list[Evidence], scope: Scope) -> Answer:
    """"Did that company run any other CRC?" (the bodies just asked about left out): yes, and which, when a
    sentence of another body's report names it."""
    years: dict[str, list[str]] = {}  # each other body, with the years of its reports that say so
    for ev in chosen:
        if names_in(ev.quote, scope.names) and ev.meta.published:
            years.setdefault(body_label(ev.meta), []).append(str(ev.meta.published.year))
    if not (ANY_OTHER.match(scope.question) and scope.names and years) or answer.abstained:
        return answer
    others = ", ".join(f"{body} ({', '.join(sorted(set(when)))})" for body, when in years.items())
    return answer.model_copy(update={"answer": f"**Yes**: {others}.\n{answer.answer}"})


def supporting(ranked: list[Evidence], asked: Sequence[Claim] = ()) -> list[Evidence]:
    """The best evidence and what ranks close to it: at most three, each saying something those above it do
    not; when the best is a claim read from the metadata (a grade, a date, a name), only such claims."""
    if ranked[0].kind == "grade":
        return graded(ranked, asked)
    best, chosen = ranked[0].score, []
    for ev in ranked:
        if ev.score < best - KEEP_WITHIN or len(chosen) == MAX_SENTENCES:
            break
        if ranked[0].claim and not ev.claim:
            continue
        if not any(within(ev.quote, c.quote) for c in chosen if c.report_id == ev.report_id):
            chosen.append(ev)  # (not when all it says, a sentence already chosen says)
    return chosen


def graded(ranked: list[Evidence], asked: Sequence[Claim]) -> list[Evidence]:
    """The judgement asked, as each report in scope gave it, newest first; when the question named no one
    judgement (each report's grades were asked), every grade of the best-ranked report, in the order asked."""
    claims = [ev for ev in ranked if ev.kind == "grade"]
    if len({ev.report_id for ev in claims}) < len(claims):
        order = {c.evidence.claim: i for i, c in enumerate(asked)}
        return sorted((ev for ev in claims if ev.report_id == claims[0].report_id),
                      key=lambda ev: order.get(ev.claim, len(order)))[:MAX_GRADES]
    return sorted(claims, key=lambda ev: str(ev.meta.published or ""), reverse=True)[:MAX_GRADES]


def spread(ranked: list[Evidence], limit: int) -> list[Evidence]:
    """The best evidence of each report, best reports first."""
    seen: dict[str, Evidence] = {}
    for ev in ranked:
        if ev.score < ranked[0].score - 2 * KEEP_WITHIN:
            break
        seen.setdefault(ev.report_id, ev)
    return list(seen.values())[:limit]


def lead(ev: Evidence, question: Question, counts: Counts | None = None) -> str | None:
    """The fact itself, when the quote states exactly one thing of the kind asked for (a figure: one that
    ``counts`` what is asked)."""
    if question.answer_type == "number":
        written = counts_in_words(ev.quote) if counts and question.figure in (None, "count") else set()
        found = (set(quantities(ev.quote, question.figure)) | written) - {m.group(0) for m in NUMBER.finditer(
            question.text)} - set(words(question.text))
        in_words = COUNTED_IN_WORDS.search(ev.quote)  # "only two of the ten ..., compared with 68%": which?
        figure = None if in_words else counts(question.text, ev.quote, found) if counts else \
            found.pop() if len(found) == 1 else None
        each = not PER_ONE.search(question.text) or EACH_SAID.search(ev.quote)  # (not a total: "275 were on plans")
        if not found and (none := NONE_OF.search(ev.quote)) and stems(counted_asked(question.text)) & stems(
                ev.quote[none.start():]):
            return "None"  # ("how many children's homes ...?": "The local authority operates no children's homes.")
        return _ranged(ev.quote, figure) if figure and each else None
    if question.answer_type in ("date", "frequency"):
        said = COUNTED_ON.sub(" ", ev.quote)  # (not the day a figure was counted)
        found = {m.group(0) for m in (DATE if question.answer_type == "date" else FREQUENCY).finditer(said)}
        return found.pop() if len(found) == 1 else None
    if question.answer_type == "grade":
        stated, said_then = grades.stated_grades(ev.quote), PREVIOUSLY.search(ev.quote)
        if said_then and not PREVIOUSLY.search(question.text):  # (that grade was then's)
            return None
        if (ev.meta.overall or ev.meta.areas) and not said_then:  # a graded report's grades are its metadata's:
            return None  # a sentence's "good" ("a consistently good response") is no judgement asked about
        return stated.pop() if len(stated) == 1 else None
    return None


def _ranged(quote: str, figure: str) -> str:
    """The figure with the range it ends, when it ends one ("20–25% of decisions": 20–25%, not 25%; not a change
    "from 12 to 25"), or with the word that says how near it is ("over 4,000")."""
    bare = re.escape(figure.rstrip("% "))
    for ending in (rf"\bbetween\s+(\d[\d,.]*)\s*%?\s+and\s+{bare}(?![\d,])",
                   rf"(?<!from )(?<![\d.,])(\d[\d,.]*)\s*%?\s*(?:–|-|to)\s*{bare}(?![\d,])"):
        if found := re.search(ending, quote):
            return f"{found.group(1)}–{figure}"
    said = re.search(rf"\b({APPROXIMATELY})\s+(?={re.escape(figure)}(?![\d,]))", quote, re.I)
    return f"{said.group(1).lower()} {figure}" if said else figure  # ("over 4,000", not "4,000")


def fact_answer(evidence: list[Evidence], question: Question, book: CitationBook, session_id: str,
                counts: Counts | None = None) -> Answer:
    """Claims and sentences, each citing its quote; the answer first when the best sentence states it."""
    cited = [(ev, n) for ev in evidence if (n := book.cite(ev)) is not None]
    if not cited:
        return abstain(session_id)
    claims = [f"{_yes_no(ev, question)}{ev.claim} [{n}]" for ev, n in cited if ev.claim]
    sentences = [(ev, n) for ev, n in cited if not ev.claim]
    lines = claims + _sentence_lines(sentences)
    first = cited[0][0]
    head = lead(first, question, counts) if not claims else None  # (a claim, listed first, states it already)
    text = "\n".join(lines) if len(lines) > 1 and (claims or len({ev.report_id for ev, _ in sentences}) > 1) \
        else " ".join(lines)
    if head:
        text = f"**{head}**\n{text}" if text.startswith("- ") else f"**{head}** — {text}"  # (before a list: a line)
    elif not claims and question.answer_type == "name" and WHO.match(question.text) and not any(e.fit for e, _ in cited):
        text = f"The reports in scope name no one for that; the nearest they say:\n{text}"  # (of a role, no name)
    return _answer(text, book, session_id)


def _sentence_lines(sentences: list[tuple[Evidence, int]]) -> list[str]:
    if not sentences:
        return []
    reports = list(dict.fromkeys(ev.report_id for ev, _ in sentences))
    if len(reports) == 1:
        meta = sentences[0][0].meta
        return [f"**{label(meta)}**: " + " ".join(f"{ev.quote} [{n}]" for ev, n in sentences)]
    return [f"- **{label(ev.meta)}**: {ev.quote} [{n}]" for ev, n in sentences]


def _yes_no(ev: Evidence, question: Question) -> str:
    asked = grades.asks_yes_no_grade(question.text)
    if asked is None or ev.kind != "grade":
        return ""
    as_asked = grades.grade_of(ev.claim or "") == asked  # (of "any part not graded so": one not so says yes)
    return "Yes: " if as_asked != (areas_yes_no(question.text) == "any not") else "No: "


def _answer(text: str, book: CitationBook, session_id: str) -> Answer:
    return Answer(answer=text, abstained=False, session_id=session_id, citations=book.citations)
