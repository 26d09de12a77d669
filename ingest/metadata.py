"""``extract_metadata(doc, report_id) -> ReportMeta``: what a report says about itself, with provenance.

Values come from Markdown front matter where the document has it, otherwise from the text, using
generic cues only (``label: value`` lines, report-type headings, grade tables, judgement sentences;
see ``metadata_grades`` and ``metadata_body``). Nothing is guessed: a value the report does not give
stays None.

Provenance: ``ReportMeta.provenance[field]`` (``area:<name>`` for an area grade) is an Evidence whose
``quote`` is a verbatim substring of the text of page ``page``. Page 0 marks a value read outside the
page text: from front matter (quote ``front matter <key>: <value>``, plus a note where the value was
completed, e.g. a month-only date) or, as a last resort, from the file path (quote = the part of
the path it was read from).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import PurePath

from ingest.metadata_body import (HEADING, NAMED_HEADING, Body, aliases_for, defined_abbreviations, find_body,
                                  normalise_body)
from ingest.metadata_grades import extract_grades, normalise_grade
from ingest.metadata_text import (
    DAY_MONTH_YEAR, Line, evidence, fold, labelled_value, page_lines, parse_date, squash,
)
from ingest.models import Evidence, Grade, Page, ParsedDocument, Precision, ReportMeta

_PUBLISHED = (r"report[ ]+published|published(?=[ ]*:)|date[ ]+of[ ]+publication|publication[ ]+date"
              r"|date[ ]+published")
_INSPECTION_DATES = r"inspection[ ]+dates?|dates?[ ]+of[ ]+(?:the[ ]+)?inspection|fieldwork(?:[ ]+dates?)?"
_LEAD_INSPECTOR = (r"(?:lead|reporting)[ ]+inspectors?(?:[ ]+on[ ]+site)?(?=[ ]*:)"
                   r"|reporting[ ]+inspector(?=[ ]+(?-i:[A-Z]))")
_INSPECTORATES = (
    (re.compile(r"\bOfsted\b|\bOffice for Standards in Education\b"), "Ofsted"),
    (re.compile(r"\b(?:HM|Her Majesty's|His Majesty's) Inspectorate of ([A-Z][a-z]+)"),
     "HM Inspectorate of {}"),
    (re.compile(r"\bCare Quality Commission\b"), "Care Quality Commission"),
    (re.compile(r"\bEstyn\b"), "Estyn"),
)
_INSPECTORATE = r"inspectorate(?=[ ]*:)|inspected[ ]+by(?=[ ]*:)"
_OWNER = r"owner(?=[ ]*:)|owned[ ]+by(?=[ ]*:)"
_UNSTATED = re.compile(
    r"(?:not (?:stated|known|given|available|applicable)\b|unknown$|n/?a$|none$|null$|-+$)", re.I
)
_LABEL_PAGES = 3
_SCALAR_KEYS = ("title", "body", "inspectorate", "report_type", "owner", "inspection_dates", "lead_inspector")


def extract_metadata(doc: ParsedDocument, report_id: str) -> ReportMeta:
    """Report metadata and grades, each value set with its Evidence in ``provenance``."""
    values: dict[str, object] = {}
    provenance: dict[str, Evidence] = {}
    _front_matter(doc, values, provenance)
    _text(doc, values, provenance)
    areas = values.pop("areas", {})
    if "published" in values:
        values["published"], values["published_precision"] = values["published"]  # type: ignore[misc]
    title = _named_title(str(values.pop("title", None) or doc.title or PurePath(doc.source).stem), values)
    return ReportMeta(report_id=report_id, source=doc.source, title=str(title), areas=areas,
                      provenance=provenance, **values)  # type: ignore[arg-type]


def _put(values: dict[str, object], provenance: dict[str, Evidence], key: str,
         found: tuple[object, Evidence] | None) -> None:
    """Record a value and its evidence unless the field is set already or the value is empty/unstated."""
    if found is None or found[0] in (None, "", [], {}) or key in values:
        return
    if isinstance(found[0], str) and _UNSTATED.match(found[0].strip()):
        return
    values[key], provenance[key] = found


# --- front matter -------------------------------------------------------------------------------


def _front_matter(doc: ParsedDocument, values: dict[str, object], provenance: dict[str, Evidence]) -> None:
    """Values the Markdown front matter states (keys as in the corpus README); they win over the text."""
    matter = {str(key).lower(): value for key, value in doc.front_matter.items()}
    fields = dict(zip(_SCALAR_KEYS, _SCALAR_KEYS)) | {"fieldwork": "inspection_dates"}
    for key, field in fields.items():
        if isinstance(matter.get(key), str) and matter[key].strip():
            _put(values, provenance, field, (squash(matter[key]), _matter_evidence(doc, key, matter[key])))
    if "body" in values:
        values["body_aliases"] = _matter_aliases(matter.get("aliases"), str(values["body"]))
    _put(values, provenance, "published", _matter_date(matter.get("published")))
    _matter_grades(doc, matter, values, provenance)
    values["links"] = _web_addresses(matter.get("sources"))


def _matter_evidence(doc: ParsedDocument, key: str, raw: object) -> Evidence:
    """Where a front-matter value also stands verbatim in the text, quote it there; else page 0."""
    text = str(raw).strip()
    page = next((page for page in doc.pages if text and text in page.text), None)
    if page is not None:
        return Evidence(page=page.number, quote=text)
    return Evidence(page=0, quote=f"front matter {key}: {text}")


def _web_addresses(raw: object) -> list[str]:
    """The http(s) addresses in a front-matter value (a list or one string); anything else is left out."""
    items = raw if isinstance(raw, list) else [raw]
    return [str(item).strip() for item in items if re.fullmatch(r"https?://\S+", str(item).strip())]


def _matter_aliases(raw: object, body: str) -> list[str]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    return [squash(str(item)) for item in items if str(item).strip() and squash(str(item)) != body]


def _matter_date(raw: object) -> tuple[tuple[date, Precision], Evidence] | None:
    """A date as precisely as the front matter gives it: 2018-03-14, "2018-03" or 2018."""
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        return (raw, "day"), Evidence(page=0, quote=f"front matter published: {raw.isoformat()}")
    parsed = parse_date(str(raw)) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None
    return (parsed, Evidence(page=0, quote=f"front matter published: {str(raw).strip()}")) if parsed else None


def _matter_grades(doc: ParsedDocument, matter: dict[str, object], values: dict[str, object],
                   provenance: dict[str, Evidence]) -> None:
    raw_overall = matter.get("overall_rating")
    overall = normalise_grade(str(raw_overall)) if isinstance(raw_overall, str) else None
    if overall:
        _put(values, provenance, "overall", (overall, _matter_evidence(doc, "overall_rating", raw_overall)))
    ratings = matter.get("ratings")
    areas: dict[str, Grade] = {}
    for area, raw in (ratings.items() if isinstance(ratings, dict) else []):
        grade = normalise_grade(str(raw))
        if grade:
            areas[squash(str(area))] = grade
            provenance[f"area:{squash(str(area))}"] = _matter_evidence(doc, f"ratings.{area}", raw)
    if areas:
        values["areas"] = areas


# --- text ---------------------------------------------------------------------------------------


def _text(doc: ParsedDocument, values: dict[str, object], provenance: dict[str, Evidence]) -> None:
    """Fill from the page text every field the front matter left unset."""
    pages = doc.pages
    heading = _heading(pages[0]) if pages else None
    body = find_body(pages, doc.source)
    _put(values, provenance, "body", (body.name, body.evidence) if body.evidence else None)
    if "body_aliases" not in values and values.get("body") == body.name:
        named_in = heading[0] if heading else doc.title or ""
        aliases = body.aliases + _heading_alias(named_in, body)
        values["body_aliases"] = aliases + [a for a in defined_abbreviations(pages, [body.name or "", *aliases])
                                            if a not in aliases]
    if heading:
        _put(values, provenance, "title", heading)
        _put(values, provenance, "report_type", (_report_type(heading[0]), heading[1]))
    _labelled_fields(pages, values, provenance)
    _put(values, provenance, "inspectorate", _inspectorate(pages))
    _put(values, provenance, "published", _published(pages) or _path_date(doc.source))
    _text_grades(pages, values, provenance)


def _named_title(title: str, values: dict[str, object]) -> str:
    """A title that names no one ("Inspection of children's social care services") gains the body found."""
    body = values.get("body")
    names = [str(body), *map(str, values.get("body_aliases") or [])] if body else []
    plain = title.lower().replace("&", "and")
    if not names or any(name.lower().replace("&", "and") in plain for name in names):
        return title
    return f"{body}: {title}"


def _heading_alias(heading: str, body: Body) -> list[str]:
    """The full name a title gives ("An inspection of Essex Community Rehabilitation Company")."""
    match = re.fullmatch(r"(?:an? |the )?(?:re-? ?)?inspection of (?:the )?([A-Z][^:]+)", heading, re.I)
    name = match.group(1) if match and match.group(1)[:1].isupper() else None
    if name is None or NAMED_HEADING.search(heading) or name in body.aliases or name == body.name:
        return []
    return [name]


def _labelled_fields(pages: list[Page], values: dict[str, object], provenance: dict[str, Evidence]) -> None:
    """``Label: value`` lines: inspection dates, inspectorate, owner (first pages), lead inspector (any)."""
    for page in pages[:_LABEL_PAGES]:
        _put(values, provenance, "inspection_dates", labelled_value(page, _INSPECTION_DATES))
        _put(values, provenance, "inspectorate", labelled_value(page, _INSPECTORATE))
        _put(values, provenance, "owner", labelled_value(page, _OWNER))
    for page in pages:  # older layouts name the team near the end ("Information about this inspection")
        lead = labelled_value(page, _LEAD_INSPECTOR)
        _put(values, provenance, "lead_inspector", (_person(lead[0]), lead[1]) if lead else None)


def _person(value: str) -> str:
    """Names without titles: "Jo Bloggs, His Majesty's Inspector, and Al Smith" -> both names."""
    plain = re.sub(r"\(?\b(?:(?:Her|His) Majesty's Inspector|(?:Senior )?HMI|HM Inspector)\b\)?", ",", value)
    names = [squash(part) for part in re.split(r",|\band\b", plain)]
    return " and ".join(name for name in names if re.fullmatch(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)+", name))


def _published(pages: list[Page]) -> tuple[tuple[date, Precision], Evidence] | None:
    """"Report published: 23 May 2014", "Published: March 2020", "Published: 2018" (at that precision)."""
    for page in pages[:_LABEL_PAGES]:
        found = labelled_value(page, _PUBLISHED)
        parsed = parse_date(found[0]) if found else None
        if found and parsed:
            return parsed, found[1]
    return None


def _path_date(source: str) -> tuple[tuple[date, Precision], Evidence] | None:
    """Last resort: a day-month-year date in the file name (quoted from the path, page 0)."""
    name = PurePath(source).name
    match = DAY_MONTH_YEAR.search(name)
    parsed = parse_date(match.group()) if match else None
    return (parsed, Evidence(page=0, quote=match.group())) if match and parsed else None


def _text_grades(pages: list[Page], values: dict[str, object], provenance: dict[str, Evidence]) -> None:
    """Grades read from the text, for what front matter (if any) did not give."""
    grades = extract_grades(pages)
    if grades.overall and grades.overall_evidence:
        _put(values, provenance, "overall", (grades.overall, grades.overall_evidence))
    if grades.areas and "areas" not in values:
        values["areas"] = {area: grade for area, (grade, _) in grades.areas.items()}
        provenance.update({f"area:{area}": found for area, (_, found) in grades.areas.items()})


def _heading(page: Page) -> tuple[str, Evidence] | None:
    """The report-type heading of the first page ("Inspection of ...", "Review of ..."), unwrapped."""
    lines = page_lines(page)[:15]
    start = next((line for line in lines if HEADING.match(line.text) and not _sentence_like(line.text)), None)
    if start is None:
        return None
    named = NAMED_HEADING.match(fold(page.text), start.start)
    end = named.end() if named else _heading_end(lines, start)
    text = re.sub(r"(?<=[a-z])\d+\b", "", squash(fold(page.text[start.start : end])))
    return text, evidence(page, start.start, end)


def _sentence_like(text: str) -> bool:
    """A label ("Inspection dates: ...") or a sentence ("The inspection found X to be well led."), not a heading."""
    return ":" in text or len(text) > 120 or text.rstrip().endswith(".")


def _heading_end(lines: list[Line], start: Line) -> int:
    """Offset where a heading wrapped over several lines ends."""
    end = start
    for line in lines[start.index + 1 :]:
        if ":" in line.text or not _heading_goes_on(end.text, line.text):
            break
        end = line
    return end.end


def _heading_goes_on(previous: str, line: str) -> bool:
    """Whether ``line`` carries on a heading wrapped after ``previous`` (no label, no date lines)."""
    if re.search(r"(?<![A-Za-z])\d", line) or re.search(r"[.;]$", previous):  # "board1": footnote
        return False
    if line[:1].islower() or line.lower() == "and" or previous.endswith(","):
        return True
    if previous.lower() == "and":
        return bool(HEADING.match(line))
    return len(previous) >= 35 and len(line.split()) <= 4


def _report_type(heading: str) -> str:
    """The heading without the organisation it names ("Inspection of local authority children's services")."""
    match = re.match(r"(?i)((?:re-? ?)?inspection of )(.+?)( (?:local authority )?children's .*)$", heading)
    if match and normalise_body(match.group(2)).lower() not in {"local authority", ""}:
        return match.group(1) + match.group(3).strip()
    return heading


def _inspectorate(pages: list[Page]) -> tuple[str, Evidence] | None:
    """The inspectorate named most often in the report, quoted at its first mention."""
    counts: Counter[str] = Counter()
    first: dict[str, Evidence] = {}
    for page in pages:
        folded = fold(page.text)
        for pattern, name in _INSPECTORATES:
            for match in pattern.finditer(folded):
                label = name.format(*match.groups())
                counts[label] += 1
                first.setdefault(label, evidence(page, match.start(), match.end()))
    if not counts:
        return None
    label = counts.most_common(1)[0][0]
    return label, first[label]


__all__ = ["extract_metadata", "aliases_for", "normalise_body", "normalise_grade"]
