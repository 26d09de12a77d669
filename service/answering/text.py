"""Words, stems and sentences: the small text toolkit every answering stage shares.

Stems come from the Snowball English stemmer, then a few derivational endings are folded
("leadership" -> "leader" -> "lead", "owner" -> "own") and a handful of irregular forms and near-synonyms
share one key ("led" -> "lead", "unchanged" -> "same"), so a sentence meets a question worded differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.sentences import sentence_spans
from service.retrieval import STOPWORDS as SEARCH_STOPWORDS

STOPWORDS = SEARCH_STOPWORDS - {"same"}
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
IRREGULAR = {"led": "lead", "unchang": "same", "held": "hold",
             "took": "take", "taken": "take", "made": "make", "gave": "give", "given": "give", "ran": "run",
             "began": "begin", "begun": "begin", "found": "find", "told": "tell", "rose": "rise", "fell": "fall",
             "better": "improv", "gain": "improv", "strengthen": "improv", "women'": "women", "woman": "women"}
NUMBER_WORDS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                          r"half|halves|third|thirds|quarter|quarters|fifth|fifths|two-thirds|one in \w+|dozen|"
                          r"hundreds?|thousands?|per cent|percent|majority|minority)\b", re.I)
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(\.\d+)?(\s?%)?")
YEAR = re.compile(r"^(19|20)\d\d$")
MONTH = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b",
                   re.I)
LEAD_NOISE = re.compile(r"^(?:[#>*\-•◼▪●\s]+|\d{1,3}(?:\.\d{1,2})*\.(?=\s|[A-Z])\s*)+")
FIELD_LINE = re.compile(r"^\s*[A-Z][A-Za-z ,()'’/&-]{1,60}:\s*\S")
HEADING_LINE = re.compile(r"^\s*(#{1,6}\s|\d{1,2}(\.\d{1,2})*\.?\s+[A-Z])")


@lru_cache(maxsize=1)
def _stemmer():  # PyStemmer is a C extension: quick to load, but only loaded when first needed
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The comparison key of one lower-case word."""
    word = word.lower().strip("'’-").replace("’", "'")
    base = _stemmer().stemWord(word)
    if base.endswith("ship") and len(base) > 7:
        base = base[:-4]
    if base.endswith("er") and len(base) >= 5:
        base = base[:-2]
    return IRREGULAR.get(word, IRREGULAR.get(base, base))


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` in order (apostrophes and hyphens kept inside words)."""
    return [w.strip("'’-") for w in WORD.findall(text.lower().replace("’", "'"))]


def content_words(text: str) -> list[str]:
    """Words of ``text`` that carry meaning: no stopwords, no one-letter words; repeats dropped."""
    seen: dict[str, None] = {}
    for word in words(text):
        if len(word) > 1 and word not in STOPWORDS and not word.endswith("'s"):
            seen.setdefault(word, None)
        elif word.endswith("'s") and word[:-2] not in STOPWORDS:
            seen.setdefault(word[:-2], None)
    return list(seen)


def stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def squash(text: str) -> str:
    """Whitespace runs to one space: PDF line breaks inside a sentence are not part of its wording."""
    return " ".join(text.split())


def has_number(text: str) -> bool:
    """True when ``text`` states a quantity (a figure that is not a bare year, or a word such as 'a quarter')."""
    for match in NUMBER.finditer(text):
        if not YEAR.match(match.group(0).replace(",", "")) or match.group(2):
            return True
    return bool(NUMBER_WORDS.search(text))


def has_date(text: str) -> bool:
    return bool(MONTH.search(text)) or bool(re.search(r"\b(19|20)\d\d\b", text))


@dataclass(frozen=True)
class Span:
    """A sentence as it stands on its page: offsets into the page text and the quote cited for it."""

    start: int
    end: int
    quote: str


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


def split_sentences(text: str, base: int = 0) -> list[Span]:
    """Sentences and stand-alone lines of ``text`` (offsets shifted by ``base``), list markers stripped."""
    out = []
    for s, e in sentence_spans(text):
        bounds = [s, *_line_breaks(text, s, e), e]
        for a, b in zip(bounds, bounds[1:]):
            span = _clean(text, a, b)
            if span:
                out.append(Span(span[0] + base, span[1] + base, squash(text[span[0]:span[1]])))
    return out


def line_windows(text: str, size: int) -> list[Span]:
    """Runs of ``size`` consecutive lines read as one unit: a table row broken over lines ("Children looked
    after and achieving / permanence / Not Judged") becomes one quotable span."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out = []
    for i in range(len(lines) - size + 1):
        cleaned = _clean(text, lines[i][0], lines[i + size - 1][1])
        if cleaned:
            out.append(Span(cleaned[0], cleaned[1], squash(text[cleaned[0]:cleaned[1]])))
    return out


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    raw = text[start:end]
    lead = LEAD_NOISE.match(raw)
    start += lead.end() if lead else 0
    while end > start and text[end - 1] in " \t\r\n*_":
        end -= 1
    while start < end and text[start] in "*_ \t\r\n":
        start += 1
    quote = text[start:end]
    if "http" in quote or len(words(quote)) < 2:
        return None
    return start, end
