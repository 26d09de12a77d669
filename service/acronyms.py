"""The acronyms a report spells out where it first uses them ("director of children's services (DCS)", "Mind of My
Own (MOMO)"), so that a question using one form finds the sentences that use the other: a report writes "the DCS"
for pages after it has said who that is, and a user asks in whichever form they know."""

from __future__ import annotations

import re

from service.spelling import english

BRACKETED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")  # "(DCS)": an acronym, perhaps spelled out before it
BEFORE = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,8})$")  # the words just before it (up to eight)
LOOK_BACK = 120  # characters read back from a bracket for those words
MINOR = {"of", "and", "the", "for", "in", "to", "on", "&", "a"}  # (words an acronym leaves out)


def spelled_out(text: str) -> dict[str, str]:
    """Each acronym the text spells out, with the words it stands for: the fewest words before the bracket
    whose initials (with or without ``MINOR`` words') are its capitals ("independent reviewing officers (IROs)",
    "Mind of My Own (MOMO)")."""
    found: dict[str, str] = {}
    for match in BRACKETED.finditer(text):
        if not (before := BEFORE.search(text[max(0, match.start() - LOOK_BACK):match.start()])):
            continue
        acronym, said = match.group(1), before.group(1).split()
        capitals = [c for c in acronym if c.isupper()]
        for k in range(1, len(said) + 1):
            words = said[-k:]
            if capitals in _initials(words):
                found.setdefault(acronym.rstrip("s"), " ".join(words).replace("’", "'").lower())
                break
    return found


def _initials(words: list[str]) -> list[list[str]]:
    """The initials an acronym of these words may have: without the minor words, with them, or of each part of a
    hyphenated word ("multi-agency safeguarding hub": MASH)."""
    return [[w[0].upper() for w in words if w.lower() not in MINOR], [w[0].upper() for w in words],
            [p[0].upper() for w in words for p in w.split("-") if p and p.lower() not in MINOR]]


def other_forms(question: str, defined: dict[str, str]) -> list[str]:
    """The other form of each acronym, or spelled-out phrase, the question uses ("when did the director of
    children's services start?": "DCS"; "who is the DCS?": "director of children's services"). An acronym
    typed in lower case counts from three letters ("dcs"), not a word ("fit", "spa")."""
    text = question.replace("’", "'")
    out = []
    for acronym, words in defined.items():
        said = words.split()  # (of four words or more, also without the first: "safeguarding children board")
        phrase = r"\W+".join(map(re.escape, said)) if len(said) < 4 else \
            rf"(?:{re.escape(said[0])}\W+)?" + r"\W+".join(map(re.escape, said[1:]))
        if re.search(rf"\b{phrase}\b", text, re.I) and not re.search(rf"\b{acronym}s?\b", text, re.I):
            out.append(acronym)
        elif _typed(acronym, text) and not re.search(rf"\b{phrase}\b", text, re.I):
            out.append(words)
    return out


def _typed(acronym: str, text: str) -> bool:
    if re.search(rf"\b{acronym}s?\b", text):
        return True
    lower = re.search(rf"\b{acronym.lower()}s?\b", text)
    return bool(lower) and len(acronym) >= 3 and not english(acronym.lower())
