"""What one turn of a conversation leaves for the next: the reports and bodies it answered about, its year and
grade, and the names its quotes give that are not bodies of the index ("that company" in the next turn)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.answering.mentions import BodyNames
from service.answering.text import ENTITY, MONTH

NOT_ENTITIES = re.compile(r"^(HM|His|Her|The|CRC|NPS|Ofsted|Inspectorate|Probation|Overall|Owner|Published|Page|Requires|"
                          r"Good|Outstanding|Inadequate|Summary|Lead|Inspected|Fieldwork|Like)\b")


@dataclass
class Context:
    """What one turn leaves for the next."""

    resolved: str = ""
    report_ids: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    grade: str | None = None
    entities: list[str] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)  # the bodies this turn put another in place of ("and Surrey?")
    before: list[str] = field(default_factory=list)   # the reports the turn before this one answered about


def entities_in(quotes: list[str], names: BodyNames) -> list[str]:
    """Names of organisations or people in an answer's quotes that are not report bodies (for "that company")."""
    found: dict[str, None] = {}
    for quote in quotes:
        for body in reversed(names.find(quote)):
            quote = quote[:body.start] + " " * (body.end - body.start) + quote[body.end:]
        for match in ENTITY.finditer(quote):
            name = match.group(0)
            opens = match.start() == 0 and match.end() < len(quote.rstrip(" ."))  # (not a quote that is only the
            if opens or NOT_ENTITIES.match(name) or MONTH.fullmatch(name) or names.find(name):  # name: "MTCnovo")
                continue
            found.setdefault(name, None)
    return list(found)[:3]
