"""Find the structure of each page: headings, numbered paragraphs, bullets and plain paragraphs.

Works on text alone, so every format is treated alike: Markdown ``#`` headings (the HTML reader writes
them too) and, for PDFs, short title-like lines that follow the end of a sentence. A heading stays in
force across page breaks until the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.models import ParsedDocument, Section
from ingest.sentences import BULLETS

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
NUMBERED_HEADING = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-Z]")
PARAGRAPH_START = re.compile(rf"^(\d{{1,3}}(\.\d{{1,2}})*\.?\s|[{BULLETS}–]\s|\(?[a-z0-9]{{1,3}}\)\s)")
PAGE_FURNITURE = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)
ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
CONTINUES = "(%,;)–"  # a next line starting so goes on with the sentence a line began
RUNS_ON = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "than", "that", "the", "to",
           "which", "with"}  # a line ending so stops mid-sentence ("... with turnover of staff at" / "15.9% in ...")
CLAUSE = re.compile(r"^\S+(?:\s+\S+)?,\s+[a-z]+\s+[a-z]+(?:\s+\S+){4}")  # "As a result, workforce stability is
# good, with ...": a sentence opening with a clause, not a title


def looks_like_heading(line: str) -> bool:
    """A short, title-like line: no sentence punctuation, starts with a capital or a section number."""
    words = line.split()
    if not words or len(line) > 90 or len(words) > 14 or line[-1] in ".,;:":
        return False
    if line.endswith("?") and len(words) > 8:
        return False
    if not (line[0].isupper() or NUMBERED_HEADING.match(line)):
        return False
    return ". " not in line.rstrip(".")


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped line) for every line, with offsets into ``text``."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = pos + (len(raw) - len(raw.lstrip()))
        yield start, start + len(stripped), stripped
        pos += len(raw) + 1


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def running_lines(doc: ParsedDocument) -> set[str]:
    """Shapes of header and footer lines repeated on many pages (digits ignored): page furniture."""
    if len(doc.pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for page in doc.pages:
        lines = [line for line in page.text.split("\n") if line.strip()]
        for shape in {_shape(line) for line in lines[:3] + lines[-3:]}:
            counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= max(3, len(doc.pages) * 0.3)}


class _PageScanner:
    """Walks one page's lines, closing a paragraph at each structural boundary."""

    def __init__(self, page: int, text: str, heading: str | None, furniture: set[str], guess: bool) -> None:
        self.page, self.text, self.heading, self.furniture = page, text, heading, furniture
        self.guess = guess  # guess headings from layout (PDF, text); Markdown and HTML mark them with '#'

        self.sections: list[Section] = []
        self.para: tuple[int, int] | None = None

    def close(self) -> None:
        if self.para:
            start, end = self.para
            self.sections.append(Section(page=self.page, heading=self.heading, start=start, end=end,
                                         text=self.text[start:end]))
        self.para = None

    def extend(self, start: int, end: int) -> None:
        self.para = (self.para[0], end) if self.para else (start, end)

    def is_heading(self, line: str, next_line: str, after_sentence: bool) -> bool:
        """Title-like, after a finished sentence, and not continued on the next line (in lower case, or by what
        a sentence goes on with: "... a relatively low turnover rate" then "(14%) and limited use of ...", or
        after a word no title ends with: "... with turnover of staff at" then "15.9% in the year to date.")."""
        continued = bool(next_line) and (next_line[0].islower() or next_line[0] in CONTINUES
                                         or line.split()[-1].lower() in RUNS_ON)
        return self.guess and after_sentence and not continued and looks_like_heading(line) \
            and not PARAGRAPH_START.match(line + " x") and not CLAUSE.search(line)

    def wrapped_heading(self, line: str, next_line: str, after_sentence: bool) -> bool:
        """A heading that wrapped: a title-like line continued by a short, unfinished lower-case line."""
        return (self.guess and after_sentence and looks_like_heading(line) and bool(next_line) and next_line[0].islower()
                and len(next_line) < 50 and not ENDS_SENTENCE.search(next_line.rstrip(":")))

    def scan(self) -> None:
        after_sentence, skip = True, False
        lines = list(_lines(self.text))
        for i, (start, end, line) in enumerate(lines):
            md = MD_HEADING.match(line)
            next_line = next((nxt for _, _, nxt in lines[i + 1:] if nxt), "")
            if skip:
                skip = False
                continue
            if not line:
                self.close()
            elif md:
                self.close()
                self.heading = md.group(2) or self.heading
            elif PAGE_FURNITURE.match(line) or _shape(line) in self.furniture:
                continue
            elif self.wrapped_heading(line, next_line, after_sentence):
                self.close()
                self.heading, skip = f"{line} {next_line}", True
            elif self.is_heading(line, next_line, after_sentence):
                self.close()
                self.heading = line
            else:
                if PARAGRAPH_START.match(line):
                    self.close()
                self.extend(start, end)
            after_sentence = not line or bool(md) or bool(ENDS_SENTENCE.search(line)) or line == self.heading
        self.close()


def split_sections(doc: ParsedDocument) -> list[Section]:
    """Paragraph-level sections of every page, each with the heading in force."""
    sections: list[Section] = []
    heading: str | None = None
    furniture = running_lines(doc)
    for page in doc.pages:
        scanner = _PageScanner(page.number, page.text, heading, furniture, doc.format in ("pdf", "text"))
        scanner.scan()
        sections.extend(scanner.sections)
        heading = scanner.heading
    return sections
