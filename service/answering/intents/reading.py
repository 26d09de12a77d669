"""Reading one report in order: its readable sentences (whole, standing on their own), what it says it does not
say, what it says of its rating, and the sentence that states an ungraded report's outcome. An overview, a grade
list and a fact about a report given no grade all read a report's opening this way."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering.evidence import Evidence
from service.answering.text import words
from service.answering.tools import Tools
from service.answering.verdict import PRONOUN_START, is_absence

TO_IMPROVE = re.compile(r"needs? to improve|areas? for (improvement|development)|recommendations?", re.I)
MIN_WORDS = 8
UNGRADED_READ = 80  # a report says early that it gives no grade
RATING_SAID = re.compile(r"\b(?:ratings?|rated|grades?|graded|judge?ments?)\b", re.I)
MIN_LISTED = 4  # (words of a line of "What needs to improve")
TABLE_GRADE = re.compile(r"\b(Inadequate|Outstanding|Good|Requires improvement(?: to be good)?)\s+[A-Z0-9(]")  # the
# next cell of a grade table run into the text (not prose: "rated Inadequate, and its ...")
LOWER_START = re.compile(r"^[^A-Za-z0-9]*[a-z]")
OUTCOME_SECTION = re.compile(r"outcome|judge?ment|conclusion|verdict", re.I)
OUTCOME_READ = 60       # an outcome comes early
READ_AT_MOST = 400
ABOUT_THE_RATING = re.compile(r"\boverall (rating|grade)\b|\b(not|never) (been )?(given|awarded) (an? )?(overall )?"
                              r"(rating|grade)|\bno (overall )?(rating|grade)\b|"
                              r"\b(rated|judged|graded)\b[^.;]{0,160}\bas "
                              r"(?-i:Good|Outstanding|Inadequate|Requires improvement)\b|"
                              r"\b(?-i:Good|Outstanding|Inadequate|Requires improvement) (rating|grade)\b|"
                              r"\b(provider|company|crc|council|authority|organisation)s?\s+(to be\s+)?(rated|judged|graded)\s+"
                              r"(?-i:Good|Outstanding|Inadequate|Requires improvement)\b", re.I)  # ("the only provider
# rated Inadequate": the grade told again, not a finding behind it)
# (its grade: no finding; "rated ... as Good in a report published ...", "The Requires improvement rating was ...")


def readable(sentence: str, section: str | None = None) -> bool:
    """A whole sentence that stands on its own: long enough (a line of a report's list of what needs to improve
    may be short: "Consistent decision-making for strategy discussions."), ends as a sentence, not a grade-table
    row run together with prose, not opening on a pronoun, not a statement that something is unknown."""
    least = MIN_LISTED if TO_IMPROVE.search(section or "") else MIN_WORDS
    return (len(words(sentence)) >= least and sentence.rstrip()[-1:] in ".!" and not PRONOUN_START.match(sentence)
            and not LOWER_START.match(sentence)  # (a sentence's broken-off end: "health histories, so that ...")
            and not TABLE_GRADE.search(sentence[1:]) and not is_absence(sentence))


def outcome(tools: Tools, meta: ReportMeta) -> Evidence | None:
    """The sentence that gives an ungraded report's verdict: the first of a section named for it ("Inspection
    outcome", "Conclusion"), as area SEND inspections state theirs."""
    return next((ev for ev in sentences(tools, meta, OUTCOME_READ) if OUTCOME_SECTION.search(ev.section or "")), None)


def silences(tools: Tools, meta: ReportMeta, limit: int = READ_AT_MOST) -> list[Evidence]:
    """The report's statements that it does not say something ("the sources do not describe the findings ..."),
    in reading order (of its first ``limit`` sentences)."""
    corpus = tools.library.text
    rows = [int(row) for row in corpus.rows([meta.report_id])[:limit]]
    return [Evidence(meta, page, corpus.section(row), quote, row=row)
            for row in rows for _, page, _, _, quote in [corpus.sentence(row)] if is_absence(quote)]


def rating_told(tools: Tools, meta: ReportMeta) -> Evidence | None:
    """What a report says early of its rating: "London CRC was not given an overall rating, because ..." of one
    given none; "The sources for this digest do not state the overall rating ..." of one silent on it."""
    said = sorted(sentences(tools, meta, UNGRADED_READ) + silences(tools, meta, UNGRADED_READ),
                  key=lambda ev: ev.row)  # (its first sentences only: a grade list reads every ungraded report's)
    return next((ev for ev in said if ABOUT_THE_RATING.search(ev.quote)
                 or is_absence(ev.quote) and RATING_SAID.search(ev.quote)), None)  # ("do not give its ratings")


def sentences(tools: Tools, meta: ReportMeta, limit: int = READ_AT_MOST) -> list[Evidence]:
    """The report's readable sentences in reading order, from its first ``limit`` (a report states its main
    findings first; reading no further keeps the cost of an overview the same for a report of any length)."""
    corpus, out = tools.library.text, []
    for row in corpus.rows([meta.report_id])[:limit]:
        _, page, _, _, quote = corpus.sentence(int(row))
        if readable(quote, section := corpus.section(int(row))) and not corpus.boilerplate[row]:
            out.append(Evidence(meta, page, section, quote, row=int(row)))
    return out
