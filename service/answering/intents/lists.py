"""Questions across reports ("which CRCs had ...", "which councils were judged inadequate in 2024, and why?"):
every report in scope is decided on its own evidence, so coverage does not depend on a top-k cut-off.
``COMPOSERS`` are tried in order; the first the question is for answers it, else the topic ranking does:

- grade changes ("which went from inadequate to good"), a topic among the graded ("rated RI ... home visits"),
  grades never given, the whole report's side ("which need to improve?"), every grade ("how did councils do in
  2023?", a summary of many reports), the grades named (or held "twice"), one side of the bodies named ("what
  did they do well?"), the scope alone ("list all the SEND inspections");
- topics (``topics.topical_rows``): each report judged on its own best evidence for the topic."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import numpy as np

from ingest.models import GRADES
from service.answering import grades
from service.answering.asks import comparison
from service.answering.compose import CitationBook, Row, abstain, list_answer
from service.answering.evidence import provenance_evidence, scan_pages
from service.answering.intents.grade_lists import (NEVER, UNGRADED_ASKED, every_grade_rows, grade_changes,
                                                  grade_rows, never_rows, none_graded, overall_row, repeated,
                                                  ungraded_rows, visited_then)
from service.answering.intent import SIDES, summary_of_many
from service.answering.intents.overview import WEAK_GRADES, findings
from service.answering.intents.reading import outcome
from service.answering.intents.topics import COMPARED, evidence_at, name_forms, names_all, topical_rows
from service.answering.organisations import group_by_body, latest_per_body
from service.answering.scope import RATING, SCAFFOLD, Scope, about_grades_only, grades_of_all, without_names
from service.answering.text import content_words, has_date, stem
from service.answering.thing_names import names_in
from service.answering.tools import Tools
from service.answering.verdict import CONCERN, POSITIVE, cue_words, negates, sentence_polarity
from service.schemas import Answer
from service.spelling import english

TIMES_INSPECTED = re.compile(r"\binspected\s+(?:(more than|over|at least|at most|fewer than|less than|under|only|"
                             r"exactly)\s+)?(once|twice|thrice|(?:\d+|\w+)\s+times)\b", re.I)
TIMES = {"once": 1, "twice": 2, "thrice": 3, "one": 1}
SHARE = re.compile(r"\b(proportion|percentage|per ?cent|share|fraction|ratio)\b", re.I)
REPORT_KIND = re.compile(r"((?:[\w'’-]+\s+){1,3}?)(?:reports?|inspections?|reviews?)\b", re.I)
MOST_COMMON = re.compile(r"\b(most|more|least)\s+(common|usual|typical|frequent)|\b(usual|typical)\s+(grade|rating)",
                         re.I)
PERFORMING = {stem(w) for w in """perform performed performing performance do did doing does done job need needs
    struggle struggled struggling badly poorly""".split()}  # how a body did, asked of the whole report
NOW = re.compile(r"\b(need|needs|are|is|has|have|do|does)\b", re.I)  # present tense: as things stand
HOW_MANY = re.compile(r"\bhow many\b|\bhow often\b", re.I)  # a count of the list: of reports when they are counted
REPORTS_COUNTED = re.compile(r"\bhow many\s+(?:[\w'’-]+\s+){0,3}?(?:reports|inspections|visits|times)\b|\bhow often\b",
                             re.I)
LED_ASKED = re.compile(r"\b(?:lead|led|leading|inspect|inspected|inspects)\b|\binspectors?\b", re.I)  # (a lead
# inspector asked by name)
RATED = re.compile(r"\b(rated|graded|judged|ratings?|grades?|judge?ments?)\b", re.I)  # (a grade asked as one)
EVERY_REPORT = 0.9     # a word this share of the reports in scope use names them all, not a topic among them


LABELLED = re.compile(r"^[\w ]{1,30}:\s")  # a label's line ("Owner: Working Links"), not a sentence
MENTION_ASKED = re.compile(r"\b(?:mention\w*|refer\w*\s+to|talk\w*\s+about|say\s+anything\s+about|us(?:e|ed|es)\s+the\s+"
                           r"(?:word|term))\b", re.I)  # a word asked after as such


def answer_list(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    if scope.missing:
        return abstain(session_id, missing=scope.missing)
    for composer in COMPOSERS:  # the first that the question is for answers it
        if (answer := composer(tools, scope, book, session_id)) is not None:
            return _counted(scope, answer)
    unknown = [w for w in scope.topic_words if tools.library.text.unknown(w) and not english(w.lower())]
    if unknown and MENTION_ASKED.search(scope.question):  # ("did any council mention ransomware?": none does)
        return abstain(session_id, f"No report in this index mentions “{unknown[0]}”.")
    ease = not scope.names and not unknown  # (no word of it unknown, but English ones)
    latest = None if scope.years or len(scope.bodies) < 2 or not scope.wanted else {  # ("among A, B and C, which
        m.report_id for m in latest_per_body([tools.library.reports[r] for r in scope.report_ids])}  # get praise
    # for X?": as they are now; "which of A, B and C mention X?": any of their reports)
    return _counted(scope, list_answer(topical_rows(tools, scope, scope.report_ids, ease, latest), book, session_id,
                                       "Reports that match"))


def _counted(scope: Scope, answer: Answer) -> Answer:
    """The list with the count asked first ("how many councils were rated outstanding in 2022?": **7**): of the
    reports when reports or inspections are counted, else of the bodies."""
    if answer.abstained or not answer.items or not HOW_MANY.search(scope.question):
        return answer
    counted = [i.report_id for i in answer.items] if REPORTS_COUNTED.search(scope.question) else \
        [i.body for i in answer.items]
    return answer.model_copy(update={"answer": f"**{len(set(counted))}** — {answer.answer}"})


def _changes(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which councils went from inadequate to good?", "which improved since their last inspection?"."""
    if (changes := grade_changes(tools, scope, scope.report_ids)) is None:
        return None
    if not changes:
        return abstain(session_id, "No organisation in this index had its grade change that way between "
                                   "one inspection and the next.")
    kept = all(row.verdict == "grade" for row in changes)  # (each the same grade as the time before)
    return list_answer(changes, book, session_id, "Reports that kept the grade they had the time before" if kept
                       else "Reports whose grade changed that way")


def _graded_topic(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which CRCs rated requires improvement had problems with home visits?"."""
    if not (topic := topic_after_grades(scope)) or scope.numeric:
        return None
    graded = [r for r in scope.report_ids if grades.meets_all(tools.library.reports[r], scope.conditions, tools.areas)]
    return list_answer(topical_rows(tools, replace(scope, topic_words=topic, topic=" ".join(topic)), graded),
                       book, session_id, "Reports with that grade that match")


def _ungraded(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which providers weren't given an overall grade?": the reports in scope with none."""
    if scope.bodies or not UNGRADED_ASKED.search(scope.question) or grades.GRADE_MENTION.search(scope.question) or \
            [w for w in scope.topic_words if stem(w) not in RATING | SCAFFOLD and not negates(w.lower())
             and not UNGRADED_ASKED.fullmatch(w)]:
        return None  # (a reason asked beside: "... because they took place before the rating method began?")
    rows = ungraded_rows(tools, scope.report_ids)
    return list_answer(rows, book, session_id, "Reports given no overall grade") if rows else \
        abstain(session_id, "Every report in scope gives an overall grade.")


def _never(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    if not (about_grades_only(scope) and not scope.numeric and NEVER.search(scope.question)):
        return None
    return list_answer(never_rows(tools, scope, scope.report_ids), book, session_id,
                       "Organisations none of whose graded reports in scope had that grade")


def _verdict(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which CRCs need to improve?": the whole report's verdict, that way ("need", "are": as things stand)."""
    if not (side := verdict_asked(scope)):
        return None
    ids = scope.report_ids
    if not scope.years and NOW.search(scope.question):
        ids = [m.report_id for m in latest_per_body([tools.library.reports[r] for r in ids])]
    return list_answer(verdict_rows(tools, ids, side), book, session_id,
                       "Reports whose overall verdict is " + ("weak" if side == CONCERN else "strong"))


def _every_grade(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"How did councils do in 2023?", "the most common grade", "summarise the 2024 inspections": every graded
    report with its grade, and how many have each (for a summary, the finding that most explains each)."""
    if not (grades_of_all(scope) or summary_of_many(scope)):
        return None
    rows = every_grade_rows(tools, scope.report_ids, why=summary_of_many(scope))
    counts = Counter(row.meta.overall for row in rows)
    tally = ", ".join(f"{counts[g]} {g}" for g in GRADES if counts[g])
    most = f"The most common overall grade is **{counts.most_common(1)[0][0]}**. " \
        if MOST_COMMON.search(scope.question) and counts else ""
    return list_answer(rows, book, session_id, f"{most}Overall grades in scope ({tally})")


def _graded(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """The reports with the grades named (of the bodies with that many, when "twice" is asked)."""
    if not about_grades_only(scope) or scope.numeric:
        return None
    ids = scope.report_ids
    if times := grades.times_asked(scope.question):
        return list_answer(repeated(grade_rows(tools, scope, ids), times), book, session_id,
                           f"Organisations with that grade in at least {times} reports")
    rows = grade_rows(tools, scope, ids)
    graded = sum(1 for r in ids if tools.library.reports[r].overall)
    if not graded and ids and RATED.search(scope.question):  # ("were any NPS divisions rated inadequate?")
        return abstain(session_id, none_graded([tools.library.reports[r] for r in ids]))
    if not rows and graded:
        return abstain(session_id, f"No report in this index has that grade: none of the {graded} graded "
                                   f"report{'s' if graded != 1 else ''} in scope.")
    share = f" ({len(rows)} of the {graded} graded reports in scope, {len(rows) / graded:.0%})" \
        if SHARE.search(scope.question) and graded else ""  # "what proportion ... were good or better?"
    answer = list_answer(rows, book, session_id, f"Reports with that grade{share}")
    if answer.abstained or not (also := visited_then(tools, scope, book)):
        return answer
    return answer.model_copy(update={"answer": answer.answer + also, "citations": list(book.citations)})


def _sides(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"What did they do well?" of the bodies named."""
    if not (scope.bodies and scope.wanted and scope.wanted <= {POSITIVE, CONCERN} and not _besides_cues(scope)):
        return None
    return list_answer(side_rows(tools, scope.report_ids, scope.wanted), book, session_id, "What the reports found")


def _in_scope(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """Nothing asked beyond the scope, or only the kind of report every one is ("list all the SEND inspections")."""
    if scope.numeric or scope.wanted or not set(scope.topic_words) <= kind_of_report(tools, scope, scope.report_ids):
        return None
    if scope.names:  # ("what happened to the CRCs run by Working Links?": what each of their reports says of it)
        return list_answer(naming_rows(tools, scope), book, session_id, "Reports that name it")
    return list_answer(dated_rows(tools, scope.report_ids), book, session_id, "Reports in scope")


def naming_rows(tools: Tools, scope: Scope) -> list[Row]:
    """Each report's first sentence that holds a name the question gives (a finding before a label's line,
    "Owner: Working Links")."""
    out, forms = [], name_forms(scope)
    for report_id in scope.report_ids:
        rows = tools.rows([report_id])
        held = rows[np.any([names_all(tools, rows, names) for names in forms], axis=0)]  # (by the index, then read)
        named = [ev for row in held if (ev := evidence_at(tools, int(row))) is not None
                 and any(names_in(ev.quote, names) for names in forms)]
        if named:
            out.append(Row(named[0].meta, "mentioned", [min(named, key=lambda ev: bool(LABELLED.match(ev.quote)))]))
    return out


def _times_inspected(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which councils have been inspected more than three times?": the bodies with that many reports in scope,
    a row for each report, cited to its date."""
    if scope.bodies or not (asked := TIMES_INSPECTED.search(scope.question)):
        return None
    said, times = (asked.group(1) or "exactly").lower(), asked.group(2).lower().removesuffix(" times")
    count = int(times) if times.isdigit() else TIMES.get(times, grades.NUMBERS.get(times, 0))
    meets = COMPARED["==" if said in ("only", "exactly") else comparison(said)]
    by_body = group_by_body(tools.library.reports[r] for r in scope.report_ids)
    ids = [m.report_id for metas in by_body.values() if meets(len(metas), count) for m in metas]
    if not count or not ids:
        return abstain(session_id, "No organisation in this index was inspected that many times.") if count else None
    return list_answer(dated_rows(tools, ids), book, session_id, "Organisations inspected that many times (their "
                                                                 "reports in this index)")


def _led_by(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which inspections did Amanda Maxwell lead?": the reports whose lead inspector has the name given, each cited
    to the line naming them (read at ingest, however the line goes on: "His" or "Her Majesty's Inspector")."""
    said = {w.lower() for name in scope.names for w in name.split()}
    if not said or not LED_ASKED.search(scope.question):
        return None
    rows = [Row(meta, "mentioned", [ev], f"led by **{meta.lead_inspector}**") for r in scope.report_ids
            if (meta := tools.library.reports[r]).lead_inspector and said <= set(meta.lead_inspector.lower().split())
            and (ev := provenance_evidence(tools.library, meta, "lead_inspector"))]
    return list_answer(rows, book, session_id, "Reports whose lead inspector that is") if rows else None


COMPOSERS = (_times_inspected, _ungraded, _changes, _graded_topic, _never, _verdict, _every_grade, _graded, _sides,
             _led_by, _in_scope)


def verdict_asked(scope: Scope) -> str | None:
    """The side ("concern" or "positive") asked of each whole report when nothing narrower is: no body, grade or
    topic ("which CRCs need to improve?", "which councils were struggling in 2022?", "who did well?")."""
    if scope.bodies or scope.conditions or scope.numeric or len(scope.wanted) != 1 \
            or scope.wanted - {POSITIVE, CONCERN}:
        return None
    cues = cue_words(scope.question)
    rest = [w for w in scope.topic_words if w not in cues and stem(w) not in SIDES | PERFORMING]
    return None if rest or scope.jargon else next(iter(scope.wanted))  # ("community service": unpaid work)


def verdict_rows(tools: Tools, ids: list[str], side: str) -> list[Row]:
    """Each report whose overall grade is on that side (requires improvement or inadequate: weak), or, ungraded,
    whose outcome sentence leans that way."""
    rows = []
    for meta in filter(None, map(tools.library.reports.get, ids)):
        weak = meta.overall in WEAK_GRADES
        if meta.overall and weak == (side == CONCERN) and (row := overall_row(tools, meta, side)):
            rows.append(row)
        elif not meta.overall and (ev := outcome(tools, meta)) and side in sentence_polarity(ev.quote).kinds():
            rows.append(Row(meta, side, [ev]))
    return rows


def _besides_cues(scope: Scope) -> list[str]:  # the topic words besides one side's ("well", "wrong", "problems")
    cues = cue_words(scope.question)
    return [w for w in scope.topic_words if w not in cues and stem(w) not in SIDES]


def side_rows(tools: Tools, ids: list[str], wanted: set[str]) -> list[Row]:  # ("what did they do well?")
    return [Row(meta, side, found) for meta in map(tools.library.reports.get, ids) if meta
            for side in sorted(wanted) if (found := findings(tools, meta, side, 2))]


def kind_of_report(tools: Tools, scope: Scope, ids: list[str]) -> set[str]:
    """The words that say what kind of report is asked for ("SEND inspections", "probation reports") when
    nearly every report in scope uses them: they name the scope, not a topic within it."""
    said = {w for m in REPORT_KIND.finditer(scope.question) for w in m.group(1).lower().split()}
    return {w for w in scope.topic_words if w in said and tools.library.text.reports_using(w, ids) >= EVERY_REPORT}


def dated_rows(tools: Tools, ids: list[str]) -> list[Row]:
    rows = []
    for meta in map(tools.library.reports.get, ids):
        ev = provenance_evidence(tools.library, meta, "published") or scan_pages(
            tools.library, meta, lambda line: "publish" in line.lower() and has_date(line))
        if ev is not None:
            rows.append(Row(meta, "mentioned", [ev], f"published {meta.published_words()}".strip()))
        elif (ev := provenance_evidence(tools.library, meta, "inspection_dates")) is not None:
            rows.append(Row(meta, "mentioned", [ev], f"inspected {meta.inspection_dates}"))  # its date in its own words
    return rows


def topic_after_grades(scope: Scope) -> list[str]:
    """The topic a question asks of the bodies with the grades it names ("which CRCs rated requires improvement
    had problems with home visits?" -> problems, home, visits); empty when it asks nothing more."""
    if not about_grades_only(scope):
        return []
    text = without_names(scope.question, scope.bodies, kinds=scope.kinds)
    last = list(grades.GRADE_MENTION.finditer(text))[-1:]
    then = re.search(r"\b(?:had|have|has|with|showing|whose)\b(.*)", text[last[0].end():] if last else "", re.I)
    words = content_words(then.group(1)) if then else []
    return [w for w in words if stem(w) not in SCAFFOLD | RATING and not w.isdigit()]
