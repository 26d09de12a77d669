"""Sentence spans in running text, with the offsets kept so a sentence can be checked against its page."""

from __future__ import annotations

import re

BULLETS = "*•●▪◦◼\uf02d\uf06e\uf0a7\uf0b7\uf076\uf0d8\\-"
BOUNDARY = re.compile(
    rf"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[{BULLETS}]?[A-Z0-9])|(?<=\S)\n(?=\s*([{BULLETS}]|\d{{1,3}}\.)\s)"
)
LIST_NUMBER = re.compile(r"(^|\n)\s*\d{1,3}(\.\d{1,2})*$")
ABBREVIATIONS = {"e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "no", "nos", "para", "paras", "fig", "vs", "etc",
                 "cf", "p", "pp", "vol", "ch", "sec", "approx", "inc", "ltd", "co", "jan", "feb", "mar", "apr",
                 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "al"}
WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def _is_abbreviation(text: str, end: int) -> bool:
    """True where the full stop ending at ``end`` closes an abbreviation or a list number, not a sentence."""
    if LIST_NUMBER.search(text[max(0, end - 14):end - 1]):
        return True
    match = WORD_BEFORE.search(text[max(0, end - 12):end])
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans, cursor = [], start
    for match in BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == "." and _is_abbreviation(text, match.start() + 1):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
