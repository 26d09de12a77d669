"""Scoring one answer against one question (the run's metrics over all of them: ``eval.aggregate``).

A question's answer is scored on what the answer shows: its text (fact), the organisations it names (list),
whether it abstained, and whether its quotes are really on the cited pages (checked in ``eval.citations``).
Organisation names are compared after ``service.names.normalise`` ("Thames Valley" = "Thames Valley CRC").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import BaseModel, Field

from ingest.metadata_text import squash
from service.names import normalise
from service.schemas import Answer

Kind = Literal["fact", "list", "unanswerable", "summary", "compare", "topic"]
EXCERPT_CHARS = 300


class Question(BaseModel):
    """One line of a question set (CONTRACT.md); extra keys (notes, source, ...) are kept but unused."""

    model_config = {"extra": "allow"}

    id: str
    kind: Kind
    question: str
    answer: str = ""
    answer_alternatives: list[str] = Field(default_factory=list)
    expected_bodies: list[str] = Field(default_factory=list)
    optional_bodies: list[str] = Field(default_factory=list, description="list: acceptable either way")
    must_contain: list[str] = Field(default_factory=list, description="compare (and summary, when given): strings the answer must state")
    quote_any: list[str] = Field(default_factory=list, description="topic: a cited quote must contain one")
    family: str | None = Field(None, description="questions asking one fact in other words share a family")

    @property
    def half(self) -> str:
        return half_of(self.family or self.id)


def half_of(family: str) -> str:
    """The fixed split of a question set: "test" or "dev" by a hash of the question's family, so every wording
    of one fact falls in the same half."""
    return "test" if int(hashlib.sha1(family.encode()).hexdigest(), 16) % 2 else "dev"


class CitationCheck(BaseModel):
    n: int
    report_id: str
    page: int
    valid: bool
    reason: str = ""


class QuestionResult(BaseModel):
    id: str
    kind: Kind
    question: str
    passed: bool
    answer_excerpt: str
    predicted_bodies: list[str]
    expected_bodies: list[str]
    abstained: bool
    citations: int
    citations_valid: int
    citation_validity: float | None = Field(description="share of this answer's quotes found on the cited page")
    latency_ms: float
    answer_found: bool | None = Field(None, description="fact: the expected answer is in the text")
    body_cited: bool | None = Field(None, description="fact: a cited report is about an expected body")
    optional_bodies: list[str] = Field(default_factory=list)
    half: str = "dev"
    strength: float | None = Field(None, description="the answer's evidence strength (fact questions)")
    prose_kept: int | None = Field(None, description="LLM mode: model sentences kept")
    prose_dropped: int | None = Field(None, description="LLM mode: model sentences dropped by verification")
    true_positives: int | None = Field(None, description="list: predicted bodies that are expected")
    precision: float | None = None
    recall: float | None = None
    citation_checks: list[CitationCheck] = Field(default_factory=list)
    conversation: str | None = None
    turn: int | None = None
    error: str | None = Field(None, description="the service's error when it gave no answer")


class Metrics(BaseModel):
    """The contract's seven figures first; the rest are extra detail."""

    fact_accuracy: float | None
    list_precision: float | None
    list_recall: float | None
    abstention_accuracy: float | None
    citation_validity: float | None
    p50_ms: float | None
    p95_ms: float | None
    list_precision_macro: float | None = None
    list_recall_macro: float | None = None
    false_abstentions: int = 0
    questions: int = 0
    passed: int = 0
    follow_up_accuracy: float | None = None
    turn_accuracy: float | None = None
    summary_accuracy: float | None = None
    compare_accuracy: float | None = None
    topic_accuracy: float | None = None
    answered_right: float | None = Field(None, description="share of all questions passed")
    llm_sentences_dropped: float | None = Field(None, description="LLM mode: share of the model's sentences "
                                                "dropped because the evidence they cite does not support them")


# --- text and names ---
def contains_answer(text: str, expected: Sequence[str]) -> bool:
    """True when any expected string occurs in ``text`` as whole words (case-insensitive, whitespace-normalised).

    Whole words, so that a short alternative such as "RI" does not match inside "Derbyshire".
    """
    haystack = squash(text.replace("**", "").replace("__", "")).lower()
    for wanted in expected:
        needle = squash(wanted).lower()
        if needle and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
            return True
    return False


def body_key(name: str | None) -> str:
    return normalise(name or "")


def distinct_bodies(names: Sequence[str]) -> list[str]:
    """Names in first-seen order, one per normalised key (empty names dropped)."""
    seen: dict[str, str] = {}
    for name in names:
        key = body_key(name)
        if key and key not in seen:
            seen[key] = name
    return list(seen.values())


def predicted_bodies(answer: Answer, body_of: Callable[[str, str | None], str]) -> list[str]:
    """The organisations an answer names: its items' bodies when it has items, else its citations' bodies.

    ``body_of(report_id, stated_body)`` turns a cited report into the name it is scored under.
    """
    if answer.abstained:
        return []
    if answer.items:
        return distinct_bodies([item.body or body_of(item.report_id, None) for item in answer.items])
    return distinct_bodies([body_of(c.report_id, c.body) for c in answer.citations])


def list_counts(predicted: Sequence[str], expected: Sequence[str],
                optional: Sequence[str] = ()) -> tuple[int, int, int]:
    """(true positives, number predicted, number expected), all by normalised name; a predicted body that is
    optional (acceptable either way) and not expected counts neither way."""
    gold = {body_key(e) for e in expected} - {""}
    pred = {body_key(p) for p in predicted} - {""} - ({body_key(o) for o in optional} - gold)
    return len(pred & gold), len(pred), len(gold)


def ratio(num: float, den: float, empty: float | None = None) -> float | None:
    return num / den if den else empty


# --- one question ---
def score_fact(q: Question, answer: Answer, cited: list[str]) -> dict[str, object]:
    found = contains_answer(answer.answer, [q.answer, *q.answer_alternatives])
    gold = {body_key(b) for b in q.expected_bodies}
    body_ok = not gold or any(body_key(b) in gold for b in cited)
    return {"answer_found": found, "body_cited": body_ok, "passed": found and body_ok and not answer.abstained}


def score_list(predicted: list[str], q: Question) -> dict[str, object]:
    tp, n_pred, n_gold = list_counts(predicted, q.expected_bodies, q.optional_bodies)
    precision = ratio(tp, n_pred, empty=1.0 if n_gold == 0 else 0.0)
    recall = ratio(tp, n_gold, empty=1.0)
    return {"true_positives": tp, "precision": precision, "recall": recall,
            "passed": tp == n_pred == n_gold}


def score_summary(q: Question, answer: Answer, cited: list[str]) -> dict[str, object]:
    """Right when not abstained, with at least two citations, all about the expected organisation (and, when the
    set gives ``must_contain``, stating each of those strings: a stricter check than the contract's)."""
    gold = {body_key(b) for b in q.expected_bodies}
    stated = all(contains_answer(answer.answer, [s]) for s in q.must_contain)
    return {"passed": not answer.abstained and len(cited) >= 2 and all(body_key(b) in gold for b in cited) and stated}


def score_compare(q: Question, answer: Answer, cited: list[str]) -> dict[str, object]:
    """Right when every expected organisation is cited and the answer states every required string."""
    keys = {body_key(b) for b in cited}
    stated = all(contains_answer(answer.answer, [s]) for s in q.must_contain)
    every = all(body_key(b) in keys for b in q.expected_bodies)
    return {"passed": not answer.abstained and stated and every, "answer_found": stated, "body_cited": every}


def score_topic(q: Question, answer: Answer) -> dict[str, object]:
    """Right when some cited quote holds one of the expected strings."""
    quotes = [squash(c.quote).lower() for c in answer.citations]
    found = any(squash(s).lower() in quote for s in q.quote_any for quote in quotes)
    return {"passed": not answer.abstained and found, "answer_found": found}


def score_question(q: Question, answer: Answer, latency_ms: float, checks: list[CitationCheck],
                   body_of: Callable[[str, str | None], str]) -> QuestionResult:
    """Score one answer; ``checks`` are the citation re-reads for this answer."""
    predicted = predicted_bodies(answer, body_of)
    cited = [body_of(c.report_id, c.body) for c in answer.citations]
    if q.kind == "fact":
        parts = score_fact(q, answer, cited)
    elif q.kind == "list":
        parts = score_list(predicted, q)
    elif q.kind == "summary":
        parts = score_summary(q, answer, cited)
    elif q.kind == "compare":
        parts = score_compare(q, answer, cited)
    elif q.kind == "topic":
        parts = score_topic(q, answer)
    else:
        parts = {"passed": answer.abstained}
    valid = sum(c.valid for c in checks)
    return QuestionResult(
        id=q.id, kind=q.kind, question=q.question, answer_excerpt=squash(answer.answer)[:EXCERPT_CHARS],
        predicted_bodies=predicted, expected_bodies=q.expected_bodies, optional_bodies=q.optional_bodies,
        half=q.half, abstained=answer.abstained, strength=answer.strength,
        prose_kept=answer.prose.kept if answer.prose else None,
        prose_dropped=answer.prose.dropped if answer.prose else None,
        citations=len(checks), citations_valid=valid, citation_validity=ratio(valid, len(checks)),
        latency_ms=round(latency_ms, 1), citation_checks=checks, **parts)


# --- the run ---
