"""Why a report got its grade: for "which councils were judged inadequate, and why?", the sentences of the
report's own summary (its opening pages) that criticise most plainly for a weak grade, or praise most plainly
for a strong one. Quotes only; the lexicon of ``verdict`` decides which way a sentence speaks."""

from __future__ import annotations

import re

from ingest.catalog import Catalog
from ingest.models import ReportMeta
from service.answering.evidence import Evidence
from service.answering.text import split_sentences, words
from service.answering.verdict import PRONOUN_START, is_absence, sentence_polarity

ASKS_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bexplain\b|\bon what (grounds|basis)\b|\bwhat (went wrong|"
                      r"(were|was) (the )?(main |key )?(problems?|weakness(es)?|failings?|concerns?|issues?|"
                      r"strengths?|findings?))\b", re.I)
WEAK_GRADES = {"inadequate", "requires improvement"}
SUMMARY_PAGES = 3
MIN_WORDS = 8
LATER_PAGE_PENALTY = 0.75  # the summary comes first: a page-3 sentence needs a plainer verdict to be chosen
EARLIER_GRADE = re.compile(r"\bwhen\b[^,;]*\b(judged|rated|graded)\b[^,;]*")  # "when it was judged to be ..."
TABLE_GRADE = re.compile(r"\b(Inadequate|Outstanding|Good|Requires improvement)\b(?!\W*$)")


def asks_why(question: str) -> bool:
    """True when a question wants the reasons for what it asks about ("..., and why?")."""
    return bool(ASKS_WHY.search(question))


def reasons(catalog: Catalog, meta: ReportMeta, grade: str | None, limit: int = 2) -> list[Evidence]:
    """Up to ``limit`` sentences of the report's first pages that speak most plainly the grade's way
    (criticism for inadequate or requires improvement, praise otherwise), in reading order."""
    weak = grade in WEAK_GRADES
    scored = []
    for page in range(1, SUMMARY_PAGES + 1):
        text = catalog.page_text(meta.report_id, page)
        if text is None:
            break
        for span in split_sentences(text):
            if _readable(span.quote):
                polarity = sentence_polarity(EARLIER_GRADE.sub(" ", span.quote))
                score = polarity.concern - polarity.positive if weak else polarity.positive - polarity.concern
                if score > 0:
                    scored.append((score, page, span))
    best = sorted(scored, key=lambda s: -(s[0] - LATER_PAGE_PENALTY * (s[1] - 1)))[:limit]
    return [Evidence(meta, page, None, span, score) for score, page, span in sorted(best, key=_reading_order)]


def _readable(sentence: str) -> bool:
    """A whole sentence that stands on its own: long enough, ends as a sentence, not a grade-table row run
    together with prose, not opening on a pronoun, not a statement that something is unknown."""
    return (len(words(sentence)) >= MIN_WORDS and sentence.rstrip()[-1:] in ".!" and not PRONOUN_START.match(sentence)
            and not TABLE_GRADE.search(sentence[1:]) and not is_absence(sentence))


def _reading_order(scored: tuple) -> tuple[int, int]:
    _, page, span = scored
    return page, span.start
