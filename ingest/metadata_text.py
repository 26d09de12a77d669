"""Text helpers for metadata extraction: folding, lines with offsets, labelled values, dates.

Every helper works on a *folded* copy of a page's text that has exactly the same length as the
original (curly quotes, non-breaking spaces and dashes become ASCII one for one, ``\\r\\n`` becomes
`` \\n``), so a match's offsets cut the verbatim quote out of the original page text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ingest.models import Evidence, Page, Precision

_FOLD = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u202f": " ",
        "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\ufffe": "-", "\u00ad": "-",
        "\t": " ", "\f": "\n", "\v": "\n",
    }
)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b", re.I)
MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+((?:19|20)\d\d)\b", re.I)
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?\b")
BARE_YEAR = re.compile(r"(?:19|20)\d\d")


def fold(text: str) -> str:
    """Same-length ASCII-ish copy of ``text`` for matching; offsets stay valid in the original."""
    folded = text.translate(_FOLD).replace("\r\n", " \n")
    return folded.replace("\r", "\n")


@dataclass(frozen=True)
class Line:
    """One non-blank line of a page: stripped offsets into the page text and its folded text."""

    page: int
    index: int
    start: int
    end: int
    text: str


def page_lines(page: Page) -> list[Line]:
    """The page's non-blank lines, each stripped, with offsets into ``page.text``."""
    folded = fold(page.text)
    lines = []
    for match in re.finditer(r"[^\n]+", folded):
        raw = match.group()
        if not raw.strip():
            continue
        start = match.start() + len(raw) - len(raw.lstrip())
        end = match.end() - (len(raw) - len(raw.rstrip()))
        lines.append(Line(page.number, len(lines), start, end, folded[start:end]))
    return lines


def evidence(page: Page, start: int, end: int) -> Evidence:
    """Evidence quoting ``page.text[start:end]`` verbatim (surrounding whitespace trimmed)."""
    quote = page.text[start:end]
    return Evidence(page=page.number, quote=quote.strip() or quote)


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space (ends trimmed): PDF line breaks inside a sentence are not part
    of its wording. The one definition every layer uses."""
    return " ".join(text.split())


def labelled_value(page: Page, labels: str) -> tuple[str, Evidence] | None:
    """The value of the first ``<label>: value`` line whose label matches the regex ``labels``.

    The colon is optional; a value that ends in a connector (``to``, ``and``, a dash) or is followed
    by a line that starts with a month name continues on that next line.
    """
    folded = fold(page.text)
    pattern = re.compile(rf"^[ ]*(?:{labels})[ ]*:?[ ]*(?P<value>\S[^\n]*?)[ ]*$", re.I | re.M)
    match = pattern.search(folded)
    if match is None:
        return None
    end = _continued_end(folded, match.end("value"))
    return squash(folded[match.start("value") : end]), evidence(page, match.start(), end)


def _continued_end(folded: str, end: int) -> int:
    value_line = folded[folded.rfind("\n", 0, end) + 1 : end]
    next_line = re.match(r"\n[ ]*(\S[^\n]*?)[ ]*(?=\n|$)", folded[end:])
    if next_line is None or ":" in next_line.group(1):
        return end
    connector = re.search(r"(?:\bto|\band|-|,)$", value_line.rstrip())
    starts_with_month = re.match(rf"(?:{_MONTH})\b", next_line.group(1), re.I)
    return end + next_line.end(1) if connector or starts_with_month else end


def parse_date(text: str) -> tuple[date, Precision] | None:
    """The first date in ``text`` and how precisely it is given: a day, a month ("March 2020": day 1) or, when
    the text is nothing but a year ("2018"), the year (1 January)."""
    found = [m for m in (DAY_MONTH_YEAR.search(text), ISO_DATE.search(text)) if m]
    if found:
        match = min(found, key=lambda m: m.start())
        return _date_from(match)
    month_year = MONTH_YEAR.search(text)
    if month_year:
        return _safe_date(int(month_year.group(2)), MONTHS[month_year.group(1).lower()], 1, "month")
    year = BARE_YEAR.fullmatch(text.strip())
    return _safe_date(int(year.group()), 1, 1, "year") if year else None


def _date_from(match: re.Match[str]) -> tuple[date, Precision] | None:
    if match.re is ISO_DATE:
        day = match.group(3)
        return _safe_date(int(match.group(1)), int(match.group(2)), int(day or 1), "day" if day else "month")
    return _safe_date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)), "day")


def _safe_date(year: int, month: int, day: int, precision: Precision) -> tuple[date, Precision] | None:
    try:
        return date(year, month, day), precision
    except ValueError:
        return None
