"""Organisation names as people write them: "Thames Valley" = "Thames Valley CRC" =
"Thames Valley Community Rehabilitation Company"; "Birmingham" = "Birmingham City Council"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ingest.models import ReportMeta
from service.spelling import english

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
    spelt-out forms ("London CRC" and "London NPS division" stay apart), or when they sit in one body's folder
    (``one_name_per_folder``)."""
    keyed = [(_body_key(meta.body), meta) for meta in one_name_per_folder(list(reports))]
    pooled: dict[str, list[str]] = {}
    for key, meta in keyed:
        pooled.setdefault(key, []).extend(meta.body_aliases)
    return [meta if not key else meta.model_copy(update={"body_aliases": list(dict.fromkeys(
        a for a in pooled[key] if a != meta.body))}) for key, meta in keyed]


def _body_key(name: str | None) -> str:
    """A body name as written but for case, punctuation and spelt-out forms (organisation kinds kept)."""
    return _words_only(_spelt_out(name or ""))


def one_name_per_folder(reports: list[ReportMeta]) -> list[ReportMeta]:
    """Reports in a folder whose body names all nest in one another ("East Riding" and "East Riding of
    Yorkshire", "Hull" and "Kingston upon Hull") are one body's reports: each takes the name most of them use
    (the longest on a tie) and keeps its own as an alias. A folder of several bodies is left alone."""
    folders: dict[str, list[ReportMeta]] = {}
    for meta in reports:
        folders.setdefault(meta.source.rpartition("/")[0], []).append(meta)
    renamed = {}
    for metas in folders.values():
        names = Counter(m.body for m in metas if m.body)
        if len(names) < 2 or not all(_nested(_body_key(a), _body_key(b)) for a in names for b in names):
            continue
        name = max(names, key=lambda n: (names[n], len(n)))
        for meta in metas:
            if meta.body and meta.body != name:
                aliases = list(dict.fromkeys([meta.body, *meta.body_aliases]))
                renamed[meta.report_id] = meta.model_copy(update={"body": name, "body_aliases": aliases})
    return [renamed.get(meta.report_id, meta) for meta in reports]


def _nested(a: str, b: str) -> bool:
    """True when one name's words run, in order, inside the other's."""
    short, long = sorted((f" {a} ", f" {b} "), key=len)
    return short in long


def less_a_letter(word: str) -> set[str]:
    """The word, and the word with any one letter left out (two words a letter apart share one of these)."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def first_word_misspelt(word: str, following: str, names: Iterable[tuple[str, ...]]) -> str | None:
    """The first word of the one name in ``names`` whose next word is ``following`` and that ``word`` is a letter
    away from ("wst" before "yorkshire": West Yorkshire); a word too short to be read as a name alone can be
    read so before the rest of one."""
    near = {name[0] for name in names if len(name) > 1 and name[1] == following
            and less_a_letter(name[0]) & less_a_letter(word)}
    return near.pop() if len(near) == 1 else None


def cut_short(word: str, words: set[str], most: int = 4) -> set[str]:
    """The ``words`` that ``word`` begins and that are at most ``most`` letters longer ("middlesbro")."""
    return {w for w in words if w.startswith(word) and len(w) - len(word) <= most}


def initials(name: str) -> set[str]:
    """Initials of a body's name of three words or more, with and without "of" ("hiow", "hiw"); with the words
    a council's style gives ("rbkc": Royal Borough of Kensington and Chelsea; "bhcc": Brighton and Hove City
    Council); and of four words or more, with "and" ("banes": Bath and North East Somerset)."""
    every_word = re.findall(r"[a-z]+", name.lower())
    words = [w for w in every_word if w not in {"and", "upon", "on"} and (w in {"of", "with"} or normalise(w))]
    every = "".join(w[0] for w in words)
    plain = "".join(w[0] for w in words if w not in {"of", "with"})
    styled = "".join(w[0] for w in every_word if w not in {"and", "upon", "on", "of", "with", "the"})
    with_and = "".join(w[0] for w in every_word if w not in {"upon", "on", "of", "with", "the"})
    shorts = {every, plain, styled} | ({with_and} if len(with_and) - len(styled) == 1 and len(styled) >= 4 else set())
    return {short for short in shorts if len(short) >= 4 or len(short) == 3 and not (short == every != plain and
                                                                                  english(short))}
    # (with "of", three letters are too often a word: "low" is no London Borough of Wandsworth; "iow" is the Isle
    # of Wight)


def last_part_initials(name: str) -> tuple[str, ...] | None:
    """A name of parts with its last part of three words or more by its initials ("Hampshire and Isle of Wight":
    "hampshire iow", as the name keys are, without "and"); None for any other name."""
    head, _, tail = name.lower().rpartition(" and ")
    said = [w for w in re.findall(r"[a-z]+", tail) if w in {"of", "upon"} or normalise(w)]
    return (*normalise(head).split(), "".join(w[0] for w in said)) if head and len(said) >= 3 else None
