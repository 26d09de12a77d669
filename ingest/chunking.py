"""Pack sentences into chunks that fit the embedding model's window.

A chunk never crosses a page or a heading, and never ends mid-sentence (a single sentence longer than the
budget, such as a table dumped as one line, is the one exception: it is cut at word boundaries).
Each chunk keeps its page and its character span in that page's text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby

from ingest.models import Chunk, Section
from ingest.sentences import sentence_spans

TokenCounter = Callable[[Sequence[str]], list[int]]


def word_piece_counter(tokenizer_json: str) -> TokenCounter:
    """Token counts from the embedding model's own tokenizer (fast Rust tokenizer, no torch)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(tokenizer_json)
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(texts: Sequence[str]) -> list[int]:
        return [len(enc.ids) - 2 for enc in tokenizer.encode_batch(list(texts))]

    return count


def _split_long(text: str, start: int, end: int, budget_words: int) -> list[tuple[int, int]]:
    """Cut an over-long span at word boundaries into pieces of ``budget_words`` words; a run of characters
    with no spaces at all (a corrupt or binary-looking line) is hard-cut every ``budget_words * 4`` chars."""
    pieces, cursor, words, max_chars = [], start, 0, budget_words * 4
    for i in range(start, end):
        if text[i].isspace() and i > 0 and not text[i - 1].isspace():
            words += 1
            if words >= budget_words:
                pieces.append((cursor, i))
                cursor, words = i + 1, 0
        elif i - cursor >= max_chars:
            pieces.append((cursor, i))
            cursor, words = i, 0
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _units(page_text: str, sections: Iterable[Section], count: TokenCounter, budget: int) -> list[tuple[int, int, int]]:
    """(start, end, tokens) for each sentence of the sections, long sentences cut to fit."""
    spans = [span for sec in sections for span in sentence_spans(page_text, sec.start, sec.end)]
    too_long = budget * 12  # characters: surely over budget, so skip counting the whole span
    tokens = [budget + 1 if e - s > too_long else n
              for (s, e), n in zip(spans, count([page_text[s:min(e, s + too_long)] for s, e in spans]))]
    units: list[tuple[int, int, int]] = []
    for (s, e), n in zip(spans, tokens):
        if n <= budget:
            units.append((s, e, n))
            continue
        pieces = _split_long(page_text, s, e, max(8, budget // 2))
        units.extend((ps, pe, n) for (ps, pe), n in zip(pieces, count([page_text[a:b] for a, b in pieces])))
    return units


def _pack(units: list[tuple[int, int, int]], budget: int) -> list[tuple[int, int]]:
    """Greedy packing of consecutive units into spans of at most ``budget`` tokens (and ``budget * 8``
    characters, since the tokenizer counts a very long unbroken word as one unknown token)."""
    spans: list[tuple[int, int]] = []
    start, end, used = None, 0, 0
    for s, e, n in units:
        if start is not None and (used + n > budget or e - start > budget * 8):
            spans.append((start, end))
            start, used = None, 0
        start = s if start is None else start
        end, used = e, used + n
    if start is not None:
        spans.append((start, end))
    return spans


def chunk_id(report_id: str, page: int, start: int, text: str) -> str:
    digest = hashlib.sha1(f"{page}:{start}:{text}".encode()).hexdigest()[:16]
    return f"{report_id}:{digest}"


def chunk_sections(report_id: str, page_texts: dict[int, str], sections: list[Section],
                   count: TokenCounter, budget: int) -> list[Chunk]:
    """Chunks for one report: sections grouped by (page, heading), sentences packed to ``budget`` tokens."""
    chunks: list[Chunk] = []
    for (page, heading), group in groupby(sections, key=lambda sec: (sec.page, sec.heading)):
        text = page_texts[page]
        for s, e in _pack(_units(text, group, count, budget), budget):
            chunks.append(Chunk(chunk_id=chunk_id(report_id, page, s, text[s:e]), report_id=report_id,
                                page=page, section=heading, start=s, end=e, text=text[s:e]))
    return chunks
