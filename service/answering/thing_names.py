"""Names of things: whether a sentence gives the name of a thing ("known as ...", "the ‘Hampshire Approach’", "The Funwork Club",
"Care in Action (CIA)"), not only a name: what a "what is X's scheme called?" question wants; and
whether a quote names what a question names ("Family Safeguarding", "Mocking Bird": "Mockingbird")."""

from __future__ import annotations

import re
from collections.abc import Callable


UNIT = r"(?:team|service|project|programme|program|scheme|club|forum|group|panel|hub|centre|center|council|model|" \
       r"initiative|unit|partnership|board|approach|app|tool|workbook|pathway|offer|network|alliance|award|agency|" \
       r"campaign|system|framework|platform|pilot|strategy|charter|college|university|charity|hospital)s?"
UNIT_WORD = re.compile(UNIT, re.I)
CALLED = re.compile(r"\b(?:known as|called|named|branded)\b|\bcalls?\s+(?:themselves|itself)\b", re.I)  # (not
# "entitled to"; "a forum who call themselves the ‘Darlo Crew’")
QUOTED_UNIT = re.compile(rf"[‘“\"'][^‘’“”\"']{{3,60}}[’”\"']\s+(?:\((?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}})?"
                         rf"(?i:{UNIT})\b|\b(?i:{UNIT}),?\s+[‘“\"']")  # ("‘grand mentors’ (a mentoring scheme)")
QUOTED_NAMED_UNIT = re.compile(rf"[‘“\"'](?:[A-Z][\w'’-]*\s+)+(?i:{UNIT})[’”\"']")  # ("the ‘Hampshire Approach’")
ACRONYM_NAMED = re.compile(r"((?:[\w'’-]+\s+){1,6})\([a-z]?[A-Z]{2,}[\w-]*\)")  # a phrase, its initials after
TITLED_UNIT = re.compile(rf"\b([A-Z][\w'’-]+)\s+([A-Z][\w'’-]+)\s+(?:{UNIT})\b")
NAME_AFTER = re.compile(rf"\b(?i:{UNIT})\s*(?:,|\()\s*(?:the\s+)?[‘'\"]?[A-Z][\w'’-]*\s+[A-Z]")  # ("the regional
# adoption agency (Adopt London West)", "the Children in Care council, Care in Action")
NAME_THEN_KIND = re.compile(rf"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+\((?:(?:the|an?)\s+)?(?!(?:the|an?)\s)"
                            rf"(?:[\w'’-]+\s+){{2,8}}(?i:{UNIT})\)")  # (a name, then in brackets what it is:
# "Aspire (Haringey Children in Care Council)", "ASPIRE (the children in care council)")
ACRONYM_AFTER = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of|in|and|for|the|on|at))?\s+[A-Z][\w'’-]*\s+\([A-Z]{2,}\)")
RUN_THEN_KIND = re.compile(rf"\b((?:[A-Z][\w'’-]*|\d+)(?:\s+(?:[A-Z][\w'’-]*|\d+)){{2,5}})\s+(?:[a-z][\w-]*\s+)?"
                           rf"(?i:{UNIT})\b")  # (a name of three words or more, then what it is, a word between:
# "the Walsall Right 4 Children transformation programme")
ASKED_THEN_NAME = re.compile(r"\b([a-z][\w-]*)[’'\"”]?,\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3}\s*(?:[.;)]|$)")
# (the thing asked, then its name set beside it: "Suffolk’s ‘front door’, Customer First.")
CASED_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
NEAR = 4   # words after a name, and "the", that may say what it names ("Shield, the multi-agency specialist team")
APPOSITIVE = re.compile(r",\s+(?:the|a|an|our|its|their)\s", re.I)


def names_a_thing(text: str, asked: set[str], rare: Callable[[str], bool]) -> bool:
    """True when the sentence gives the name of a thing, not just a name: "known as ...", a quoted name before its
    kind ("its ‘always here’ approach"), a capitalised kind after a name ("The Funwork Club", "123 Programme"), a
    rare name before its kind ("the Sunrise team"; "Shield, the ... team"; not an abbreviation in brackets), a
    name with its acronym ("Care in Action (CIA)"). Words of the question (``asked``) name nothing."""
    if CALLED.search(text) or QUOTED_UNIT.search(text) or ACRONYM_AFTER.search(text) or NAME_AFTER.search(text) \
            or QUOTED_NAMED_UNIT.search(text) or NAME_THEN_KIND.search(text):
        return True
    if any(m.start() > 0 and {w.lower() for w in m.group(1).split()} - asked for m in RUN_THEN_KIND.finditer(text)):
        return True  # ("... dedicated to the delivery of the Walsall Right 4 Children transformation programme")
    if any(m.group(1).lower() in asked for m in ASKED_THEN_NAME.finditer(text)):
        return True  # ("what is Suffolk's front door called?": "... within Suffolk’s ‘front door’, Customer First.")
    if any(m.start() > 0 and {m.group(1).lower(), m.group(2).lower()} - asked for m in TITLED_UNIT.finditer(text)):
        return True  # ("the targeted Family Solutions service": a name in capitals before its kind)
    if any(len({w.lower() for w in m.group(1).split()} & asked) >= 2 for m in ACRONYM_NAMED.finditer(text)):
        return True  # ("the integrated contact and referral team (iCART)", asked "the contact and referral team")
    found = list(CASED_WORD.finditer(text))
    tokens = [m.group(0) for m in found]
    for i, token in enumerate(tokens):
        start = found[i].start()
        if not token[0].isupper() or token.lower() in asked or text[start - 1:start] == "(":
            continue
        before = tokens[i - 1] if i else ""
        if before and UNIT_WORD.fullmatch(token) and (before[0].isupper() or before[0].isdigit()) \
                and before.lower() not in asked:
            return True
        appositive = APPOSITIVE.match(text, found[i].end())  # ("Shield, the multi-agency specialist team")
        if rare(token) and any(UNIT_WORD.fullmatch(t) for t in tokens[i + 1:i + (NEAR + 2 if appositive else 2)]):
            return True
    return False


def names_in(quote: str, names: list[str]) -> bool:
    """True when the quote names what the question names, as one phrase ("Family Safeguarding", "Signs of
    Safety"; any case), or the question names nothing."""
    if not names:
        return True
    phrase = r"(?:\W*|\W+(?:\w+\W+){1,2})".join(r"\W*".join(re.findall(r"\w+", n)) for n in names)  # ("‘House’
    # project"; "Mocking Bird": "Mockingbird")
    return any(_names(m, quote) for m in re.finditer(rf"\b{phrase}\b", quote, re.I))


def _names(match: re.Match, quote: str) -> bool:
    """False for one word in lower case that is neither in quotes nor before a kind of thing: a word, not the name
    ("the pause in provision", "‘pause and reflect day’"; not "the ‘mockingbird’ model", "the mockingbird hubs")."""
    said = match.group(0)
    if not said.isalpha() or not said.islower():
        return True
    quoted = quote[match.start() - 1:match.start()] in ("‘", "'", '"', "“") and quote[match.end():match.end() + 1] \
        in ("’", "'", '"', "”")
    return quoted or bool(re.match(rf"\s+{UNIT}\b", quote[match.end():], re.I))
