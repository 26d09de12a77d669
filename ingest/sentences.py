"""Sentence spans in running text, with the offsets kept so a sentence can be checked against its page."""

from __future__ import annotations

import re

SYMBOL_BULLETS = "\uf02d\uf06e\uf0a7\uf0b7\uf076\uf0d8\uf0be"  # symbol-font bullets: no glyph outside the PDF
BULLETS = f"*•●▪◦◼{SYMBOL_BULLETS}\\-"
BOUNDARY = re.compile(
    rf"[.!?]+[\"”’)\]]*(?=\s+(?:[{BULLETS}]\s*)?[\"“‘(\[]?[A-Z0-9])|(?<=\S)\n(?=\s*([{BULLETS}]|\d{{1,3}}\.)\s)"
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


# --- quotable units: what an answer cites ---
LEAD_NOISE = re.compile(rf"^(?:[#>*\-•◼▪●{SYMBOL_BULLETS}\s]+|"
                        r"\d{1,3}(?:\.\d{1,2})*\.(?=\s|[A-Z])\s*)+")
FIELD_LINE = re.compile(r"^\s*[A-Z][A-Za-z ,()'’/&-]{1,60}:\s*\S")
HEADING_LINE = re.compile(r"^\s*(#{1,6}\s|\d{1,2}(\.\d{1,2})*\.?\s+[A-Z])")
WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``text[start:end]`` where a line ends a unit of its own (a field, a heading, a short line)."""
    lines, pos = [], start
    while (nl := text.find("\n", pos, end)) != -1:
        lines.append((pos, nl))
        pos = nl + 1
    lines.append((pos, end))
    cuts = []
    for (a, b), (c, d) in zip(lines, lines[1:]):
        line, following = text[text.rfind("\n", 0, b) + 1:b], text[c:d]
        if len(line.strip()) < 50 or FIELD_LINE.match(line) or FIELD_LINE.match(following) \
                or HEADING_LINE.match(following):
            cuts.append(b)
    return cuts


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotable unit of a page: its sentences, and lines that stand alone (fields,
    headings, short lines), list markers and emphasis stripped. Units of fewer than two words, or holding a
    web address, are left out."""
    out = []
    for s, e in sentence_spans(text):
        bounds = [s, *_line_breaks(text, s, e), e]
        for a, b in zip(bounds, bounds[1:]):
            if (span := clean_span(text, a, b)) is not None:
                out.append(span)
    return out


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without leading list markers or numbering and surrounding emphasis; None if nothing is left."""
    lead = LEAD_NOISE.match(text[start:end])
    start += lead.end() if lead else 0
    while end > start and text[end - 1] in " \t\r\n*_":
        end -= 1
    while start < end and text[start] in "*_ \t\r\n":
        start += 1
    quote = text[start:end]
    if "http" in quote or len(WORDS.findall(quote)) < 2:
        return None
    return start, end
