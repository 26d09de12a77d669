"""What a question is about: its kind (one fact, or a list across reports), the reports in scope (bodies named,
organisation type, inspectorate, years), what it wants (concerns, praise, grades, a number) and its topic."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.models import ReportMeta
from service.answering import grades
from service.answering.areas import AreaNames
from service.answering.mentions import (INSPECTORATE_NAMES, ORG_TYPES, BodyMatch, BodyNames, inspectorates_named,
                                        org_type, org_types_named)
from service.answering.text import MONTH, content_words, stem
from service.answering.verdict import IMPROVED, cue_words, wanted_verdicts
from service.library import Library

SCAFFOLD = {stem(w) for w in """
    which what where who whom when how why whose list name named one ones also other others either instead
    inspection inspections inspected inspecting report reports reported reporting digest
    digests find found finding findings say says said describe described according record recorded
    give gave given get got receive received raise raised raising highlight highlighted identify identified note noted
    provider providers crc crcs community rehabilitation company companies nps national probation service local la las
    authority authorities council councils borough boroughs organisation organisations ofsted hm
    time times actually exactly approximately roughly around currently main key principal major
    take took taken place begin began begun start started happen happened occur occurred make made go went come came
    put become became cover covers covered include includes included contain contains comprise comprises""".split()}  # words that frame a question rather than say what it is about
LIST_SCAFFOLD = {stem(w) for w in "publish published publication".split()}
QUANTITY_WORDS = {stem(w) for w in "percentage percent proportion share fraction number figure many much".split()}
DATE_WORDS = {stem(w) for w in "date dates day year month".split()}
COMPARISON_WORDS = {stem(w) for w in "previous earlier prior last since before".split()}
RATING = {stem(w) for w in "rated rating ratings rate grade grades graded judged judgement judgment judgements "
                           "judgments overall effectiveness".split()}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
PUBLISHED_WHEN = re.compile(r"\b(?:report\s+)?published\s+(?:in\s+|on\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?"
                            r"(?:19|20)\d\d\b")
SPAN_YEARS = re.compile(r"\b(?:between|from)?\s*((?:19|20)\d\d)\s*(?:and|to|-|–|until)\s*((?:19|20)\d\d)\b", re.I)
OPEN_AFTER = re.compile(r"\b((?:19|20)\d\d)\s+(?:or|and)\s+(?:later|after|since)|"
                        r"\b(?:since|after|from)\s+((?:19|20)\d\d)(?:\s+onwards?)?", re.I)
BEFORE = re.compile(r"\bbefore\s+((?:19|20)\d\d)\b", re.I)
NUMERIC = re.compile(r"\b(more than|over|above|at least|greater than|exceeding|fewer than|less than|under|below|"
                     r"at most)\s+(?:about\s+)?(\d[\d,]*(?:\.\d+)?)\s*(%|per ?cent)?", re.I)
SUPERLATIVE = re.compile(r"\b(first|most|least|largest|biggest|highest|lowest|best|worst|earliest|latest)\b|"
                         r"\b(more|fewer|less)\b(?!\s+than)", re.I)
LIST_CUE = re.compile(r"^\s*(list|name|show)\b|\b(which|what|where)\b|\bhow many\b", re.I)
PLURALS = re.compile(r"\b(which|what)\s+([\w'’]+\s+){0,3}?(crcs|providers|inspections|reports|authorities|councils|"
                     r"boroughs|divisions|companies|organisations|areas|services|las)\b|\bwhich\s+(crc|provider|inspection|"
                     r"report|local authority|authority|council|borough|division)\b|\b(in|for|at) which\b|"
                     r"^\s*where\b|^\s*(list|name|show)\b|\bhow many\s+(\w+\s+){0,2}?(crcs|providers|inspections|reports|"
                     r"authorities|councils|boroughs|divisions|companies|organisations|las)\b", re.I)
PREDICATIVE_GRADE = re.compile(  # "were good in 2019", "found to be inadequate?", "were outstanding for care leavers"
    rf"\b(was|were|is|are|be|been|as)\s+(?:\w+\s+){{0,2}}?{grades.GRADE_NAME}(?=\s*(?:[?.!,]|$|\s+(?:in|during|for|"
    r"overall|by|at\s+(?:their|its|the)\s+(?:last|latest|most|previous))\b))", re.I)
NUMBER_Q = re.compile(r"\bhow (many|much)\b|\bwhat (\w+ )?(percentage|proportion|share|number|fraction|average|"
                      r"per ?cent)\b|\baverage\b", re.I)
DATE_Q = re.compile(r"\b(when|what date|which date|what day|what year)\b|\bdates?\b", re.I)
WHO_Q = re.compile(r"^\s*(who|whom)\b|\bwhich (company|organisation|firm|person|partner|charity|college)\b", re.I)


@dataclass
class Scope:
    question: str
    kind: str                                  # "fact" or "list"
    bodies: list[BodyMatch]
    report_ids: list[str]                      # the reports that may answer
    missing: str | None = None                 # why no report can answer, when that is known up front
    years: list[tuple[int, int]] = field(default_factory=list)
    wanted: set[str] = field(default_factory=set)
    topic_words: list[str] = field(default_factory=list)
    required: set[str] = field(default_factory=set)
    numeric: tuple[str, float] | None = None
    conditions: list[grades.Condition] = field(default_factory=list)
    answer_type: str | None = None
    superlative: bool = False
    area: str | None = None                    # the judgement area named (None: overall, or none named)


def parse_years(question: str) -> list[tuple[int, int]]:
    """Year intervals a question names: "2019", "between 2019 and 2025", "2018 or later", "before 2016"."""
    spans = [(int(a), int(b)) for a, b in SPAN_YEARS.findall(question)]
    spans += [(int(a or b), 9999) for a, b in OPEN_AFTER.findall(question)]
    spans += [(0, int(y) - 1) for y in BEFORE.findall(question)]
    if spans:
        return spans
    return [(int(y), int(y)) for y in dict.fromkeys(YEAR.findall(question))]


def report_years(meta: ReportMeta, with_fieldwork: bool) -> set[int]:
    """The report's publication year; with ``with_fieldwork`` (or when it has no publication date) also the
    years of its fieldwork."""
    years = {meta.published.year} if meta.published else set()
    if (with_fieldwork or not years) and meta.inspection_dates:
        years |= {int(y) for y in YEAR.findall(meta.inspection_dates)}
    return years


def in_years(meta: ReportMeta, spans: list[tuple[int, int]], with_fieldwork: bool) -> bool:
    years = report_years(meta, with_fieldwork)
    if not spans:
        return True
    if not years:
        return with_fieldwork  # a report of unknown date cannot be ruled out of a question about one body
    return any(lo <= y <= hi for y in years for lo, hi in spans)


def kind_of(question: str, bodies: list[BodyMatch]) -> str:
    """"list" for "which/where ..." about several organisations; "fact" for one body, superlatives, the rest."""
    if not LIST_CUE.search(question) or (SUPERLATIVE.search(question) and not NUMERIC.search(question)):
        return "fact"
    named = len({b.body for b in bodies})  # "Kent ... (Kent)" names one body
    if named == 1 and not re.search(r"\bother\b", question, re.I):
        return "fact"
    return "list" if PLURALS.search(question) or named > 1 else "fact"


def parse(question: str, library: Library, areas: AreaNames, names: BodyNames) -> Scope:
    """Read a (stand-alone) question against the index's reports."""
    reports = list(library.reports.values())
    bodies = names.find(question)
    kind = kind_of(question, bodies)
    years = parse_years(question)
    scope = Scope(question, kind, bodies, [], years=years)
    scope.report_ids, scope.missing = _reports_in_scope(question, reports, bodies, years, kind)
    if unknown := names.unknown(question):
        scope.missing = f"no report in this index is about {unknown[0]}"
    _read_wants(scope, areas)
    return scope


def _reports_in_scope(question: str, reports: list[ReportMeta], bodies: list[BodyMatch], years: list[tuple[int, int]],
                      kind: str) -> tuple[list[str], str | None]:
    present, absent = inspectorates_named(question, {m.inspectorate or "" for m in reports})
    if absent and not present:
        return [], f"this index holds no reports by {absent[0]}"
    chosen = [m for m in reports if not present or m.inspectorate in present]
    types = {t for t in org_types_named(question) if any(org_type(m) == t for m in chosen)}
    if bodies:
        named = {rid for b in bodies for rid in b.report_ids}
        chosen = [m for m in chosen if m.report_id in named]
        typed = [m for m in chosen if org_type(m) in types]
        chosen = typed or chosen
    elif types:
        chosen = [m for m in chosen if org_type(m) in types]
    use_years = bool(bodies) or kind == "list"
    dated = [m for m in chosen if not use_years or in_years(m, years, with_fieldwork=kind == "fact")]
    if chosen and not dated:
        return [], "no report in this index matches that organisation and date"
    return sorted(m.report_id for m in dated), None


def _read_wants(scope: Scope, areas: AreaNames) -> None:
    question = scope.question
    rest = _without_names(question, scope.bodies)
    scope.numeric = _numeric(rest)
    scope.wanted = wanted_verdicts(rest) if scope.kind == "list" else set()
    if scope.numeric:
        rest = NUMERIC.sub(" ", rest)
    cues = cue_words(rest) if scope.kind == "list" else set()
    scope.answer_type = _answer_type(question)
    dropped = _framing_words(scope)
    scope.topic_words = [w for w in content_words(rest) if stem(w) not in dropped and w not in cues
                         and not w.isdigit() and not MONTH.fullmatch(w)]
    scope.required = _proper_nouns(rest) & {stem(w) for w in scope.topic_words}
    scope.conditions = grades.conditions(question, areas) if RATING & {stem(w) for w in content_words(question)} \
        or grades.ALL_AREAS.search(question) or PREDICATIVE_GRADE.search(question) else []
    scope.superlative = bool(SUPERLATIVE.search(question)) and not scope.numeric
    scope.area = None if re.search(r"\boverall\b", rest, re.I) else areas.best(rest)


def _framing_words(scope: Scope) -> set[str]:
    """Stems that frame this question rather than name its topic ("how many", "published", "since ...")."""
    dropped = set(SCAFFOLD)
    if scope.answer_type == "number":
        dropped |= QUANTITY_WORDS
    if scope.answer_type == "date":
        dropped |= DATE_WORDS
    if scope.kind == "list":
        dropped |= LIST_SCAFFOLD
    if IMPROVED in scope.wanted:
        dropped |= COMPARISON_WORDS
    if re.search(r"\binspectors\b", scope.question, re.I):  # "what did inspectors find" (not "the lead inspector")
        dropped.add(stem("inspectors"))
    return dropped


def _without_names(question: str, bodies: list[BodyMatch]) -> str:
    """The question without the bodies it names, years, and words naming kinds of organisation."""
    for body in sorted(bodies, key=lambda b: -b.start):
        question = question[:body.start] + " " + question[body.end:]
    for pattern in (*ORG_TYPES.values(), INSPECTORATE_NAMES, PUBLISHED_WHEN):
        question = pattern.sub(" ", question)
    return YEAR.sub(" ", question)


def _numeric(question: str) -> tuple[str, float] | None:
    match = NUMERIC.search(question)
    if not match:
        return None
    direction = "<" if match.group(1).lower() in {"fewer than", "less than", "under", "below", "at most"} else ">"
    return direction, float(match.group(2).replace(",", ""))


def _proper_nouns(text: str) -> set[str]:
    """Stems of capitalised words that are not the question's first word, grades, months or acronyms of type."""
    found = set()
    for match in re.finditer(r"(?<=[\w,;] )([A-Z][A-Za-z0-9'’-]*[a-z][\w'’-]*)", text):
        word = match.group(1).lower().replace("’", "'").removesuffix("'s")
        if not MONTH.fullmatch(word) and not grades.grade_of(word) and stem(word) not in SCAFFOLD | RATING:
            found.add(stem(word))
    return found


def _answer_type(question: str) -> str | None:
    if NUMBER_Q.search(question):
        return "number"
    if DATE_Q.search(question):
        return "date"
    if WHO_Q.search(question):
        return "who"
    return None


def about_grades_only(scope: Scope) -> bool:
    """True when every grade the question names is said of the organisations themselves or of a judgement
    area ("which councils were judged inadequate", "had the impact of leaders judged outstanding"), not of a
    topic ("where was Through the Gate work judged good"): then the grades read at ingest answer it."""
    if not scope.conditions:
        return False
    text = _without_names(scope.question, scope.bodies)
    text = grades.ALL_AREAS.sub(" ", text)
    areas = {stem(w) for c in scope.conditions if c.area for w in content_words(c.area)}
    mentions = list(grades.GRADE_MENTION.finditer(text)) or [re.search(r"$", text)]
    start = 0
    for mention in mentions:
        before = re.split(r"\b(?:but|and|while|whereas|or)\b", text[start:mention.start()])[-1]
        framing = SCAFFOLD | LIST_SCAFFOLD | RATING | COMPARISON_WORDS | areas
        residue = [w for w in content_words(before) if stem(w) not in framing and not grades.grade_of(w)
                   and not w.isdigit()]
        if residue:
            return False
        start = mention.end()
    return True
