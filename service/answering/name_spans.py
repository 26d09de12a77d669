"""Where in a question a body's name lies: the span of a match, the words a name may run over, the lead words
names drop, a first word given alone before "or", and the longest of overlapping matches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import GRADES, ReportMeta
from service.answering.organisations import body_label, group_by_body
from service.answering.text import ENTITY
from service.terms import STOPWORDS

ELIDED = re.compile(r"\s+(or|and|&|vs\.?|versus)\s+", re.I)
FRAME_WORDS = set("""find found say said give gave get got rate rated rating grade graded inspectors inspector inspection
    report ofsted visit visited judge judged performing performed performance improved better worse best worst top
    bottom highest lowest poorest weakest strongest most least run runs ran running manage manages managed managing
    provide provides provided providing every each whole""".split()) | {w for g in GRADES for w in g.split()}
# (how it did is not its name: "the worst performing crc", "the top rated council"; nor who runs it; nor "every")
OWNED_KIND = r"(?:['’]s|\s*-?\s*(?:run|owned|led))?\s+(?:crcs?|community rehabilitation compan(?:y|ies)|companies)\b"
KIND_OWNED_BY = r"\b(?:crcs|companies)\s+(?P<by>(?:run|owned|operated)\s+by\s+{})\b"  # ("the crcs owned by purple
# futures": the owner and what says it owns them)
LEAD_WORDS = re.compile(r"(?:\b(?:the|city|of|royal|london|borough|county|metropolitan|council)\s+)+$", re.I)


OWNS_A_THING = re.compile(r"(['’]s?)?\s+(?:the\s+)?(?:[‘'\"]|(?:[\w-]+\s+){0,3}(?:approach|model|programme|program|"
                          r"project|scheme|initiative|pilot|framework|method)\b)", re.I)  # ("X's 'No Wrong Door'")
OTHERS_LISTED = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:councils|authorities|las|areas|places|crcs|"
                           r"providers|companies|organisations)\b(?!\s+of\b)", re.I)  # (not "which areas of X's ...")
OTHER_ASKED = re.compile(r"\b(?:other|else)\b", re.I)


@dataclass
class BodyMatch:
    body: str                 # the body as the reports name it
    report_ids: list[str]
    start: int                # character span of the mention in the question
    end: int


def overlaps(start: int, end: int, matches: list[BodyMatch]) -> bool:
    """True when the span ``start``-``end`` of a question overlaps one of the matches'."""
    return any(b.start < end and start < b.end for b in matches)


def name_run(text: str) -> str:
    """The words at the end of ``text`` that may be part of a name: none that is a stopword or frames a question
    ("what did inspectors find at south yorkshire" -> "south yorkshire")."""
    run: list[str] = []
    for word in reversed(text.split()):
        if word.lower() in STOPWORDS or word.lower() in FRAME_WORDS:
            break
        run.insert(0, word)
    return " ".join(run)


def with_lead_words(text: str, match: BodyMatch) -> BodyMatch:
    """The mention with the words names drop ("City of" Wolverhampton, "London Borough of" Hackney) in its span."""
    lead = LEAD_WORDS.search(text[:match.start])
    if lead:
        match.start = lead.start()
    return match


def word_before_or(text: str, tokens: list[tuple[str, int, int]], start: int) -> tuple[str, int, int] | None:
    """The word before "or"/"and" just before ``start`` ("north" in "north or south tyneside"), if any ("and"
    is no token, "or" is)."""
    i = next((k for k, t in enumerate(tokens) if t[1] == start), None)
    if i is None:
        return None
    return next((tokens[j] for j in (i - 1, i - 2) if j >= 0 and ELIDED.fullmatch(text, tokens[j][2], start)), None)


def longest(found: list, tokens: list[tuple[str, int, int]]) -> list[BodyMatch]:
    taken: set[int] = set()
    matches: dict[tuple[int, int], BodyMatch] = {}
    for size, i, j, metas in sorted(found, key=lambda f: (-f[0], f[1])):
        if any(k in taken for k in range(i, j)) and (i, j) not in matches:
            continue
        taken.update(range(i, j))
        match = matches.setdefault((i, j), BodyMatch(body_label(metas[0]), [], tokens[i][1], tokens[j - 1][2]))
        match.report_ids += [m.report_id for m in metas if m.report_id not in match.report_ids]
    return sorted(matches.values(), key=lambda m: m.start)


def owners(reports: list[ReportMeta]) -> dict[str, dict[str, list[ReportMeta]]]:
    """Each owner the reports name (of four letters or more), with its bodies and their reports that name it."""
    names = {name for m in reports for name in ENTITY.findall(m.owner or "") if len(name) > 3}
    return {name: group_by_body(m for m in reports if name in (m.owner or "")) for name in names}


def owned_bodies(text: str, owned: dict[str, dict[str, list[ReportMeta]]], taken: list[BodyMatch]) -> list[BodyMatch]:
    """The bodies run by an owner the text names before their kind ("which working links crc ...", "sodexo's
    crcs", not "what happened to working links?") or after it ("the crcs owned by sodexo"), each with its reports
    that name that owner (``owners``)."""
    out = []
    for owner, bodies in owned.items():
        said = re.escape(owner)
        for match in re.finditer(rf"\b(?P<o>{said})\b(?={OWNED_KIND})|{KIND_OWNED_BY.format(said)}", text, re.I):
            span = match.span("o" if match.group("o") else "by")
            if not overlaps(*span, taken):
                out += [BodyMatch(body, [m.report_id for m in metas], *span) for body, metas in bodies.items()]
    return out


def of_one_kind(matches: list[BodyMatch], kinds: dict[str, str | None]) -> list[BodyMatch]:
    """A name bodies of several kinds share ("london": London CRC and the London NPS division) named beside
    bodies all of one kind ("compare london and essex"), narrowed to that kind (``kinds``: each report's)."""
    if len(matches) < 2:
        return matches
    named = [{kinds.get(r) for r in match.report_ids} for match in matches]
    for i, match in enumerate(matches):
        others = set().union(*(k for j, k in enumerate(named) if j != i))
        if len(named[i]) > 1 and len(others) == 1 and others < named[i]:
            match.report_ids = [r for r in match.report_ids if kinds.get(r) in others]
    return matches


def without_owners(question: str, found: list[BodyMatch]) -> str:
    """The question with a body blanked out that it names only as the owner of a thing it asks which others have
    ("which councils have copied North Yorkshire's 'No Wrong Door' approach?", "X's model - which other councils
    have picked it up?": the approach, wherever it is; the owner's own reports are left out by the caller when
    others are asked)."""
    owner = OWNS_A_THING.match(question, found[0].end) if len(found) == 1 else None
    owns = owner is not None and (owner.group(1) or re.search(r"['’]s?$", question[:found[0].end]))  # (a match
    if not owns or not OTHERS_LISTED.search(question):  # may end with its "'s")
        return question
    end = owner.end(1) if owner.group(1) else found[0].end
    return question[:found[0].start] + " " * (end - found[0].start) + question[end:]
