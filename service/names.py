"""Organisation names as people write them: "Thames Valley" = "Thames Valley CRC" =
"Thames Valley Community Rehabilitation Company"; "Birmingham" = "Birmingham City Council"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.models import ReportMeta

EXPANSIONS = [
    (r"\bcommunity rehabilitation company\b", "crc"),
    (r"\bnational probation service\b", "nps"),
    (r"&|\b'?n'?\b(?= )", " and "),  # "Devon & Cornwall", "devon n cornwall"
]
NOISE = re.compile(
    r"\b(the|of|metropolitan|borough|city|county|district|council|london borough|royal borough|"
    r"local authority|children'?s services|crc|nps|division|limited|ltd)\b"
)


def _spelt_out(name: str) -> str:
    """Lower case, with the expansions applied ("&" -> "and", "community rehabilitation company" -> "crc")."""
    text = name.lower().replace("’", "'")
    for pattern, repl in EXPANSIONS:
        text = re.sub(pattern, repl, text)
    return text


def _words_only(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def normalise(name: str) -> str:
    """Lower case, expansions applied, punctuation and organisational noise words removed."""
    return _words_only(NOISE.sub(" ", _spelt_out(name)))


def names_of(meta: ReportMeta) -> set[str]:
    return {n for n in (normalise(x) for x in [meta.body or "", *meta.body_aliases]) if n}


def matches(query: str, meta: ReportMeta) -> bool:
    """True when ``query`` names the report's body (exactly, or as all of one of its names' words)."""
    wanted = normalise(query)
    if not wanted or not _kinds(query) <= _kinds(" ".join([meta.body or "", *meta.body_aliases])):
        return False
    for name in names_of(meta):
        if wanted == name or (len(wanted) >= 4 and set(wanted.split()) <= set(name.split())):
            return True
    return False


def _kinds(name: str) -> set[str]:
    """The kinds of organisation a name states ("crc", "nps"), which normalising drops."""
    return {"crc", "nps"} & set(_body_key(name).split())


def shared_aliases(reports: Iterable[ReportMeta]) -> list[ReportMeta]:
    """Each report with every name its body goes by in any report ("DLNR CRC" read from the 2019 report also
    finds the 2020 one). Reports share a body when their body names are equal but for case, punctuation and
    spelt-out forms ("London CRC" and "London NPS division" stay apart)."""
    keyed = [(_body_key(meta.body), meta) for meta in reports]
    pooled: dict[str, list[str]] = {}
    for key, meta in keyed:
        pooled.setdefault(key, []).extend(meta.body_aliases)
    return [meta if not key else meta.model_copy(update={"body_aliases": list(dict.fromkeys(
        a for a in pooled[key] if a != meta.body))}) for key, meta in keyed]


def _body_key(name: str | None) -> str:
    """A body name as written but for case, punctuation and spelt-out forms (organisation kinds kept)."""
    return _words_only(_spelt_out(name or ""))
