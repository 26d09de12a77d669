"""Why a report got its grade: for "which councils were judged inadequate, and why?", the sentences of the
report's own summary (its opening pages) that criticise most plainly for a weak grade, or praise most plainly
for a strong one. Quotes only; the lexicon of ``verdict`` decides which way a sentence speaks."""

from __future__ import annotations

import re

from ingest.catalog import Catalog
from ingest.models import ReportMeta
from service.answering.evidence import Evidence
from service.answering.text import split_sentences, squash, stem, words
from service.answering.verdict import PRONOUN_START, is_absence, sentence_polarity

ASKS_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bexplain\b|\bon what (grounds|basis)\b|\bwhat (went wrong|"
                      r"(were|was) (the )?(main |key )?(problems?|weakness(es)?|failings?|concerns?|issues?|"
                      r"strengths?|findings?))\b", re.I)
WEAK_GRADES = {"inadequate", "requires improvement"}
CRITICISM = {stem(w) for w in "problem problems concern concerns weakness weaknesses failing failings criticism "
             "criticisms shortcoming shortcomings issue issues wrong worst bad".split()}
PRAISE = {stem(w) for w in "strength strengths positive positives praise praised well best good success "
          "successes".split()}
SUMMARY_PAGES = 3
MIN_WORDS = 8
LATER_PAGE_PENALTY = 0.75  # the summary comes first: a page-3 sentence needs a plainer verdict to be chosen
EARLIER_GRADE = re.compile(r"\bwhen\b[^,;]*\b(judged|rated|graded)\b[^,;]*")  # "when it was judged to be ..."
TABLE_GRADE = re.compile(r"\b(Inadequate|Outstanding|Good|Requires improvement)\b(?!\W*$)")


def asks_why(question: str) -> bool:
    """True when a question wants the reasons for what it asks about ("..., and why?")."""
    return bool(ASKS_WHY.search(question))


def verdict_asked(topic_words: list[str]) -> bool | None:
    """For "what were the main problems at X" (True: criticism wanted) or "what are X's strengths" (False:
    praise wanted), when the question names nothing else; None otherwise."""
    keys = {stem(w) for w in topic_words}
    if not keys or not keys <= CRITICISM | PRAISE:
        return None
    return bool(keys & CRITICISM)


def reasons(catalog: Catalog, meta: ReportMeta, grade: str | None, limit: int = 2) -> list[Evidence]:
    """Up to ``limit`` sentences of the report's first pages that speak most plainly the grade's way
    (criticism for inadequate or requires improvement, praise otherwise), in reading order."""
    return plainest(catalog, meta, grade in WEAK_GRADES, limit)


def plainest(catalog: Catalog, meta: ReportMeta, weak: bool, limit: int) -> list[Evidence]:
    """Up to ``limit`` sentences of the report's first pages that criticise (``weak``) or praise most plainly,
    each wording once, in reading order."""
    best: dict[str, Evidence] = {}
    for ev in sorted(_speaking(catalog, meta, weak), key=lambda ev: -(ev.score - LATER_PAGE_PENALTY * (ev.page - 1))):
        if len(best) < limit:
            best.setdefault(squash(ev.quote), ev)
    return sorted(best.values(), key=lambda ev: (ev.page, ev.span.start))


def _speaking(catalog: Catalog, meta: ReportMeta, weak: bool) -> list[Evidence]:
    """The readable sentences of the first pages that lean the wanted way, scored by how far they lean."""
    found = []
    for page in range(1, SUMMARY_PAGES + 1):
        text = catalog.page_text(meta.report_id, page)
        if text is None:
            break
        for span in filter(lambda span: readable(span.quote), split_sentences(text)):
            polarity = sentence_polarity(EARLIER_GRADE.sub(" ", span.quote))
            lean = polarity.concern - polarity.positive if weak else polarity.positive - polarity.concern
            if lean > 0:
                found.append(Evidence(meta, page, None, span, lean))
    return found


def readable(sentence: str) -> bool:
    """A whole sentence that stands on its own: long enough, ends as a sentence, not a grade-table row run
    together with prose, not opening on a pronoun, not a statement that something is unknown."""
    return (len(words(sentence)) >= MIN_WORDS and sentence.rstrip()[-1:] in ".!" and not PRONOUN_START.match(sentence)
            and not TABLE_GRADE.search(sentence[1:]) and not is_absence(sentence))
