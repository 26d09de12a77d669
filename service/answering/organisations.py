"""Organisations as the reports name them: a readable label for a report's body, the names it goes by, its
kind (CRC, NPS, council), the reports grouped by body, and the inspectorates a question names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from ingest.models import ReportMeta
from service.answering.places import WIDER
from service.answering.text import ENTITY, MONTH
from service.names import normalise

TITLE_LEAD = re.compile(r"^\s*(an?\s+)?(?:[\w/&'’-]+\s+){0,4}?(inspection|report|review|revisit)\s+(of|on|into|in)\s+"
                        r"(the\s+)?", re.I)  # "Inspection of X", "Area SEND inspection of X", "Joint ... inspection in X"
ORG_TYPES = {
    "crc": re.compile(r"\b(crcs?|community rehabilitation compan(y|ies))\b", re.I),
    "nps": re.compile(r"\b(nps|national probation service)\b", re.I),
    "prison": re.compile(r"\b(hmp|hmyoi|prisons?|young offender institutions?)\b", re.I),
    "police": re.compile(r"\b(police|constabular(y|ies)|police forces?)\b", re.I),
    "youth offending": re.compile(r"\b(youth offending (teams?|services?)|yots?|youth justice services?)\b", re.I),
    "school": re.compile(r"\b(schools?|academ(y|ies)|colleges?|universit(y|ies)|nurser(y|ies))\b", re.I),
    "local authority": re.compile(r"\b(local authorit(y|ies)|((county|city|borough|district|metropolitan)\s+)?"
                                  r"councils?|boroughs?|(?:children['’]?s|(?<!after )children) services(?:\s+departments?)?|"
                                  r"children(?:['’]?s)? social (?:care|work|services))\b", re.I),
}
KNOWN_INSPECTORATES = {
    "hm inspectorate of probation": ("hm inspectorate of probation", "hmi probation", "probation inspectorate",
                                     "inspectorate of probation"),
    "ofsted": ("ofsted",),
    "care quality commission": ("care quality commission", "cqc"),
    "hm inspectorate of prisons": ("hm inspectorate of prisons", "hmi prisons", "prisons inspectorate",
                                   "prison inspectorate", "inspectorate of prisons"),
    "hmicfrs": ("hmicfrs", "inspectorate of constabulary"),
    "estyn": ("estyn",),
    "care inspectorate wales": ("care inspectorate wales", "ciw"),
}


_FORMS = sorted({re.escape(f) for forms in KNOWN_INSPECTORATES.values() for f in forms}, key=len, reverse=True)
INSPECTORATE_NAMES = re.compile(r"\b(" + "|".join(_FORMS) + r")(['’]s)?\b", re.I)



UPON = re.compile(r"^\s*(\w[\w\s]*?)[\s-]+upon[\s-]+\w+\s*$", re.I)  # a town upon a river
GOES_BY_OTHER = {place.lower() for place in WIDER}  # (places called by another name than the town's)


def report_names(meta: ReportMeta) -> list[str]:
    """Normalised names a report's body goes by (body, aliases, or the title when no body was read)."""
    raw = [meta.body or "", *meta.body_aliases]
    if not meta.body or TITLE_LEAD.match(meta.body):
        raw.append(meta.title)
    names = {normalise(TITLE_LEAD.sub("", name)) for name in raw if name}
    names |= {normalise(town.group(1)) for name in raw if (town := UPON.match(name))
              and name.lower() not in GOES_BY_OTHER}  # "Kingston upon Thames" is Kingston (Kingston upon Hull: Hull)
    return sorted(n for n in names if n)


def body_label(meta: ReportMeta) -> str:
    """A readable name of the report's body, even when metadata extraction gave the title."""
    name = meta.body or meta.title
    name = TITLE_LEAD.sub("", name).strip()
    name = re.sub(r"\s+", " ", re.sub(r"Community Rehabilitation Company\b", "CRC", name))
    return name


def group_by_body(metas: Iterable[ReportMeta]) -> dict[str, list[ReportMeta]]:
    """The reports by the body they are about (``body_label``), each body's in the order given."""
    by_body: dict[str, list[ReportMeta]] = {}
    for meta in metas:
        by_body.setdefault(body_label(meta), []).append(meta)
    return by_body


def org_type(meta: ReportMeta) -> str | None:
    text = " ".join([meta.body or "", meta.title, *meta.body_aliases])
    if ORG_TYPES["crc"].search(text):
        return "crc"
    if ORG_TYPES["nps"].search(text):
        return "nps"
    if "ofsted" in (meta.inspectorate or "").lower():
        return "local authority"
    return None


def inspectorates_named(question: str, known: Iterable[str]) -> tuple[list[str], list[str]]:
    """(inspectorates of the index the question names, well-known inspectorates it names that the index lacks)."""
    text = question.lower().replace("’", "'")
    present = [name for name in known if name and name.lower() in text]
    absent = []
    for canonical, forms in KNOWN_INSPECTORATES.items():
        if any(re.search(rf"\b{re.escape(f)}\b", text) for f in forms):
            hits = [name for name in known if canonical in name.lower() or any(f in name.lower() for f in forms)]
            (present.extend(hits) if hits else absent.append(canonical))
    return sorted(set(present)), absent


KIND_NOUNS = {"crc": "CRC", "nps": "NPS division", "prison": "prison", "police": "police force", "school": "school",
              "local authority": "council", "youth offending": "youth offending team"}
LIST_HEAD = re.compile(r"^\W*(?:which|list|name|how many)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?|"
                       r"\b(?:reports?|inspections?)\s+(?:on|of|about|into|for|covering)\s+(?:the\s+|any\s+|a\s+)?|"
                       r"\b(?:any|have|hold|got|are there)\s+(?=(?:[\w'’-]+\s+){1,3}(?:reports?|inspections?)\b)",
                       re.I)  # (or the kind a question asks the index holds reports on: "any reports on prisons?",
# "do you have any police inspections?")


def org_types_named(question: str) -> set[str]:
    return {kind for kind, pattern in ORG_TYPES.items() if pattern.search(question)}


def kind_listed(question: str) -> str | None:
    """The kind of organisation a list names as what it lists ("which police forces ...", "list the prisons that
    ..."), not one it names as a topic ("which CRCs worked well with the police?")."""
    for head in LIST_HEAD.finditer(question):
        rest = question[head.end():]
        starts = [rest, re.sub(r"^[\w'’-]+\s+", "", rest)]  # (or after one word: "which local police forces")
        if kind := next((k for k, pattern in ORG_TYPES.items() if any(pattern.match(s) for s in starts)), None):
            return kind
    return None


def nth_per_body(reports: list[ReportMeta], nth: int) -> list[ReportMeta]:
    """Each body's ``nth`` report by date (1: its first), of the bodies with that many."""
    by_body = group_by_body(sorted(reports, key=lambda m: m.published or date.min))
    return [metas[nth - 1] for metas in by_body.values() if len(metas) >= nth]


def previous_per_body(reports: list[ReportMeta]) -> list[ReportMeta]:
    """Each body's report before its latest ("X's previous grade"), of the bodies with two or more."""
    by_body = group_by_body(sorted(reports, key=lambda m: m.published or date.min))
    return [metas[-2] for metas in by_body.values() if len(metas) >= 2]


def latest_per_body(reports: list[ReportMeta]) -> list[ReportMeta]:
    """Each body's most recently published report ("when was X last inspected", "X's latest rating")."""
    return [metas[-1] for metas in group_by_body(sorted(reports, key=lambda m: m.published or date.min)).values()]


DESCRIBED = re.compile(r"-(?:led|run|owned|backed|based|funded|managed)$", re.I)  # ("the Interserve-led Purple
# Futures": who led it, not a name of its own)


def metadata_names(reports: list[ReportMeta]) -> list[str]:
    """The names of owners and lead inspectors the reports' metadata gives ("Working Links", "Louise Hollick")."""
    fields = " ; ".join(f"{m.owner or ''} ; {m.lead_inspector or ''}" for m in reports)
    return list(dict.fromkeys(n for n in ENTITY.findall(fields) if len(n) > 3 and not MONTH.fullmatch(n)
                              and not DESCRIBED.search(n)))


def councils_placed(chosen: list[ReportMeta], place_of: Callable[[str], str | None],
                    wanted: set[str]) -> list[ReportMeta] | None:
    """Of ``chosen``, the councils' reports whose body ``place_of`` puts among ``wanted`` ("London boroughs",
    "the north east"); None when it places none of them (an index of councils: else the words are only words)."""
    placed = {m.report_id: place_of(body_label(m)) for m in chosen if org_type(m) in (None, "local authority")}
    return [m for m in chosen if placed.get(m.report_id) in wanted] if any(placed.values()) else None
