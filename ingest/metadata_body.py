"""The inspected organisation: found on the first page, normalised to a plain name, fuller forms kept.

Where it is read, in order: an ``Inspected body: X`` line; a heading that names it ("Inspection of
Birmingham City Council local authority children's services"); the block of name lines above or
below the report-type heading ("Birmingham City Council" / "Inspection of services for children ...").
Last resort: a folder named ``<id>_<name>`` (``80429_birmingham``), with evidence on page 0 quoting
the folder name; a plain folder ("reports") names no organisation, so the body stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from ingest.metadata_text import Line, evidence, fold, labelled_value, page_lines, parse_date, squash
from ingest.models import Evidence, Page

HEADING = re.compile(
    r"^(?:an? |the )?(?:re-? ?inspection|inspection|review|focused visit|monitoring visit"
    r"|joint targeted area inspection)\b",
    re.I,
)
BODY_LABELS = r"inspected[ ]+(?:body|organi[sz]ation|provider|service)(?=[ ]*:)|provider(?=[ ]*:)"
NAMED_HEADING = re.compile(
    r"\b(?:re-? ?)?inspection of[ \n]+(?P<name>[^\n:]{2,80}?(?:[ ]*\n[^\n:]{1,60}?)??)[ \n]+"
    r"(?:local[ \n]+authority[ \n]+)?children's[ \n]+(?:social[ \n]+care[ \n]+)?services\b",
    re.I,
)
_PREFIXES = ("the", "london borough of", "royal borough of", "metropolitan borough of", "borough of",
             "council of the", "council of", "county of")
_SUFFIXES = tuple(sorted(
    (
        "local authority", "children's services", "metropolitan borough council",
        "metropolitan district council", "district metropolitan council", "metropolitan council",
        "metropolitan borough", "borough council", "city council", "county council", "district council",
        "unitary authority", "council", "local safeguarding children board", "safeguarding children board",
        "city of", "borough", "city", "county",
    ),
    key=len, reverse=True,
))
_COUNCIL_WORDS = re.compile(r"\b(?:council|authority|borough|district|board)\b", re.I)
_MAX_NAME_LINE = 60


@dataclass
class Body:
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: Evidence | None = None


def find_body(pages: list[Page], source: str) -> Body:
    """The organisation named on the first page, or from an ``<id>_<name>`` folder as a last resort."""
    first = pages[0] if pages else None
    found = None
    if first:
        found = labelled_value(first, BODY_LABELS) or _named_heading(first) or _name_block(first)
    if found:
        full, quote = found
        return Body(normalise_body(full), aliases_for(full), quote)
    folder = _folder_name(source)
    if folder is None:
        return Body()
    return Body(normalise_body(folder), [], Evidence(page=0, quote=PurePath(source).parent.name))


def normalise_body(full: str) -> str:
    """Plain organisation name: council-type words and borough prefixes stripped, "&" -> "and".

    "City of X" is kept as the name when it stands alone ("City of London"); it is reduced to X
    only when a council word follows ("City of Bradford Metropolitan District Council").
    """
    name = _tidy(full)
    had_council_word = bool(_COUNCIL_WORDS.search(name))
    previous = None
    while previous != name:
        previous = name
        name = _strip_affixes(name)
    if had_council_word and name.lower().startswith("city of ") and len(name) > 8:
        name = name[8:]
    return name or _tidy(full)


def aliases_for(full: str) -> list[str]:
    """The fuller forms worth matching on besides the plain name."""
    tidy = _tidy(full)
    forms = [tidy, re.sub(r"^the ", "", tidy, flags=re.I)]
    plain = normalise_body(full)
    return [form for form in dict.fromkeys(forms) if form and form != plain]


ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9}(?:\s+(?:CRC|NPS))?)\s*\)")


def defined_abbreviations(pages: list[Page], names: list[str], first_pages: int = 2) -> list[str]:
    """Short names a report defines for its body on its first pages: "Humberside, Lincolnshire and North
    Yorkshire Community Rehabilitation Company (HLNY CRC)" gives "HLNY CRC", and "HLNY" too. The letters must
    be the initials, in order, of capitalised words just before the bracket, and those words part of a name."""
    wanted = [squash(fold(n)).lower() for n in names if n]
    found: list[str] = []
    for page in pages[:first_pages]:
        text = squash(fold(page.text))
        for match in ABBREVIATION.finditer(text):
            before = text[max(0, match.start() - 160):match.start()].rstrip()
            if any(before.lower().endswith(n) for n in wanted) and _initials_fit(match.group(1), before):
                found += [match.group(1), match.group(1).split()[0]]
    return list(dict.fromkeys(found))


GENERIC_WORDS = {"community", "rehabilitation", "company", "national", "probation", "service", "services", "council",
                 "borough", "county", "city", "local", "authority", "children's", "limited", "ltd"}


def _initials_fit(short: str, before: str) -> bool:
    """The letters of the short name's first word are, in order, initials of the name's own words (not of
    words any such body has: "(CRC)" after "... Community Rehabilitation Company" is no name)."""
    letters = short.split()[0].replace("&", "").upper()
    own = [w for w in re.findall(r"[A-Z][\w'-]*", before) if w.lower() not in GENERIC_WORDS]
    initials = "".join(w[0] for w in own).upper()
    remaining = iter(initials)
    return len(letters) >= 2 and all(ch in remaining for ch in letters)


def _tidy(text: str) -> str:
    text = squash(fold(text)).replace("&", "and")
    text = re.sub(r"\bSt\. ", "St ", text)
    return re.sub(r"(?<=[A-Za-z])\d+$", "", text).strip(" ,.-")


def _strip_affixes(name: str) -> str:
    lower = name.lower()
    for prefix in _PREFIXES:
        if lower.startswith(prefix + " ") and len(name) > len(prefix) + 1:
            return name[len(prefix) + 1 :].strip()
    for suffix in _SUFFIXES:
        if lower.endswith(" " + suffix):
            return name[: -len(suffix) - 1].strip(" ,")
    return name


def _named_heading(page: Page) -> tuple[str, Evidence] | None:
    """"Inspection of <name> local authority children's services" near the top of the page."""
    for match in NAMED_HEADING.finditer(fold(page.text)[:600]):
        name = squash(match.group("name"))
        if not re.match(r"(?:children|services|(?:the )?local authority)\b", name, re.I):
            return name, evidence(page, match.start("name"), match.end("name"))
    return None


def _name_block(page: Page) -> tuple[str, Evidence] | None:
    """Consecutive name-like lines before the first labelled line ("Inspection date: ...")."""
    block: list[Line] = []
    in_heading = False
    for line in page_lines(page)[:15]:
        if ":" in line.text:
            break
        in_heading = _heading_continues(line, in_heading)
        if in_heading or _skippable(line):
            if block:
                break
            continue
        block.append(line)
    block = block[:3]
    if not block or any(len(line.text) > _MAX_NAME_LINE for line in block):
        return None
    return squash(" ".join(line.text for line in block)), evidence(page, block[0].start, block[-1].end)


def _heading_continues(line: Line, in_heading: bool) -> bool:
    if HEADING.match(line.text):
        return True
    return in_heading and (line.text[:1].islower() or line.text.lower() == "and")


def _skippable(line: Line) -> bool:
    """Page numbers, running-header dates and footnote marks: lines that are no name."""
    text = line.text
    if re.fullmatch(r"[\d\s.,-]+", text) or not text[:1].isupper():
        return True
    return parse_date(text) is not None or bool(re.search(r"\b\d{4}\b", text))


def _folder_name(source: str) -> str | None:
    """"80429_birmingham" -> "Birmingham"; None for a folder without an ``<id>_`` prefix."""
    match = re.fullmatch(r"\d+_(?P<name>[^\d_].*)", PurePath(source).parent.name)
    if match is None:
        return None
    small = {"and", "of", "on", "upon", "the", "in", "with"}
    words = match.group("name").split()
    return " ".join(w if w in small and i else w[:1].upper() + w[1:] for i, w in enumerate(words))
