"""Regions a question names ("which councils in the north east ...", "best rated councils in yorkshire", "welsh
councils"): England's nine statistical regions (ONS, ITL1), and the other nations of the United Kingdom, whose
councils ISO 3166-2:GB (``pycountry``) lists by nation. A region chooses the councils in it; it is not a word to
find in the reports ("yorkshire" would find South Yorkshire Police in any report)."""

from __future__ import annotations

import re
from functools import lru_cache

from service.answering.places import council_kind, place_key, places_named, standard_name

ENGLISH_REGIONS = {  # the councils with children's services in each region (ONS), as the standard names them,
    # with the councils formed since ("Cumberland") and those they replaced ("Northamptonshire", "Poole")
    "North East": """Darlington; Durham; Gateshead; Hartlepool; Middlesbrough; Newcastle upon Tyne; Newcastle;
        North Tyneside; Northumberland; Redcar and Cleveland; South Tyneside; Stockton-on-Tees; Sunderland""",
    "North West": """Blackburn with Darwen; Blackpool; Bolton; Bury; Cheshire East; Cheshire West and Chester;
        Cumbria; Cumberland; Westmorland and Furness; Halton; Knowsley; Lancashire; Liverpool; Manchester; Oldham;
        Rochdale; Salford; Sefton; St Helens; Stockport; Tameside; Trafford; Warrington; Wigan; Wirral""",
    "Yorkshire and the Humber": """Barnsley; Bradford; Calderdale; Doncaster; East Riding of Yorkshire; East Riding;
        Kingston upon Hull; Hull; Kirklees; Leeds; North East Lincolnshire; North Lincolnshire; North Yorkshire;
        Rotherham; Sheffield; Wakefield; York""",
    "East Midlands": """Derby; Derbyshire; Leicester; Leicestershire; Lincolnshire; Northamptonshire;
        North Northamptonshire; West Northamptonshire; Nottingham; Nottinghamshire; Rutland""",
    "West Midlands": """Birmingham; Coventry; Dudley; Herefordshire; Sandwell; Shropshire; Solihull; Staffordshire;
        Stoke-on-Trent; Telford and Wrekin; Walsall; Warwickshire; Wolverhampton; Worcestershire""",
    "East of England": """Bedford; Bedfordshire; Cambridgeshire; Central Bedfordshire; Essex; Hertfordshire; Luton;
        Norfolk; Peterborough; Southend-on-Sea; Suffolk; Thurrock""",
    "South East": """Bracknell Forest; Brighton and Hove; Buckinghamshire; East Sussex; Hampshire; Isle of Wight; Kent;
        Medway; Milton Keynes; Oxfordshire; Portsmouth; Reading; Slough; Southampton; Surrey; West Berkshire;
        West Sussex; Windsor and Maidenhead; Wokingham""",
    "South West": """Bath and North East Somerset; Bournemouth, Christchurch and Poole; Bournemouth; Poole; Bristol;
        Cornwall; Isles of Scilly; Devon; Dorset; Gloucestershire; North Somerset; Plymouth; Somerset;
        South Gloucestershire; Swindon; Torbay; Wiltshire""",
}
NATIONS = {"Wales": "GB-WLS", "Scotland": "GB-SCT", "Northern Ireland": "GB-NIR"}
COUNCILS = r"(?:councils|local authorities|authorities|las|boroughs|areas|counties|cities)"
NAMED = [  # (regions, how a question names them); "West Midlands" also names a county, a police force and part of
    # a CRC's name, but "councils in the West Midlands" means the region
    (("North East",), r"\bnorth[- ]?east(?:ern)?\b(?!\s+(?:lincolnshire|lincs|somerset))"),
    (("North West",), r"\bnorth[- ]?west(?:ern)?\b(?!\s+leicestershire)"),
    (("Yorkshire and the Humber",), r"(?<!north )(?<!south )(?<!west )(?<!east )(?<!riding of )\byorks(?:hire)?\b"
                                    r"(?!\s+(?:police|dales|moors))|\bthe humber\b"),
    (("East Midlands",), r"\beast(?:ern)?\s+mid(?:land)?s\b"),
    (("West Midlands",), r"(?<!and )\bwest\s+mid(?:land)?s\b(?!\s+(?:police|fire|combined|crc|nps|probation))"),
    (("East of England",), r"\beast of england\b|\beast anglia\b|\beastern region\b"),
    (("South East",), r"\bsouth[- ]?east(?:ern)?\b(?!\s+(?:london|england's))"),
    (("South West",), r"\bsouth[- ]?west(?:ern)?\b(?!\s+london)"),
    (("North East", "North West", "Yorkshire and the Humber"),
     rf"\bthe north\b(?![- ]?(?:east|west))|\bnorthern (?:england|{COUNCILS})\b|\bnorth of england\b"),
    (("East Midlands", "West Midlands"), rf"(?<!east )(?<!west )\b(?:the midlands\b|midlands {COUNCILS}\b)"),
    ((*ENGLISH_REGIONS, "London"), rf"\benglish {COUNCILS}\b|\b{COUNCILS} in england\b"),
    (("Wales",), rf"\bwelsh {COUNCILS}\b|\b{COUNCILS} in wales\b"),
    (("Scotland",), rf"\bscottish {COUNCILS}\b|\b{COUNCILS} in scotland\b"),
    (("Northern Ireland",), rf"\bnorthern irish {COUNCILS}\b|\b{COUNCILS} in northern ireland\b"),
]


def regions_named(question: str) -> set[str]:
    """The regions (and nations) the question names, each by its own name: "northern councils" names three."""
    return {region for regions, pattern in _patterns() if pattern.search(question) for region in regions}


def without_regions(question: str) -> str:
    for _, pattern in _patterns():
        question = pattern.sub(" ", question)
    return question


NOT_MORE = re.compile(r"\b(?:the|in|for|of|councils?|region)\b", re.I)  # (words that add nothing to a region)
THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def region_swapped(question: str, rest: str) -> str | None:
    """``question`` with the region ``rest`` names in place of the one it named ("which councils in the north
    east are rated outstanding?" "what about the north west?"); None unless both name one and ``rest`` says
    nothing more."""
    new, old = _first_region(rest), _first_region(question)
    if new is None or old is None or NOT_MORE.sub(" ", without_regions(rest)).strip(" ?,."):
        return None
    the = THE_BEFORE.search(rest[:new.start()])  # ("the north west", "yorkshire")
    start = the_old.start() if (the_old := THE_BEFORE.search(question[:old.start()])) else old.start()
    return question[:start] + (the.group(0) if the else "") + new.group(0) + question[old.end():]


def _first_region(text: str) -> re.Match[str] | None:
    return next((m for _, p in _patterns() if (m := p.search(text))), None)


@lru_cache(maxsize=4096)
def region_of(body: str) -> str | None:
    """The region or nation of the council ``body`` names ("Wigan Local Area Partnership": "North West"); read
    once per body (a region question asks it of every report in scope)."""
    if council_kind(body) == "London borough":
        return "London"
    table = _councils()
    named = (table[key] for name in places_named(body) if (key := place_key(name)) in table)
    return table.get(place_key(body)) or next(named, None)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[tuple[str, ...], re.Pattern[str]]]:
    return [(regions, re.compile(pattern, re.I)) for regions, pattern in NAMED]


@lru_cache(maxsize=1)
def _councils() -> dict[str, str]:
    import pycountry

    table = {place_key(name): region for region, names in ENGLISH_REGIONS.items() for name in names.split(";")}
    for area in pycountry.subdivisions.get(country_code="GB") or []:
        nation = next((n for n, code in NATIONS.items() if code == area.parent_code), None)
        if nation:
            table[place_key(standard_name(area.name))] = nation
    return table
