"""Grades: the four-point scale, grade tables ("area ... Grade" rows) and judgement sentences.

A *row* is a line (or a few wrapped lines) whose text ends with a grade: a label, then the grade,
nothing after it but a footnote mark or "Grade N", and no lower-case continuation on the next line
(that is wrapped prose). Rows that follow one another with nothing in between form a *table*; a
table needs two rows, or ``label: grade`` lines. The first page holding a table gives the grades
(a table broken by the page end carries on at the top of the next page): its rows are the areas,
and a row whose label says "overall" is the overall grade. Without such a row, a judgement sentence
on that page gives the overall grade ("Children's services in X are inadequate", "The overall
judgement is good", or a sentence whose subject is what the masthead names). Off-scale words
(adequate, satisfactory, not judged) are read, so a table holds together, then dropped (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.metadata_text import Line, evidence, fold, page_lines, squash
from ingest.models import GRADES, Evidence, Grade, Page

_SP = r"[ \n]+"
_SCALE = rf"outstanding|good|inadequate|requires?{_SP}improvement(?:{_SP}to{_SP}be{_SP}good)?"
_GRADE = rf"(?:{_SCALE}|adequate|satisfactory|not{_SP}judged|not{_SP}applicable)"
_ROW_END = re.compile(
    rf"(?<![\w-])(?P<grade>{_GRADE})[ ]*(?:\(?grade[ ]*\d\)?)?[ ]*\d?[ ]*\|?[ ]*(?=\n|$)", re.I
)
_SENTENCE = re.compile(
    rf"^(?P<subject>[A-Z].{{2,150}}?)[ \n]+(?:(?:is|are|was|were|remains?)[ \n]+)?"
    rf"(?:(?:judged|rated)[ \n]+(?:to[ \n]+be[ \n]+|as[ \n]+)?)?"
    rf"(?P<grade>{_GRADE})[ ]*\.?[ ]*\d*$",
    re.I | re.S,
)
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[a-z]\)|\(?[ivx]+\))[ ]+", re.I)
_OPEN_END = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "who", "with"}
_VERB_END = _OPEN_END | {
    "are", "as", "be", "been", "is", "judged", "now", "rated", "remain", "remains", "was", "were",
}
_OVERALL = re.compile(r"\boverall\b", re.I)
_WHOLE_SERVICE = re.compile(r"\bservices(?: (?:in|for)\b.*)?$", re.I)
_MAX_LABEL_LINE = 90  # longer lines are prose, not a wrapped label
_MAX_ROW_LINE = _MAX_LABEL_LINE + 30  # the line that also holds the grade
_MAX_LABEL_LINES = 4


def normalise_grade(text: str) -> Grade | None:
    """A grade on the four-point scale, lower case, or None for anything else.

    "Requires improvement to be good" and "Require improvement" read as "requires improvement".
    """
    words = squash(text).lower().rstrip(".")
    words = re.sub(r"^requires? improvement(?: to be good)?$", "requires improvement", words)
    return next((grade for grade in GRADES if grade == words), None)


@dataclass
class Row:
    label: str
    grade: Grade | None
    page: int
    first_line: int
    last_line: int
    evidence: Evidence
    numbered: bool = False
    colon: bool = False


@dataclass
class Grades:
    overall: Grade | None = None
    overall_evidence: Evidence | None = None
    areas: dict[str, tuple[Grade, Evidence]] = field(default_factory=dict)


def extract_grades(pages: list[Page]) -> Grades:
    """Overall and area grades of a report, each with verbatim evidence; empty when none are given."""
    if not pages:
        return Grades()
    masthead = _masthead(pages[0])
    for index, page in enumerate(pages):
        tables = _page_tables(page)
        if tables:
            following = pages[index + 1] if index + 1 < len(pages) else None
            tables[-1] += _continuation(following)
            return _grades_from(page, [row for table in tables for row in _numbered_only(table)], masthead)
    return _grades_from(pages[0], [], masthead)


def _masthead(page: Page) -> str:
    """The top of the first page, up to its first ``label: value`` line: names and report type."""
    lines = page_lines(page)
    top = next((line.index for line in lines if ":" in line.text), min(len(lines), 12))
    return squash(" ".join(line.text for line in lines[:top]))


def _numbered_only(table: list[Row]) -> list[Row]:
    """In a numbered table ("1.", "2.1"), an unnumbered row next to it (but for an overall row) is a
    separate statement, such as SIF reports' LSCB judgement just below the table."""
    kept = [row for row in table if row.numbered or _OVERALL.search(row.label)]
    return kept if sum(row.numbered for row in table) >= 2 else table


def _grades_from(page: Page, table: list[Row], masthead: str) -> Grades:
    """Areas from the table rows; overall from its "overall" row, else from a judgement sentence."""
    result = Grades()
    overall_rows = [row for row in table if _OVERALL.search(row.label)]
    for row in table:
        if row not in overall_rows and row.grade:
            result.areas.setdefault(row.label, (row.grade, row.evidence))
    if overall_rows:
        result.overall, result.overall_evidence = overall_rows[0].grade, overall_rows[0].evidence
    else:
        sentence = _overall_sentence(page, masthead)
        if sentence:
            result.overall, result.overall_evidence = sentence
    return result


def _page_tables(page: Page) -> list[list[Row]]:
    """Runs of rows that make a grades table: two rows or more, or ``label: grade`` lines."""
    return [table for table in _tables(find_rows(page)) if len(table) >= 2 or all(row.colon for row in table)]


def _continuation(page: Page | None) -> list[Row]:
    """Rows at the very top of the next page that carry on a table broken by the page end."""
    if page is None:
        return []
    rows = find_rows(page)
    lead = [line for line in page_lines(page)[:3] if not re.fullmatch(r"[\d ]+", line.text)]
    if not rows or not lead or rows[0].first_line != lead[0].index:
        return []
    return _tables(rows)[0]


def _tables(rows: list[Row]) -> list[list[Row]]:
    """Group rows into runs of rows on consecutive lines."""
    tables: list[list[Row]] = []
    for row in rows:
        if tables and row.page == tables[-1][-1].page and row.first_line == tables[-1][-1].last_line + 1:
            tables[-1].append(row)
        else:
            tables.append([row])
    return tables


def find_rows(page: Page) -> list[Row]:
    """Every "label ... grade" row of the page, in order; sentences ("X is good") are not rows."""
    lines, folded = page_lines(page), fold(page.text)
    rows: list[Row] = []
    for match in _ROW_END.finditer(folded):
        row = _row_at(page, lines, folded, match, rows[-1].last_line if rows else -1)
        if row:
            rows.append(row)
    return rows


def _row_at(page: Page, lines: list[Line], folded: str, match: re.Match[str], floor: int) -> Row | None:
    """The row ending in the grade ``match``; ``floor`` is the last line of the row before it."""
    grade_start = match.start("grade")
    at = next((line for line in lines if line.start <= grade_start < line.end + 1), None)
    end_line = next((line for line in lines if line.start < match.end("grade") <= line.end), at)
    if at is None or end_line is None:
        return None
    label_lines = _label_lines(lines, at, grade_start, floor)
    if not label_lines or _sentence_goes_on(folded, match.end()):
        return None
    raw_label = _label_text(label_lines, grade_start)
    label = _NUMBERING.sub("", raw_label).strip(" :-.")
    if not _plausible_label(label):
        return None
    grade = normalise_grade(match.group("grade"))
    found = evidence(page, label_lines[0].start, match.end("grade"))
    numbered = label != raw_label.strip(" :-.")
    colon = raw_label.rstrip().endswith(":")
    return Row(label, grade, page.number, label_lines[0].index, end_line.index, found, numbered, colon)


def _sentence_goes_on(folded: str, end: int) -> bool:
    """A grade word at a line end, with the next line starting in lower case, is wrapped prose."""
    following = re.match(r"[ \n]*(\S)", folded[end:])
    return bool(following and following.group(1).islower())


def _label_lines(lines: list[Line], at: Line, grade_start: int, floor: int) -> list[Line]:
    """The line holding the grade (if it has label text) and the wrapped label lines before it."""
    taken = [at] if at.text[: grade_start - at.start].strip() else []
    index = at.index - 1
    while len(taken) < _MAX_LABEL_LINES and index > floor:
        line = lines[index]
        if taken and not _continues(line, taken[0]):
            break
        if len(line.text) > _MAX_LABEL_LINE or _ROW_END.search(line.text):
            break
        taken.insert(0, line)
        index -= 1
    return taken if taken and len(taken[0].text) <= _MAX_ROW_LINE else []


def _continues(previous: Line, first: Line) -> bool:
    """Whether ``first`` carries on the label begun on ``previous`` (wrapped text)."""
    starts_lower = first.text[:1].islower()
    last_word = previous.text.rsplit(" ", 1)[-1].lower()
    return starts_lower or last_word in _OPEN_END


def _label_text(label_lines: list[Line], grade_start: int) -> str:
    """The label's words, unwrapped, without the grade and a trailing footnote digit."""
    parts = [line.text[: max(0, grade_start - line.start)] if line.end >= grade_start else line.text
             for line in label_lines]
    text = squash(" ".join(parts).replace("|", " "))  # Markdown table cells
    return re.sub(r"(?<=[A-Za-z])\d$", "", text)


def _plausible_label(label: str) -> bool:
    """A name-like label: capitalised, not ending in a verb or preposition, not a sentence."""
    words = label.split()
    if not words or not (label[0].isupper() or label[0].isdigit()):
        return False
    if words[-1].lower() in _VERB_END or re.search(r"[.;!?]\s", label) or label.endswith((".", ",")):
        return False
    if _WHOLE_SERVICE.search(label):
        return False  # "Children's services in X require improvement": the overall sentence
    return len(label) <= 160


def _judgement_sentences(page: Page) -> list[tuple[int, re.Match[str]]]:
    """Sentences that start a line and end with a grade: (start offset, match on the sentence)."""
    folded, lines = fold(page.text), page_lines(page)
    found: list[tuple[int, re.Match[str]]] = []
    for first in lines:
        if not first.text[:1].isupper():
            continue
        for last in lines[first.index : first.index + 3]:
            text = folded[first.start : last.end]
            stop = re.search(r"[.;:]\d*(?=\s|$)", text)
            match = _SENTENCE.match(text[: stop.end()] if stop else text)
            if match and ":" not in match.group("subject"):
                found.append((first.start, match))
            if match or stop:
                break
    return found


def _overall_sentence(page: Page, masthead: str) -> tuple[Grade | None, Evidence] | None:
    """The first judgement sentence on the page whose subject is the whole report's."""
    for start, match in _judgement_sentences(page):
        subject = squash(match.group("subject"))
        if _is_overall_subject(subject, masthead):
            return normalise_grade(match.group("grade")), evidence(page, start, start + match.end("grade"))
    return None


def _is_overall_subject(subject: str, masthead: str) -> bool:
    """Whether a sentence's subject is the report's whole judgement, not one area's."""
    if _OVERALL.search(subject) or _WHOLE_SERVICE.search(subject):
        return True
    core = re.sub(r"^the ", "", subject, flags=re.I).lower()
    return len(core.split()) >= 2 and core in masthead.lower()
