"""An overview of one report ("summarise the Essex inspection", "key findings for Wales", "tell me about X"):
its grades, then its main strengths and main concerns, read across its sections; the report's own opening
sentences when it states no verdicts (an outcome written as a sentence). Also the findings that explain a grade,
for "which councils were judged inadequate, and why?"."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering.compose import CitationBook, abstain
from service.answering.dates import parse_years
from service.answering.evidence import Evidence, label, role_asked
from service.answering.grades import besides_grades, grade_claims, grade_of
from service.answering.intent import IMPROVE_ASKED, OVERVIEW_WORDS, SIDES
from service.answering.organisations import body_label
from service.answering.scope import RATING, Scope
from service.answering.silence import said_about
from service.answering.text import FINITE, stem, stems, words
from service.answering.tools import Tools
from service.answering.asks import SIDE_ASKED, WHY_UNRATED, sides_named
from service.answering.intents.reading import (ABOUT_THE_RATING, READ_AT_MOST, TO_IMPROVE, outcome, rating_told,
                                              sentences, silences)
from service.answering.verdict import NEG_STEMS, Polarity, negates, sentence_polarity
from service.schemas import Answer

PER_SIDE = 3
SAID_SHARE = 0.75  # a finding whose words, the body's name aside, are this much another's says it again
NO_GRADE = "The report gives no overall grade."
EARLY_PAGES = {1: 1.0, 2: 0.6, 3: 0.3}   # the summary comes first
SUMMARY_SECTION = re.compile(r"summary|headline|key (findings|judgements)|overall|what needs to improve|"
                             r"main findings|conclusion", re.I)
WEAK_GRADES = {"inadequate", "requires improvement"}
HISTORY = 1.0  # a finding of years before its report's is told after those of the inspection
NOMINAL_ITEM = re.compile(r"^\W*(?:The|How|Whether)\s+\w+(?:\s+and\s+\w+)?\s+(?:of|with|for|to|in|by)\b|"
                          r"^\W*That\s+(?!is|was|this|these|those|it)\w")  # ("That plans have clear timescales")
LIST_LINE = re.compile(r"[◼▪•●]|^\W*How\s+(well|quickly|effectively|accurately|consistently|far|often|swiftly|"
                       r"promptly|thoroughly)\b", re.I)  # a bullet, or an item that asks how well something is done
CLAUSE_END = re.compile(r"[;:]|\s(?:so that|which|that|who|to ensure|in order to|when|where|particularly|"
                        r"especially|including)\s", re.I)  # ("Consistent decision-making, particularly when ...")
OTHER_INSPECTIONS = re.compile(r"\bother (ofsted )?inspections\b|\bprevious inspections?\b", re.I)  # (a section)
ONLY_GRADES = re.compile(r"^[^,;:]*\b(?:were|was|are|is)\s+(?:all\s+|each\s+)?(?:rated|judged|graded)\s+(?:as\s+)?"
                         r"(?:Good|Outstanding|Inadequate|Requires improvement)\s*\.?\s*$", re.I)
SUBJECT_SHARE = 0.001  # a word this many of the sentences use names a subject ("unpaid work"), not a wish
REASONS_READ = 12  # the findings a grade's reasons are chosen from
WHY = re.compile(r"\bwhy\b", re.I)
RECOMMENDS = re.compile(r"\b(?:should(?!\s+(?:they|he|she|it|you|we|this|that|there)\b)|must|ought to)\b",
                        re.I)  # a recommendation: no strength ("should they wish": if they wish, none)
EITHER_WAY = re.compile(r"\b(?:good|bad|well|badly|poorly|strong|weak)\s+or\s+(?:good|bad|well|badly|poorly|strong|weak|"
                        r"not)\b", re.I)  # ("X - good or bad?": its verdict, both sides)
SELECTS = re.compile(r"\b(who|whom|whose|which)\b|"
                     r"\b(where|when)\b(?!\s+(?:they|it|he|she|we|you|i|inspectors|ofsted)\b)", re.I)
# "which inspector led ...": one thing asked ("when they looked at X": a time, no thing asked)
WHERE = re.compile(r"^\W*where\b", re.I)  # ("where did X do well?": in which parts of its work, a side of it)
PRAISED = 2           # praise words that make a list's line under "what needs to improve" praise all the same
NO_REASONS = "**Why**: the report states no findings behind its grade."
MAX_EARLIER = 3        # earlier reports of the body whose overall grade an overview gives


def answer_overview(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    if scope.missing or not scope.report_ids:
        return abstain(session_id, missing=scope.missing)  # ("... 2022, and why?": the years it has reports of)
    meta = tools.newest_first(scope.report_ids)[0]
    sides = " ".join(w for w in scope.topic_words if not grade_of(w))  # "is Merseyside any good?" asks its grade
    named = sides_named(scope.question)
    asked = ({"concern"} | named & {"positive"}) if IMPROVE_ASKED.search(scope.question) else set() if \
        EITHER_WAY.search(scope.question) else (sentence_polarity(sides).kinds() | named) & {"positive", "concern"}
    # ("areas for improvement": not gains; "its good points": strengths, "good" there being no grade)
    asked = set() if asked == {"positive", "concern"} else asked  # ("strengths and weaknesses": the whole)
    mixed = meta.overall not in WEAK_GRADES and bool(set(meta.areas.values()) & WEAK_GRADES)  # (good, an area weak)
    if WHY.search(scope.question) and not asked and meta.overall and not mixed:  # ("how did X do, and why?": the
        asked = {"concern" if meta.overall in WEAK_GRADES else "positive"}  # findings on its side; mixed: both)
    claims = grade_claims(tools.library, meta)
    if asked:  # one side asked ("what went wrong"): only the overall grade, when it is on that side or a reason
        weak = meta.overall in WEAK_GRADES  # for it is asked ("why was it so bad?" of a body rated good: its grade)
        claims = [c for c in claims if c.area is None and meta.overall and (
            asked == {"concern" if weak else "positive"} or WHY.search(scope.question))]
    graded = any(c.area is not None for c in claims)  # (its areas' grades shown: a finding saying no more is not)
    strengths = _beyond(findings(tools, meta, "positive", PER_SIDE * 2), graded) if asked != {"concern"} else []
    concerns = _beyond(findings(tools, meta, "concern", PER_SIDE * 2, lists_lead=bool(IMPROVE_ASKED.search(
        scope.question))), graded) if asked != {"positive"} else []  # (a summary: its headline concerns first)
    listed = [ev for ev in concerns if TO_IMPROVE.search(ev.section or "")]
    if IMPROVE_ASKED.search(scope.question) and listed:
        concerns = listed  # ("what were they told to improve?": the report's own list of what needs to improve)
    shown = PER_SIDE * 2 if len(asked) == 1 else PER_SIDE  # (one side asked: more of it, "what needed to improve")
    none_stated = _none_on_side(tools, meta, asked, strengths + concerns)
    if none_stated:  # (its findings the other way say why: "anything nice said about X?" of a critical report)
        other = findings(tools, meta, "concern" if asked == {"positive"} else "positive")  # (the side asked: read)
        (strengths, concerns), shown = ((strengths, other) if asked == {"positive"} else (other, concerns)), PER_SIDE
    book.offer(strengths[shown:] + concerns[shown:])  # more for an optional prose writer
    strengths, concerns = (sorted(side[:shown], key=lambda ev: ev.row) for side in (strengths, concerns))
    overall = [c.evidence for c in claims if c.area is None]
    areas = [c.evidence for c in claims if c.area is not None]
    for claim in claims:
        if claim.area is not None:
            claim.evidence.claim = f"*{claim.area}*: **{meta.areas[claim.area]}**"
    found = outcome(tools, meta) if not overall and not asked else None  # an ungraded report's verdict sentence
    strengths, concerns = ([ev for ev in side if not found or ev.quote != found.quote] for side in (strengths, concerns))
    ungraded = meta.overall is None and not found and not asked and not WHY.search(scope.question)  # (a summary
    told = rating_told(tools, meta) if ungraded else None
    parts = [none_stated, _lines([told], book, "") if told else (NO_GRADE if ungraded else ""),  # of an ungraded
             _lines([found] if found else [], book, "**Outcome**"), _lines(overall, book, "")]  # report says so)
    parts += [_lines(areas, book, "**Grades by area**"),
              _lines(earlier_grades(tools, scope, meta) if not asked else [], book, "**Earlier inspections**")]
    sides = [(strengths, "**Strengths**"), (concerns, "**Concerns**")]  # (a weak report's concerns first)
    parts += [_lines(side, book, head) for side, head in (sides[::-1] if meta.overall in WEAK_GRADES else sides)]
    if not strengths and not concerns and WHY.search(scope.question):  # ("why?" of a bare rating: no reasons
        parts.append(_lines(silences(tools, meta)[:1], book, NO_REASONS) or NO_REASONS)  # given, as it says)
    elif not strengths and not concerns:
        said = opening(tools, meta)  # (and what it says it does not tell: "... do not describe the findings")
        rows = {ev.row for ev in said}
        parts.append(_lines(said + [ev for ev in silences(tools, meta)[:1] if ev.row not in rows], book,
                            "**In brief**"))
    if WHY.search(scope.question) and meta.overall is None and grade_of(scope.question):  # ("why was X rated
        parts.insert(0, NO_GRADE)  # requires improvement?" of an ungraded report)
    text = "\n".join(p for p in parts if p)
    if not book.citations:
        return abstain(session_id)
    return Answer(answer=f"**{label(meta)}**\n{text}", abstained=False, session_id=session_id,
                  citations=book.citations)


def _none_on_side(tools: Tools, meta: ReportMeta, asked: set[str], found: list[Evidence]) -> str:
    """"The report states no strengths." when one side is asked, none of the report's findings is on it, and
    the whole report was read (a long report's later pages may hold one); else ""."""
    if len(asked) != 1 or found or len(tools.library.text.rows([meta.report_id])) > READ_AT_MOST:
        return ""
    return f"The report states no {'strengths' if asked == {'positive'} else 'concerns'} of {body_label(meta)}."


def earlier_grades(tools: Tools, scope: Scope, meta: ReportMeta) -> list[Evidence]:
    """The overall grade of each earlier report in scope of the same body, newest first: how it got here."""
    earlier = [m for m in tools.newest_first(scope.report_ids)[1:] if body_label(m) == body_label(meta)]
    return [c.evidence for m in earlier[:MAX_EARLIER] for c in grade_claims(tools.library, m) if c.area is None]


def _lines(evidence: list[Evidence], book: CitationBook, heading: str) -> str:
    lines = [f"- {ev.claim or ev.quote} [{n}]" for ev in evidence if (n := book.cite(ev)) is not None]
    if not lines:
        return ""
    return "\n".join(([heading] if heading else []) + lines)


def _beyond(found: list[Evidence], graded: bool) -> list[Evidence]:
    """The findings, less those that only say its areas' grades when the grades are shown ("All four case
    supervision standards (assessment, ...) were rated Requires improvement.")."""
    return [ev for ev in found if not graded or not ONLY_GRADES.match(re.sub(r"\([^()]*\)", "", ev.quote))]


def _denies(sentence: str) -> bool:
    """True when the sentence says something is not done or lacking ("not regular enough", "lack rigour"), not
    only that a fault is absent ("staff who were not overloaded")."""
    tokens = words(sentence)
    return any((negates(token) or token.startswith("lack"))
               and not any(stem(w) in NEG_STEMS for w in tokens[i + 1:i + 4]) for i, token in enumerate(tokens))


def findings(tools: Tools, meta: ReportMeta, side: str, limit: int = PER_SIDE,
             read: int = READ_AT_MOST, lists_lead: bool = True) -> list[Evidence]:
    """The report's plainest findings one way (``positive``, ``concern`` or ``improved``), summary first, one per
    section where it can, plainest first (of its first ``read`` sentences); a line of its list of what needs to
    improve counts as summary only when ``lists_lead`` (else its headline findings, as strongly said, come first:
    "care leavers ... are left in unsuitable accommodation", before "Permanence planning for children.")."""
    scored = []
    for ev in sentences(tools, meta, read):
        if ABOUT_THE_RATING.search(ev.quote) or OTHER_INSPECTIONS.search(ev.section or ""):  # ("was not given an
            continue  # overall rating, because ...": told as a grade; "Other Ofsted inspections": not this one's)
        polarity = sentence_polarity(ev.quote)
        gains = polarity.positive + polarity.improved  # "the biggest gain was in Through the Gate": a strength
        if RECOMMENDS.search(ev.quote):  # ("leaders should ensure that they effectively discharge ...": what is
            polarity.concern, gains = max(polarity.concern, 1.0), 0.0  # still to do, whatever its words)
        to_improve = TO_IMPROVE.search(ev.section or "")
        if to_improve_listed(ev, polarity, gains):
            polarity.concern, gains = max(polarity.concern, gains + 1, 3), 0.0  # "What needs to improve": each item
            # is a concern, whatever its words ("The effectiveness of ...")
        lean = (gains - polarity.concern) if side == "positive" else (polarity.improved - polarity.concern) \
            if side == "improved" else (polarity.concern - gains)
        listed = _item(ev.quote) if to_improve else listed_item(ev.quote) or LIST_LINE.search(ev.quote)
        if side != "concern" and listed:  # (a list's line, "How quickly children are matched.", says what needs
            continue  # to improve, wherever its heading went)
        if lean > 0 and not (side == "positive" and (polarity.concern or _denies(ev.quote))):  # (a strength
            # says no concern, "had high workloads, good partnership ...", nor what is not done: "are not regular
            # enough, lack rigour and do not challenge delays" reads as praise word by word)
            summary = 0.5 if SUMMARY_SECTION.search(ev.section or "") and (lists_lead or not to_improve) else 0.0
            ev.score = min(lean, 3.0) + EARLY_PAGES.get(ev.page, 0.0) + summary - HISTORY * _history(ev)
            scored.append(ev)
    scored.sort(key=lambda ev: -ev.score)
    scored = list({ev.quote: ev for ev in reversed(scored)}.values())[::-1]  # each wording once, best kept
    chosen: list[Evidence] = []
    name = stems(body_label(meta))
    for ev in scored:  # different sections first, then the rest
        fresh = ev.section not in {c.section for c in chosen} or SUMMARY_SECTION.search(ev.section or "")  # (each
        # line of a summary is a headline finding of its own)
        if (fresh or len(scored) <= limit) and not _said(ev, chosen, name):
            chosen.append(ev)
        if len(chosen) == limit:
            return chosen
    for ev in scored:
        if len(chosen) < limit and ev not in chosen and not _said(ev, chosen, name):
            chosen.append(ev)
    return chosen


def _history(ev: Evidence) -> bool:
    """True for a sentence whose years all come before its report's ("Following the inspection of 2014, services
    declined"): how things were, not what the inspection found."""
    years = [hi for _, hi in parse_years(ev.quote) if hi != 9999]
    now = ev.meta.published.year if ev.meta.published else 0
    return bool(years and now) and max(years) < now and min(years) <= now - 2  # (the year before may be now's)


def listed_item(sentence: str) -> bool:
    """True for a line of a list rather than prose: no finite verb before its first clause ends ("The
    effectiveness of the response to domestic abuse.", "Social work capacity, so that managers can respond")."""
    return not FINITE.search(CLAUSE_END.split(sentence, maxsplit=1)[0])


def to_improve_listed(ev: Evidence, polarity: Polarity, gains: float | None = None) -> bool:
    """True for a line of a report's "What needs to improve", a concern whatever its words ("The recruitment and
    retention of social workers, to stabilise the workforce"); not the praise in prose run on after the list when
    the next heading was not found, nor a line of praise ("highly effective ...")."""
    gains = polarity.positive + polarity.improved if gains is None else gains
    return bool(TO_IMPROVE.search(ev.section or "")) and (not gains or _item(ev.quote) and polarity.positive < PRAISED)


def _item(sentence: str) -> bool:
    """True for a line of a list of what needs to improve: a ``listed_item``, or one naming what is to improve
    before any verb of its own ("The number and range of foster homes the local authority has available")."""
    return listed_item(sentence) or bool(LIST_LINE.search(sentence)) or bool(NOMINAL_ITEM.match(sentence))


def _said(ev: Evidence, chosen: list[Evidence], name: set[str]) -> bool:
    """True when a finding already chosen says this one again: most of the shorter's words, the body's ``name``
    aside, are the other's ("sentence plans were completed to hit targets without the person being met", "...
    to hit targets, without the staff meeting the person being supervised")."""
    said = stems(ev.quote) - name
    for other in (stems(c.quote) - name for c in chosen):
        if len(said & other) >= SAID_SHARE * max(1, min(len(said), len(other))):
            return True
    return False


def opening(tools: Tools, meta: ReportMeta, limit: int = PER_SIDE) -> list[Evidence]:
    return [ev for ev in sentences(tools, meta)][:limit]


def reasons(tools: Tools, meta: ReportMeta, grade: str | None, limit: int = 2) -> list[Evidence]:
    """Findings that explain a grade: concerns for a weak one, strengths for a strong one; what the inspectors
    found (prose) before a line of what needs to improve, which names a topic, not what was found of it."""
    found = findings(tools, meta, "concern" if grade in WEAK_GRADES else "positive", REASONS_READ)
    return sorted(found, key=lambda ev: listed_item(ev.quote))[:limit]


def asks_for_overview(tools: Tools, scope: Scope) -> bool:
    """True when a question about one body asks, in words no rule knows, what its report said overall (or on
    one side: its strengths, its concerns): it asks for no one thing and names no subject the reports write
    about ("sum up how Croydon did", "Doncaster 2022 in a nutshell", "what were its weak spots?")."""
    return len({b.body for b in scope.bodies}) == 1 and not scope.answer_type and not names_subject(tools, scope) \
        and not role_asked(scope.topic_words) and not WHY_UNRATED.search(scope.question) \
        and (not SELECTS.search(scope.question) or WHERE.match(scope.question) is not None
             and bool(sentence_polarity(" ".join(scope.topic_words)).kinds() or sides_named(scope.question)))  # ("where
    # was it falling short?", "where is X falling down?")


def names_subject(tools: Tools, scope: Scope) -> bool:
    """True when the question's words besides its frame, ratings and sides name a subject the reports write
    about ("unpaid work", "care leavers"), or in words the reports have a term for ("uasc": unaccompanied
    asylum-seeking children), or that the reports in scope write of."""
    sides = {w for pattern in SIDE_ASKED.values() for m in pattern.finditer(scope.question) for w in words(m[0])}
    subject = " ".join(w for w in besides_grades(scope.topic_words) if stem(w) not in OVERVIEW_WORDS | RATING | SIDES
                       and w not in sides)  # (nor a side in other words: "should X fix")
    corpus = tools.library.text
    return corpus.share(subject) >= SUBJECT_SHARE or bool(subject and scope.jargon) or _theirs(tools, scope, subject) \
        or any(_theirs(tools, scope, name) for name in scope.names) \
        or bool(set(words(said_about(scope.question))) & set(subject.split()))  # ("what is RAFT on the
    # isle of wight?"; "what did Croydon's report say about knife crime?": that, though its reports never say it)


def _theirs(tools: Tools, scope: Scope, subject: str) -> bool:
    """True when a sentence of the reports in scope holds every word of ``subject``: a subject of theirs, however
    few others write of it ("how deprived is Redcar?": "Redcar ... is ranked 49th most deprived")."""
    columns = tools.library.text.columns(subject)
    return bool(columns) and bool((tools.library.text.holding(columns, tools.rows(scope.report_ids))
                                   == len(columns)).any())
