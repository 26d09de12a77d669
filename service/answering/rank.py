"""One ranking of the evidence for a question: every sentence of the reports in scope, and their metadata worded
as claims, scored together by

- meaning: the cosine of the question's vector and the sentence's (pooled from its chunk, so it carries context),
- words: BM25 of the question's terms, with the idf of the rows in scope (a word every sentence of the report
  uses says little),
- context: the cosine of the question and the sentence's whole chunk,
- answer type: a number for "how many", a date for "when", a name for "who", a grade for "how was it rated".

The weights were chosen on the development half of the everyday question sets (docs/answering.md): meaning 0.6,
words 0.4 times ``lexical_trust``, context 0.3 on z-scores over the rows in scope, and 1.0 for the right kind of
answer.

``strength`` is the one absolute measure of how well the best evidence answers: its cosine plus the share of
the question's term weight found in it or its chunk. Below ``ABSTAIN_BELOW`` the answer is "not in these
reports"; the threshold was set on the development half of answerable and unanswerable questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse

from ingest.models import ReportMeta
from service.answering import grades
from service.answering.asks import figure_asked, sides_named
from service.answering.evidence import Claim, Evidence
from service.answering.fit import MOST, TYPED_READ, W_TYPE, fits
from service.answering.text import NONE_OF, content_words, contents_line, has_number, no_finding, words
from service.answering.verdict import is_absence, leaning
from service.corpus import Corpus
from service.terms import bm25_matrix, covered

W_DENSE, W_WORDS, W_CHUNK = 0.6, 0.4, 0.3
W_COVERAGE = 0.5
LEXICAL_TRUST = 2 / 3
W_BOILERPLATE = 1.0   # a sentence many reports print word for word seldom answers anything about one
WIDELY_PRINTED = 0.05  # ... and one this share of them print says nothing of a body named (fewer may: "The local
                       # authority uses the Signs of Safety model of social work.")
W_SIDE = 0.5          # a sentence leaning the side a finding is asked for (a weakness, a strength), or the other way
W_CUT = 1.0           # a sentence a page break cut short, its end on the next page
FINISHED = re.compile(r"[.!?:;)\]\"'’”]\s*$")
W_BARE = 1.0          # a line with next to nothing of its own to say (a label, a heading)
BARE_WORDS = 3
SHORT_NAME = 6        # (only a line of fewer terms than this many more can be bare: the test is skipped for others)
SILENCE_MARGIN = 1.0  # a report saying it does not say, unless evidence on the topic ranks within this of it
RIVAL_SAYS = 0.5      # (and says at least this share of what the question asks, by term weight)
SILENCE_READ = 8      # a statement of silence this high in the ranking that says more of the topic than any other
ABSTAIN_BELOW = 0.20
REFINE = 200          # rows whose answer type is checked (the best by meaning, words and context)
CARRIED = 0.5         # a sentence going on from the one before it ("She ...") ranks at least this below that one,
CARRY_READ = 10       # ... for the best this many, when a kind of answer is asked
GOES_ON = re.compile(r"^\W*(?:she|he|they|it|its|their|his|her|this|these)\b", re.I)


@dataclass
class Question:
    text: str
    vector: np.ndarray
    columns: list[list[int]]       # per term, its column in the corpus vocabulary and its kin's (counted as one)
    answer_type: str | None = None
    unknown: int = 0               # its terms found in no report: they count as missing from every sentence
    topic_vector: np.ndarray | None = None   # the question without the bodies it names (for ``strength``)

    @cached_property
    def superlative(self) -> bool:
        """True when the question asks which is most ("where were staff the most overloaded?")."""
        return self.answer_type is None and bool(MOST.search(self.text))

    @cached_property
    def side(self) -> str | None:
        """The side a finding is asked for ("what shortcoming did Ofsted identify ...": a concern), else None."""
        asked = sides_named(self.text)
        return next(iter(asked)) if self.answer_type is None and len(asked) == 1 else None

    @cached_property
    def figure(self) -> str | None:
        """The kind of figure asked for ("how many": a count), read once: every candidate's fit asks it."""
        return figure_asked(self.text) if self.answer_type == "number" else None


def zscores(values: np.ndarray) -> np.ndarray:
    spread = float(values.std()) if len(values) else 0.0
    return (values - values.mean()) / spread if spread > 0 else np.zeros_like(values)


class Ranker:
    """Ranks evidence in one snapshot of the corpus."""

    def __init__(self, corpus: Corpus, reports: dict[str, ReportMeta],
                 claim_vectors: Callable[[str], np.ndarray]) -> None:
        self.corpus, self.reports = corpus, reports
        self.claim_vectors = claim_vectors  # a claim's text -> its vector (cached by the caller)
        self._counts_alike: np.ndarray | None = None  # (read at the first number asked: ``counts_alike``)

    def dense(self, question: Question, rows: np.ndarray) -> np.ndarray:
        """Cosines of the rows' sentences and the question: its whole text and (when it names bodies) its text
        without them, averaged (all rows at once when the scope is large)."""
        vector = question.vector
        if question.topic_vector is not None:
            vector = question.vector + question.topic_vector
            vector = vector / np.linalg.norm(vector)
        return self.corpus.cosines(vector, rows)

    def chunk_dense(self, question: Question, rows: np.ndarray) -> np.ndarray:
        chunks = np.unique(self.corpus.chunk_of[rows])
        scores = np.zeros(len(self.corpus.chunk_ids), dtype=np.float32)
        scores[chunks] = self.corpus.chunk_cosines(question.vector, chunks)
        return scores[self.corpus.chunk_of[rows]]

    def features(self, question: Question, rows: np.ndarray, claims: Sequence[Claim],
                 chunk_words: bool = True) -> dict[str, np.ndarray]:
        """Per candidate (the rows, then the claims): cosine, BM25, chunk cosine, and the question's term
        weight covered (in the sentence, or with ``chunk_words`` in the sentence or its chunk)."""
        corpus, columns = self.corpus, question.columns
        counts = per_term(corpus.sentence_counts, columns)[rows]
        lengths = corpus.sentence_lengths[rows]
        dense = self.dense(question, rows)
        chunk = self.chunk_dense(question, rows)
        if claims:
            texts = [c.text for c in claims]
            counts = sparse.vstack([counts, per_term(corpus.vocabulary.counts(texts, grow=False), columns)],
                                   format="csr")
            # (columns come from corpus.columns: all below this snapshot's width)
            lengths = np.concatenate([lengths, np.asarray(counts[len(rows):].sum(axis=1)).ravel()])
            claim_dense = np.array([self.claim_vectors(t) @ question.vector for t in texts], dtype=np.float32)
            dense, chunk = np.concatenate([dense, claim_dense]), np.concatenate([chunk, claim_dense])
        words_, idf = bm25_matrix(counts, lengths, k1=1.2)
        own = (counts > 0).toarray()
        present = own.copy()
        if len(rows) and columns and chunk_words:
            present[:len(rows)] |= (per_term(corpus.chunk_counts, columns)[corpus.chunk_of[rows]] > 0).toarray()
        coverage = covered(present, idf, question.unknown)
        said = covered(own, idf, question.unknown) if len(idf) else np.zeros(len(dense))
        return {"dense": dense, "words": words_, "chunk": chunk, "coverage": coverage, "said": said}

    def coverage(self, question: Question, rows: np.ndarray, granted: Sequence[list[int]] = ()) -> np.ndarray:
        """The share of the question's term weight each row's sentence holds (its own words, not its chunk's),
        the ``granted`` terms (their columns) counted as held by every row."""
        counts = per_term(self.corpus.sentence_counts, question.columns)[rows]
        _, idf = bm25_matrix(counts, self.corpus.sentence_lengths[rows])
        present = (counts > 0).toarray()
        present[:, [i for i, term in enumerate(question.columns) if term in granted]] = True
        return covered(present, idf, question.unknown)

    def _standard(self, rows: np.ndarray, question: Question) -> np.ndarray:
        """True for the rows many reports print word for word (an inspectorate's standard paragraphs), but not,
        when a number is asked, a count many print alike ("The local authority operates no children's homes.")."""
        standard = self.corpus.boilerplate[rows]
        return standard & ~self.counts_alike()[rows] if question.answer_type == "number" else standard

    def counts_alike(self) -> np.ndarray:
        """True for each sentence many reports print alike that states a count (a figure, or "no children's
        homes"), read once for the snapshot (its 12,000 such sentences of 182,000 take 0.2 s: not every question)."""
        if self._counts_alike is None:
            counted = np.zeros(len(self.corpus.boilerplate), dtype=bool)
            for row in np.flatnonzero(self.corpus.boilerplate):
                quote = self.corpus.sentence(int(row))[4]
                counted[row] = bool(has_number(quote) or NONE_OF.search(quote))
            self._counts_alike = counted
        return self._counts_alike

    def rank(self, question: Question, rows: np.ndarray, claims: Sequence[Claim] = (),
             limit: int = 20) -> list[Evidence]:
        """The best evidence first, each with its ranking score and its strength."""
        if len(rows) == 0 and not claims:
            return []
        f = self.features(question, rows, claims)
        score = W_DENSE * zscores(f["dense"]) + W_WORDS * lexical_trust(f["said"]) * zscores(f["words"]) \
            + W_CHUNK * zscores(f["chunk"])
        standard, named = self._standard(rows, question), question.topic_vector is not None  # (it names bodies: a
        if named:  # standard paragraph many reports print says nothing of them; one a few print may)
            standard &= self.corpus.printed_by[rows] >= WIDELY_PRINTED * len(self.corpus.report_ids)
        score[:len(rows)] -= W_BOILERPLATE * standard
        raised = self._carry(score, rows) if question.answer_type else {}
        top = np.argsort(-score)[:REFINE]
        top = np.concatenate([top, np.setdiff1d(np.arange(len(rows), len(score)), top)])  # (every claim asked)
        topical = self._topic_cosines(question, top, rows, claims, f["dense"])
        out = []
        for i, cosine in zip(top, topical):
            ev = self._evidence(int(i), rows, claims)
            if ev is None or named and ev.kind == "sentence" and standard[i]:
                continue  # (their standard "the sources do not say" still counts)
            ev.fit = fit = fits(ev, question, self.corpus.rare)
            short = i < len(rows) and self.corpus.sentence_lengths[rows[i]] < BARE_WORDS + SHORT_NAME
            ev.score = float(score[i]) + W_TYPE * fit - W_BARE * (short and bare(ev)) - W_CUT * self._cut(ev) \
                + W_SIDE * leaning(ev.quote, question.side)
            ev.covered = float(f["said"][i])
            ev.strength = float(cosine) + W_COVERAGE * float(f["coverage"][i]) + 0.1 * fit
            out.append(ev)
        self._carried_only_with_answer(out, raised)
        out.sort(key=lambda ev: -ev.score)
        return out[:limit] + [ev for ev in out[limit:] if ev.claim]  # (a grade asked: each judgement, however
        # many sentences rank above it)

    def _carry(self, score: np.ndarray, rows: np.ndarray) -> dict[int, tuple[float, int]]:
        """Raise each sentence that goes on from one of the best (the next on its page, opening "She", "It" ...)
        to ``CARRIED`` below it: "She has taken ... since her promotion to the role in April 2021" tells when the
        director the sentence before describes got the job, though it names no director. Each raised row: how
        much, and the row it goes on from."""
        raised = {}
        for i in np.argsort(-score[:len(rows)])[:CARRY_READ]:
            if i + 1 < len(rows) and rows[i + 1] == rows[i] + 1 and score[i + 1] < score[i] - CARRIED:
                report_id, page, _, _, quote = self.corpus.sentence(int(rows[i + 1]))
                if GOES_ON.match(quote) and self.corpus.sentence(int(rows[i]))[:2] == (report_id, page):
                    raised[int(rows[i + 1])] = (float(score[i] - CARRIED - score[i + 1]), int(rows[i]))
                    score[i + 1] = score[i] - CARRIED
        return raised

    @staticmethod
    def _carried_only_with_answer(out: list[Evidence], raised: dict[int, tuple[float, int]]) -> None:
        """Each raised sentence back where it ranked unless it holds the kind of answer asked and the sentence
        it goes on from does not (there, the one it goes on from answers)."""
        fit = {ev.row: ev.fit for ev in out}
        for ev in out:
            if ev.row in raised and (not ev.fit or fit.get(raised[ev.row][1])):
                ev.score -= raised[ev.row][0]

    def _cut(self, ev: Evidence) -> bool:
        """True for a sentence a page break cut short: the last of its page, with no end to it ("... resulted in a")."""
        return ev.row is not None and bool(self.corpus.page_end[ev.row]) and not FINISHED.search(ev.quote)

    def _topic_cosines(self, question: Question, top: np.ndarray, rows: np.ndarray, claims: Sequence[Claim],
                       dense: np.ndarray) -> np.ndarray:
        """The cosine of each candidate and the question without the bodies it names: a sentence does not
        answer a question about a body's budget by naming the body."""
        if question.topic_vector is None:
            return dense[top]
        own = iter(self.corpus.vectors(rows[top[top < len(rows)]]))  # the sentences among the top, in order
        vectors = [next(own) if i < len(rows) else self.claim_vectors(claims[i - len(rows)].text) for i in top]
        return np.stack(vectors) @ question.topic_vector if vectors else np.zeros(0)

    def _evidence(self, i: int, rows: np.ndarray, claims: Sequence[Claim]) -> Evidence | None:
        if i >= len(rows):
            claim = claims[i - len(rows)]
            return Evidence(claim.evidence.meta, claim.evidence.page, None, claim.evidence.quote,
                            claim=claim.evidence.claim, kind=claim.evidence.kind)
        row = int(rows[i])
        report_id, page, _, _, quote = self.corpus.sentence(row)
        if contents_line(quote):  # (a table of contents: headings and page numbers, no finding)
            return None
        kind = "absence" if is_absence(quote) else "sentence"  # "the sources do not state ...": never an answer
        return Evidence(self.reports[report_id], page, self.corpus.section(row), quote, row=row, kind=kind)


def per_term(matrix: sparse.spmatrix, columns: list[list[int]]) -> sparse.csr_matrix:
    """The matrix's counts of each term, its kin's added (one column per term)."""
    flat = [c for group in columns for c in group]
    picked = matrix[:, flat].tocsr() if flat else sparse.csr_matrix((matrix.shape[0], 0))
    if len(flat) == len(columns):
        return picked
    owner = [term for term, group in enumerate(columns) for _ in group]
    join = sparse.csr_matrix((np.ones(len(flat), np.float32), (np.arange(len(flat)), owner)),
                             shape=(len(flat), len(columns)))
    return (picked @ join).tocsr()


def bare(ev: Evidence) -> bool:
    """True for a line that says little beyond its body's name ("Inspected body: Durham Tees Valley CRC"): fewer
    than ``BARE_WORDS`` content words of its own; or a heading ("children in care and care leavers")."""
    name = set(content_words(" ".join([ev.meta.body or "", *ev.meta.body_aliases])))
    if no_finding(ev.quote) and not grades.GRADE_MENTION.search(ev.quote):  # a heading ("children in care and
        return True  # care leavers"), not a grade table's line
    return len([w for w in content_words(ev.quote) if w not in name]) < BARE_WORDS


def lexical_trust(said: np.ndarray) -> float:
    """How far word matches count: in proportion to the largest share of the question's term weight that any
    candidate holds (times ``LEXICAL_TRUST``). A question asked in other words than the reports' matches a few
    words by chance, and then meaning decides. Chosen on the development halves (docs/answering.md)."""
    return LEXICAL_TRUST * float(said.max()) if len(said) else 1.0


def strength(ranked: list[Evidence], question: Question) -> float:
    """How well the best evidence answers: 0 when the best says the reports do not say, or (for a question
    asking for a number, date, name or grade) when none of the best three holds one."""
    if not ranked:
        return 0.0
    said = [ev for ev in ranked if ev.kind != "absence"]
    at = next((i for i, ev in enumerate(ranked[:SILENCE_READ]) if ev.kind == "absence"), None)  # "the sources do
    silent = at == 0 or at is not None and ranked[at].covered >= RIVAL_SAYS and all(  # not describe findings on
        ev.covered < ranked[at].covered for ev in ranked[:at]) and not (  # unpaid work", first or saying most of
        question.answer_type and any(ev.fit >= 1 for ev in ranked[:at]))  # the topic; not below the kind of answer
    # asked: "Published: 26 September 2019" above "do not describe the detailed findings ... beyond its publication")
    silence = ranked[at or 0]  # (its report's: another report saying as much of the topic is a rival)
    rivals = [ev for ev in said if ev.score >= silence.score - SILENCE_MARGIN and (ev.covered >= RIVAL_SAYS or (
        ev.report_id != silence.report_id and ev.covered >= silence.covered > 0))]
    if silent and not rivals:
        return 0.0
    read = TYPED_READ if question.answer_type == "number" else 3  # (a figure a few sentences down: "PAs ...
    # high caseloads, sometimes over 40" below the report's lines on care leavers; not a grade for "what will
    # it be rated next time?")
    top = [ev for ev in said[:read] if question.answer_type in (None, "frequency") or ev.fit]  # ("how often":
    # "regularly" answers too)
    return max((ev.strength for ev in top), default=0.0)
