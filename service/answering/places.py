"""Places a question names: the council areas of the United Kingdom (ISO 3166-2:GB, from ``pycountry``), so that
"how did glasgow do in its last inspection" is known to be about a council no report in the index covers,
written in lower case and without "Council" after it; and the kinds of council the standard sorts them into, so
that "which London boroughs were rated outstanding?" or "county councils judged inadequate" choose reports."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

NATIONS = {"England", "Scotland", "Wales", "Northern Ireland", "United Kingdom"}  # too wide to be one body
CROWN_DEPENDENCIES = {"Isle of Man", "Jersey", "Guernsey"}  # not in the UK's standard, but asked about as councils
COMMON_WORDS = {"reading", "bury", "highland", "beds", "bucks", "bath", "barking", "jersey"}  # also everyday words: only
# capitalised (or written as a place: "reading's report", "how did bath do")
NOT_ALONE = {"Down", "North Down", "Mid", "Causeway Coast"}  # (parts of joined names that name nothing alone)
AS_NAME_AFTER = re.compile(r"'?s\b|\s+(?:(?:in|during|since)\s+)?(?:(?:19|20)\d\d|report|inspection|ofsted|council|"
                           r"borough|children(?:'?s)?)\b", re.I)  # ("in bury in 2016", "reading childrens services")
AS_NAME_BEFORE = re.compile(r"\b(?:did|does|do|was|were|is|has|had|about|of)\s+$", re.I)
JOINED_AFTER = re.compile(r"\s*(?:,|&|\bor\b|\band\b|\bvs\.?|\bversus\b)\s*", re.I)  # (a list's joins)
JOINED_BEFORE = re.compile(r"\s*(?:,|&|\bor\b|\band\b|\bvs\.?|\bversus\b)\s*$", re.I)
SHORTER = re.compile(r"\s+(City|Islands)$")     # "Glasgow City" is also "Glasgow"; "Orkney Islands", "Orkney"
WIDER = {"Kingston upon Hull": "Hull"}
NATIONS_NAMED = re.compile(r"\b(England|Scotland|Wales|Northern Ireland)\b")
NATION_ASKED = re.compile(r"(?<!england and )(?<!england & )\b(?:wales|scotland|northern ireland)\b"
                          r"(?!\s+(?:and|&)\s+england)", re.I)  # (not "England and Wales": where a figure is from)
COUNTIES = """Bedfordshire Berkshire Bristol Buckinghamshire Cambridgeshire Cheshire Cornwall Cumbria
    Derbyshire Devon Dorset Durham Essex Gloucestershire Hampshire Herefordshire Hertfordshire Kent
    Lancashire Leicestershire Lincolnshire Merseyside Norfolk Northamptonshire Northumberland
    Nottinghamshire Oxfordshire Rutland Shropshire Somerset Staffordshire Suffolk Surrey Warwickshire
    Wiltshire Worcestershire Clwyd Dyfed Gwent Gwynedd Powys Humberside Cleveland Avon""".split() + [
    "East Riding of Yorkshire", "East Sussex", "Greater London", "Greater Manchester", "Isle of Wight",
    "North Yorkshire", "South Yorkshire", "Tyne and Wear", "West Midlands", "West Sussex", "West Yorkshire",
    "Mid Glamorgan", "South Glamorgan", "West Glamorgan"]  # England's ceremonial and Wales's preserved counties
SHORT_FORMS = {"staffs": "staffordshire", "notts": "nottinghamshire", "derbys": "derbyshire",
               "leics": "leicestershire", "lincs": "lincolnshire", "glos": "gloucestershire",
               "gloucs": "gloucestershire", "wilts": "wiltshire", "hants": "hampshire",
               "yorks": "yorkshire", "northants": "northamptonshire", "cambs": "cambridgeshire",
               "beds": "bedfordshire", "bucks": "buckinghamshire", "herts": "hertfordshire",
               "oxon": "oxfordshire", "worcs": "worcestershire", "warks": "warwickshire",
               "shrops": "shropshire", "berks": "berkshire", "lancs": "lancashire", "mids": "midlands"}
# (the counties' customary short forms: "Staffs", "West Mids"; "beds" and "bucks" only when capitalised)
DIRECTIONS = {"n": ("north",), "s": ("south",), "e": ("east",), "w": ("west",), "ne": ("north", "east"),
              "nw": ("north", "west"), "se": ("south", "east"), "sw": ("south", "west")}
# (before a name's word: "s glos", "n yorks", "bath ne somerset")
BEST_OF = r"\b(?:best|worst|top|bottom|highest|lowest|strongest|weakest)[- ](?:rated\s+|performing\s+)?"  # ("the
# worst london council", "best council in london": one of the group)
ONE_OF = r"\b(?:which|what|any|every|each|an?)\s+(?:[\w-]+\s+){0,2}?"  # ("which county council", "a top-rated ...")
COUNCIL_NOUN = re.compile(r"\s+(?:county|metropolitan|borough|district|city|unitary)?\s*(?:council|authority)\b", re.I)
COUNCIL_KINDS = {  # the standard's subdivision types, as a question names a group of them
    "London borough": re.compile(r"\blondon (?:boroughs|councils|local authorities|las)\b|"
                                 r"\b(?:boroughs|councils|local authorities|las) in london\b|"
                                 rf"{BEST_OF}(?:london (?:borough|council)|(?:borough|council) in london)\b|"
                                 r"\blondon (?:borough|council)\b(?!\s+of\b)", re.I),  # ("the worst rated london
    # borough": one of them; not "the London Borough of Hackney")
    "Metropolitan district": re.compile(r"\bmetropolitan (?:boroughs|districts|councils|authorities)\b|"
                                       rf"{ONE_OF}metropolitan (?:borough|district|council|authority)\b(?!\s+of\b)",
                                       re.I),
    "Two-tier county": re.compile(rf"\bcounty councils\b|\bshire counties\b|\bcounties\b|{ONE_OF}county council\b"
                                  r"(?!\s+of\b)", re.I),  # ("which county council ...": one of them)
    "Unitary authority": re.compile(rf"\bunitar(?:y authorities|y councils|ies)\b|{ONE_OF}unitary (?:authority|"
                                    r"council)\b", re.I),
}

AREA_SERVED = re.compile(r"\b(?:in|across|around|near|within|cover(?:s|ed|ing)?|serv(?:es|ed|ing)|including|"
                         r"responsible for)\b[\w\s,]*$", re.I)  # "the CRC that covered liverpool and the wirral"


@lru_cache(maxsize=1)
def council_areas() -> tuple[str, ...]:
    """The names UK council areas go by, longest first ("Edinburgh", "Glasgow City", "Glasgow", "Hull" ...)."""
    import pycountry  # loaded on first use: 0.07 s

    from service.answering.towns import towns

    names: set[str] = set(CROWN_DEPENDENCIES) | set(towns())  # (and the larger towns: "Oxford", "Newcastle")
    for area in pycountry.subdivisions.get(country_code="GB") or []:
        if (name := standard_name(area.name)) not in NATIONS:
            names |= _names_of(name)
        if extra := WIDER.get(name):
            names.add(extra)
    return tuple(sorted(names, key=len, reverse=True))


def _names_of(name: str) -> set[str]:
    return {name, SHORTER.sub("", name), *_joined(name)}


def _joined(name: str) -> set[str]:
    """The places a council named for two or more goes by alone ("Brighton and Hove": "Brighton", "Hove";
    "Stockton-on-Tees": "Stockton"), but not the everyday words among them ("Mid and East Antrim": not "Mid")."""
    parts = re.split(r",\s*|\s+(?:and|with)\s+", name) if re.search(r"\s(?:and|with)\s", name) else []
    parts += [re.split(r"\s+upon\s+|-on-", name)[0]] if re.search(r"\s+upon\s+|-on-", name) else []
    return {p for p in parts if len(p) >= 4 and p not in NOT_ALONE}


def standard_name(name: str) -> str:
    name = re.sub(r"\s*\[.*\]$", "", name).replace("St. ", "St ")  # "Cardiff [Caerdydd GB-CRD]"
    name = "City of London" if name == "London, City of" else name   # "London" is the whole city
    return re.sub(r"^(.*), (City of|County|The)$", r"\1", name)        # "Edinburgh, City of"


def place_key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", name.lower().replace("&", " and ")).split())


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    import pycountry

    kinds = {place_key(standard_name(a.name)): a.type for a in pycountry.subdivisions.get(country_code="GB") or []}
    kinds[place_key("City of London")] = "London borough"  # (its own type, "City corporation", but one of London's)
    return kinds


NATION_CODES = {"GB-ENG": "England", "GB-SCT": "Scotland", "GB-WLS": "Wales", "GB-NIR": "Northern Ireland"}


@lru_cache(maxsize=1)
def _nation_of() -> dict[str, str]:
    import pycountry

    return {place_key(n): NATION_CODES.get(a.parent_code or "", "England") for a in
            pycountry.subdivisions.get(country_code="GB") or [] for n in _names_of(standard_name(a.name))}


def nation_of(place: str) -> str:
    """The UK nation a council area or town lies in, or is ("Edinburgh": Scotland; a town of ours: England)."""
    return next((n for n in NATIONS if place_key(n) == place_key(place)), None) or \
        _nation_of().get(place_key(place), "England")


def nations_of(bodies: Iterable[str]) -> set[str]:
    """The nations the bodies' names place them in ("Wales CRC": Wales; "Leeds": England)."""
    return {nation_of(p) for body in bodies for p in [*places_named(body), *NATIONS_NAMED.findall(body)]}


def council_kinds_named(question: str) -> set[str]:
    """The kinds of council a question names as a group ("London boroughs", "county councils")."""
    return {kind for kind, pattern in COUNCIL_KINDS.items() if pattern.search(question)}


def council_kind(body: str) -> str | None:
    """The standard's type of the council ``body`` names ("Hackney", "Wigan Local Area Partnership": "London
    borough", "Metropolitan district"); None when it names none or one newer than the standard ("Cumberland")."""
    key = place_key(body)
    found = _kinds().get(key) or _kinds().get(key.removeprefix("city of "))
    return found or next((kind for name in places_named(body) if (kind := _kinds().get(place_key(name)))), None)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in council_areas()) + r")\b", re.I)


def everyday_word(text: str, start: int, end: int) -> bool:
    """True when the place at ``text[start:end]`` is written as the everyday word it also is: "children's
    reading", not "Reading", "reading's report", "reading 2016 summary" or "how did reading do"."""
    name = text[start:end]
    if name.lower() not in COMMON_WORDS or name[:1].isupper():
        return False
    return not (AS_NAME_AFTER.match(text, end) or AS_NAME_BEFORE.search(text[:start]) or _listed_with_a_place(
        text, start, end))


def _listed_with_a_place(text: str, start: int, end: int) -> bool:
    """True when a place's name is listed beside the everyday word ("bury or durham", "durham vs bury")."""
    after, before = JOINED_AFTER.match(text, end), JOINED_BEFORE.search(text[:start])
    return bool(after and _pattern().match(text, after.end()) or before and any(
        m.end() == before.start() for m in _pattern().finditer(text[:before.start()])))


def places_matched(text: str) -> list[re.Match[str]]:
    """Where ``text`` names council areas (an everyday word counts only when capitalised: "Reading" is a place,
    "reading" is not). Curly apostrophes are read as straight ones, so spans are the text's own."""
    text = text.replace("’", "'")
    return [m for m in _pattern().finditer(text) if not everyday_word(text, *m.span())]


def counties_matched(text: str) -> list[tuple[str, int, int]]:
    """(county, start, end) for each county ``text`` names, in full or by its short form ("West Mids")."""
    text = text.replace("’", "'")
    pattern, county_of = _county_pattern()
    return [(county_of[place_key(m.group(0))], *m.span()) for m in pattern.finditer(text)
            if not everyday_word(text, *m.span())]


@lru_cache(maxsize=1)
def _county_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    forms = {place_key(county): county for county in COUNTIES}
    shorts = {long: short for short, long in SHORT_FORMS.items()}
    for county in COUNTIES:
        short = " ".join(shorts.get(w, w) for w in place_key(county).split())
        forms.setdefault(short, county)
    alternatives = sorted(forms, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(a.replace(" ", r"\s+") for a in alternatives) + r")\b", re.I), forms


def places_named(text: str) -> list[str]:
    """The council areas ``text`` names, as written there."""
    return [m.group(0) for m in places_matched(text)]


def council_groups(question: str, body_ends: list[int]) -> list[tuple[int, int]]:
    """The spans of the groups of councils a question names ("which London boroughs", "county councils"); not a
    council's own name ("What was Kent County Council's budget": Kent's, though "what ... county council" may
    ask for one of them)."""
    return [m.span() for p in COUNCIL_KINDS.values() for m in p.finditer(question)
            if not any(COUNCIL_NOUN.match(question, end) and m.start() < end < m.end() for end in body_ends)
            or re.match(BEST_OF, m.group(0), re.I)]


def rejoined(question: str, name_words: set[str]) -> str:
    """The question with a name split in two put back together ("leicester shire": Leicestershire, "south end":
    Southend, "black pool": Blackpool), when the two words joined are a word of a body's name."""
    def join(match: re.Match[str]) -> str:  # (the space goes; the second word, only looked at, stays)
        return match.group(1) if (match.group(1) + match.group(2)).lower() in name_words else match.group(0)
    return SPLIT.sub(join, question)


SPLIT = re.compile(r"\b([A-Za-z]{3,}) (?!(?:crcs?|nps|council|police)\b)(?=([A-Za-z]{3,})\b)")  # ("west york shire":
# york and shire; not a body's initials and its kind, "dlnr crc", though "DLNRCRC" is its initials too)
