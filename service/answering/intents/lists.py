"""Questions across reports ("which CRCs had ...", "which councils were judged inadequate in 2024, and why?"):
every report in scope is decided on its own evidence, so coverage does not depend on a top-k cut-off.
``COMPOSERS`` are tried in order; the first the question is for answers it, else the topic ranking does:

- grade changes ("which went from inadequate to good"), a topic among the graded ("rated RI ... home visits"),
  grades never given, the whole report's side ("which need to improve?"), every grade ("how did councils do in
  2023?", a summary of many reports), the grades named (or held "twice"), one side of the bodies named ("what
  did they do well?"), the scope alone ("list all the SEND inspections");
- topics: each report's sentences (not its headings or sources) are ranked by meaning and words against the
  topic; a report qualifies when its best evidence is strong enough and leans the way asked (concern, praise)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

import numpy as np

from ingest.models import GRADES
from service.answering import grades
from service.answering.compose import CitationBook, Row, abstain, list_answer
from service.answering.evidence import Evidence, provenance_evidence, scan_pages
from service.answering.intents.grade_lists import (NEVER, every_grade_rows, grade_changes, grade_rows, never_rows,
                                                  overall_row, repeated)
from service.answering.intent import SIDES, summary_of_many
from service.answering.intents.overview import WEAK_GRADES, findings, outcome
from service.answering.organisations import body_label, latest_per_body
from service.answering.rank import W_CHUNK, W_COVERAGE, W_DENSE, W_WORDS, zscores
from service.answering.scope import Scope, about_grades_only, grades_of_all, topic_after_grades
from service.answering.text import NUMBER, YEAR, has_date, names_in, no_finding, stem
from service.answering.tools import Tools
from service.answering.verdict import ABSENT, CONCERN, POSITIVE, cue_words, is_absence, sentence_polarity
from service.schemas import Answer

RELEVANT = 0.30        # strength (cosine + covered term weight) a report's evidence needs to be on the topic,
MARGIN = 0.20          # and within this of the strongest report's evidence,
STANDS_OUT = 2.5       # and its rank score (z-score units over every sentence in scope; more in larger scopes:
                       # ``stands_out_at``); set on the dev lists
NAMED_EASED = 1.0      # ... less this, when the sentence holds a name the question gives
EASED = 1.0            # ... less this, when no report's evidence stands out (the nearest, not silence)
SHARE = re.compile(r"\b(proportion|percentage|per ?cent|share|fraction|ratio)\b", re.I)
REPORT_KIND = re.compile(r"((?:[\w'’-]+\s+){1,3}?)(?:reports?|inspections?|reviews?)\b", re.I)
MOST_COMMON = re.compile(r"\b(most|more|least)\s+(common|usual|typical|frequent)|\b(usual|typical)\s+(grade|rating)",
                         re.I)
PERFORMING = {stem(w) for w in """perform performed performing performance do did doing does done job need needs
    struggle struggled struggling badly poorly""".split()}  # how a body did, asked of the whole report
NOW = re.compile(r"\b(need|needs|are|is|has|have|do|does)\b", re.I)  # present tense: as things stand
EVERY_REPORT = 0.9     # a word this share of the reports in scope use names them all, not a topic among them
CONSIDERED = 6         # the report's best-ranked sentences that may decide its verdict


def answer_list(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    if scope.missing:
        return abstain(session_id, missing=scope.missing)
    for composer in COMPOSERS:  # the first that the question is for answers it
        if (answer := composer(tools, scope, book, session_id)) is not None:
            return answer
    ease = not scope.names and not tools.library.text.unknown(" ".join(scope.topic_words))  # (no word of it unknown)
    return list_answer(topical_rows(tools, scope, scope.report_ids, ease), book, session_id, "Reports that match")


def _changes(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which councils went from inadequate to good?", "which improved since their last inspection?"."""
    if (changes := grade_changes(tools, scope, scope.report_ids)) is None:
        return None
    if not changes:
        return abstain(session_id, "No organisation in this index had its grade change that way between "
                                   "one inspection and the next.")
    return list_answer(changes, book, session_id, "Reports whose grade changed that way")


def _graded_topic(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"Which CRCs rated requires improvement had problems with home visits?"."""
    if not (topic := topic_after_grades(scope)) or scope.numeric:
        return None
    graded = [r for r in scope.report_ids if grades.meets_all(tools.library.reports[r], scope.conditions, tools.areas)]
    return list_answer(topical_rows(tools, replace(scope, topic_words=topic, topic=" ".join(topic)), graded),
                       book, session_id, "Reports with that grade that match")


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
    if not rows and graded:
        return abstain(session_id, f"No report in this index has that grade: none of the {graded} graded "
                                   f"report{'s' if graded != 1 else ''} in scope.")
    share = f" ({len(rows)} of the {graded} graded reports in scope, {len(rows) / graded:.0%})" \
        if SHARE.search(scope.question) and graded else ""  # "what proportion ... were good or better?"
    return list_answer(rows, book, session_id, f"Reports with that grade{share}")


def _sides(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"What did they do well?" of the bodies named."""
    if not (scope.bodies and scope.wanted and scope.wanted <= {POSITIVE, CONCERN} and not _besides_cues(scope)):
        return None
    return list_answer(side_rows(tools, scope.report_ids, scope.wanted), book, session_id, "What the reports found")


def _in_scope(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """Nothing asked beyond the scope, or only the kind of report every one is ("list all the SEND inspections")."""
    if scope.numeric or scope.wanted or not set(scope.topic_words) <= kind_of_report(tools, scope, scope.report_ids):
        return None
    return list_answer(dated_rows(tools, scope.report_ids), book, session_id, "Reports in scope")


COMPOSERS = (_changes, _graded_topic, _never, _verdict, _every_grade, _graded, _sides, _in_scope)


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


# --- topics ---
def topical_rows(tools: Tools, scope: Scope, ids: list[str], ease: bool = False) -> list[Row]:
    """Each report judged on its own best evidence for the topic (ranked by meaning and words): it qualifies
    when that evidence leans the way asked (concern, praise) and is nearly as strong as the best in scope."""
    cues = cue_words(scope.topic)
    question = tools.question(scope.question, None, [w for w in scope.topic_words if w not in cues], scope.jargon)
    rows = tools.rows(ids)
    if not len(rows):
        return []
    f = tools.ranker.features(question, rows, [], chunk_words=False)  # a report qualifies by what a sentence says
    score = W_DENSE * zscores(f["dense"]) + W_WORDS * zscores(f["words"]) + W_CHUNK * zscores(f["chunk"])
    relevance = f["dense"] + W_COVERAGE * f["coverage"]
    score[~names_all(tools, rows, scope.names)] = -np.inf  # a name the question gives must be in the sentence
    report_of = tools.library.text.report_of[rows]
    def qualified(stands_out: float) -> list[Row]:
        judged = []
        for index in np.unique(report_of):
            mine = np.flatnonzero(report_of == index)
            best = [i for i in mine[np.argsort(-score[mine])][:CONSIDERED] if score[i] >= stands_out]
            found = [(float(relevance[i]), ev) for i in best if (ev := _evidence(tools, int(rows[i])))
                     and names_in(ev.quote, scope.names)]
            if (row := decide(found, scope)) is not None:
                judged.append(row)
        top = max((strength for strength, _ in judged), default=0.0)
        floor = RELEVANT if scope.names else max(RELEVANT, top - MARGIN)  # a named programme: its mention is enough
        rows_ = [row for strength, row in judged if strength >= floor]
        return _silent_everywhere(rows_, tools, question, rows, score) if ABSENT in scope.wanted else rows_
    stands_out = stands_out_at(len(rows)) - NAMED_EASED * bool(scope.names)  # (a name given is itself a filter)
    return qualified(stands_out) or (qualified(stands_out - EASED) if ease else [])  # (``ease``: once, lower)


def stands_out_at(rows: int) -> float:
    """The rank score a report's evidence needs among ``rows`` sentences: the z-score the best of that many
    unrelated sentences would reach by chance (sqrt(2 ln n)), less a margin; 2.5 for the demo's ~700."""
    return max(STANDS_OUT, math.sqrt(2 * math.log(max(rows, 2))) - 1.1)


def names_all(tools: Tools, rows: np.ndarray, names: list[str]) -> np.ndarray:
    """True for the rows whose sentence holds every name the question gives ("Mockingbird", "Staying Close")
    that some report uses; all True when it gives none."""
    corpus = tools.library.text
    columns = corpus.columns(" ".join(names))
    if not columns:
        return np.ones(len(rows), dtype=bool)
    return corpus.holding(columns, rows) == len(columns)


def _evidence(tools: Tools, row: int) -> Evidence | None:
    report_id, page, _, _, quote = tools.library.text.sentence(row)  # (a heading, a source: no report is listed
    return None if no_finding(quote) else Evidence(  # for naming a topic in one)
        tools.library.reports[report_id], page, tools.library.text.section(row), quote, row=row)


def decide(found: list[tuple[float, Evidence]], scope: Scope) -> tuple[float, Row] | None:
    """(how strongly, the row) for one report from its best sentences on the topic: the strongest that leans
    the way asked (any, when nothing is asked); None when none does."""
    if not found:
        return None
    meta = found[0][1].meta
    if ABSENT in scope.wanted:
        silent = [(r, ev) for r, ev in found if is_absence(ev.quote)]
        return (silent[0][0], Row(meta, ABSENT, [silent[0][1]])) if silent else None
    found = [(r, ev) for r, ev in found if not is_absence(ev.quote)
             and (not scope.numeric or _meets_number(ev.quote, scope.numeric))]
    if not scope.wanted:
        return (found[0][0], Row(meta, "mentioned", [ev for _, ev in found[:2]])) if found else None
    topic = {stem(w) for w in scope.topic_words} - {stem(w) for w in cue_words(scope.topic)}
    leaning = []
    for strength, ev in found:
        polarity = sentence_polarity(ev.quote, topic)
        kinds = polarity.kinds()
        against = polarity.positive + polarity.improved if scope.wanted == {CONCERN} else polarity.concern
        if kinds & scope.wanted and sum(getattr(polarity, k) for k in kinds & scope.wanted) > against:
            leaning.append((strength, ev, max(kinds & scope.wanted, key=lambda k: getattr(polarity, k))))
    if not leaning:
        return None
    leaning.sort(key=lambda item: -item[0])
    strength, _, verdict = leaning[0]
    return strength, Row(meta, verdict, [ev for _, ev, _ in leaning[:2]])


def _meets_number(sentence: str, numeric: tuple[str, float]) -> bool:
    direction, limit = numeric
    for match in NUMBER.finditer(sentence):
        text = match.group(0).replace(",", "").replace("%", "").strip()
        if YEAR.match(text) and not match.group(2):
            continue
        if (float(text) - limit) * (1 if direction == ">" else -1) > 0:  # (above the limit for ">", below for "<")
            return True
    return False


def _silent_everywhere(silent: list[Row], tools: Tools, question, rows: np.ndarray,  # noqa: ANN001
                       score: np.ndarray) -> list[Row]:
    """For "which ... do the reports not state X": the bodies none of whose reports states it (one row each)."""
    corpus = tools.library.text
    stated = {body_label(tools.library.reports[corpus.report_ids[corpus.report_of[r]]])
              for r, s in zip(rows, score) if s >= STANDS_OUT and not is_absence(corpus.sentence(int(r))[4])}
    return list({body_label(row.meta): row for row in silent if body_label(row.meta) not in stated}.values())
