"""Sentences that answer a question, picked from retrieved passages, each with its page span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.sentences import sentence_spans
from service.answering.verify import squash
from service.retrieval import Hit, query_terms

MARKDOWN_NOISE = re.compile(r"^([#>*\-•◼\s]+|\d{1,3}(\.\d{1,2})*\.?\s+)")


@dataclass
class Evidence:
    hit: Hit
    start: int          # offsets in the page text
    end: int
    quote: str          # the sentence, whitespace squashed
    score: float

    @property
    def report_id(self) -> str:
        return self.hit.chunk.report_id


def stem(word: str) -> str:
    """A crude stem so "concerns" meets "concern" and "inspected" meets "inspection"."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def term_stems(text: str) -> set[str]:
    return {stem(t) for t in query_terms(text)}


def sentences_of(hit: Hit) -> list[tuple[int, int, str]]:
    """(page start, page end, clean quote) for each sentence of a passage, list markers stripped."""
    chunk = hit.chunk
    out = []
    for s, e in sentence_spans(chunk.text):
        raw = chunk.text[s:e]
        lead = MARKDOWN_NOISE.match(raw)
        s += lead.end() if lead else 0
        quote = squash(chunk.text[s:e]).strip("*_ ")
        if len(quote.split()) >= 4:
            out.append((chunk.start + s, chunk.start + e, quote))
    return out


def best_sentences(question: str, hits: list[Hit], limit: int = 3, per_report: int = 2) -> list[Evidence]:
    """Sentences sharing the most question words, passage rank breaking ties; at most ``per_report`` each."""
    wanted = term_stems(question)
    scored: list[Evidence] = []
    for rank, hit in enumerate(hits):
        for s, e, quote in sentences_of(hit):
            overlap = len(wanted & term_stems(quote + " " + (hit.chunk.section or "")))
            if overlap:
                scored.append(Evidence(hit, s, e, quote, overlap / max(1, len(wanted)) + 0.5 / (rank + 1)))
    scored.sort(key=lambda ev: -ev.score)
    chosen: list[Evidence] = []
    for ev in scored:
        if sum(1 for c in chosen if c.report_id == ev.report_id) < per_report:
            chosen.append(ev)
        if len(chosen) == limit:
            break
    return chosen
