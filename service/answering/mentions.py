"""Which bodies of the index a question names (longest name wins; in part, by initials, by a county or a council
area of the name), and organisation names that are in no report."""

from __future__ import annotations

import re
from difflib import get_close_matches
from collections.abc import Callable, Iterable

from ingest.models import ReportMeta
from service.answering.name_spans import (BodyMatch, longest, name_run, of_one_kind, overlaps, owned_bodies, owners,
                                          with_lead_words, word_before_or)
from service.answering.organisations import body_label, org_type, org_types_named, report_names
from service.answering.places import (AREA_SERVED, DIRECTIONS, NATION_ASKED, SHORT_FORMS, counties_matched,
                                      everyday_word, nation_of, nations_of, place_key, places_matched, places_named)
from service.answering.text import stem
from service.answering.towns import areas_of
from service.names import cut_short, first_word_misspelt, initials, last_part_initials, less_a_letter, normalise
from service.spelling import english
from service.terms import STOPWORDS

QUESTION_WORDS = {"", "which", "what", "other", "inspected", "each", "all", "both", "same"}  # before "council" ...
TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|&")  # "&" is read as "and", as in names
ORG_SUFFIX = (r"(?:CRC|Community Rehabilitation Company|County Council|City Council|Borough Council|Council|"
              r"division|Local Safeguarding Children Board|Trust|Police|Constabulary|Hospital)")
CAPS = r"[A-Z][\w’'-]*"
GROUP_AFTER = re.compile(r"\s+(boroughs|councils|authorities|crcs|providers|areas|regions|divisions)\b", re.I)
LISTED_BETWEEN = re.compile(r"\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?", re.I)


def listed_after(text: str, match: BodyMatch, spans: list[BodyMatch]) -> bool:
    """True when the body named is the last of bodies listed ("essex and thames valley crcs": its kind said once,
    after them all), not a group such as "london boroughs" or "north east and london boroughs"."""
    return any(other.end <= match.start and LISTED_BETWEEN.fullmatch(text, other.end, match.start) for other in spans)
NAME_BEFORE_SUFFIX = re.compile(
    rf"((?:{CAPS})(?:(?:\s+|,\s*)(?:and\s+|of\s+|upon\s+|on\s+)?(?:{CAPS}))*)\s+{ORG_SUFFIX}")
NAME_POSSESSIVE = re.compile(rf"((?:{CAPS})(?:\s+(?:and\s+|of\s+|upon\s+)?(?:{CAPS}))*)['’]s\s+"
                             r"(?:children['’]s services|probation service|social care|services)")


def _tokens(question: str, known: set[str] = frozenset()) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) for each word of the question that survives name normalisation; a word
    that is a name word plus a possessive "s" written without its apostrophe ("thurrocks") is that name word."""
    out = []
    for match in TOKEN.finditer(question):
        word, start = normalise(match.group(0).replace("’", "'").split("'")[0]), match.start()
        if word[:1] in DIRECTIONS and word[1:] in SHORT_FORMS:  # "nyorks": "n yorks"
            out.append((word[0], start, start + 1))
            word, start = word[1:], start + 1
        word = SHORT_FORMS.get(word, word)  # "staffs" for "staffordshire"
        if word.endswith("s") and word not in known and word[:-1] in known:
            word = word[:-1]
        if word and word != "and":
            out.append((word, start, match.end()))
    return [(word, a, b) for i, (w, a, b) in enumerate(out)  # ("s glos": a direction's letters before a name's word)
            for word in (DIRECTIONS.get(w, (w,)) if out[i + 1:] and out[i + 1][0] in known else (w,))]


NATION_OF = {"welsh": "wales", "scottish": "scotland", "cornish": "cornwall", "english": "england"}
PEOPLES = {*NATION_OF, "irish", "northern irish", "british"}  # ("a Welsh police and crime commissioner": no body)
BODY_AFTER = re.compile(r"\s+(crcs?|nps|community rehabilitation|national probation|probation|councils?|local "
                        r"authorit(y|ies)|division|provider|company|children'?s services)\b", re.I)  # ("the Welsh CRC")


SHARED_PLACE = 3  # councils a county's name may name at once ("northamptonshire": North and West Northamptonshire)
JOINED_AFTER = re.compile(r"\s*(?:&|and|\+)\s*")  # (the rest of a body's name after the part found)
WHERE_BEFORE = re.compile(r"\b(?:in|at|across|around|near|within)\s+$", re.I)


class BodyNames:
    """The index's bodies by name, built once per set of reports: finds the bodies a text names (longest
    name wins; a name given in part counts when it fits one body only) and names that fit no body."""

    def __init__(self, reports: Iterable[ReportMeta], mentioned: Callable[[str], bool] | None = None,
                 unknown_word: Callable[[str], bool] | None = None, covers: dict[str, str] | None = None) -> None:
        self.reports = list(reports)
        self.kinds = {m.report_id: org_type(m) for m in self.reports}
        self.serving, self.owned = any(k != "local authority" for k in self.kinds.values()), owners(self.reports)
        self.covers = {place: [m for m in self.reports if body_label(m) == body]  # place_key -> its coverer's reports
                       for place, body in (covers or {}).items()}
        self.nations = nations_of(map(body_label, self.reports))  # (the nations the bodies lie in)
        self.mentioned = mentioned or (lambda text: False)  # does some report's text name this?
        self.unknown_word = unknown_word or (lambda word: False)  # is this word in no report? (then maybe a typo)
        self.by_name: dict[tuple[str, ...], list[ReportMeta]] = {}
        for meta in self.reports:
            for name in report_names(meta):
                key = tuple(w for w in name.split() if w != "and")  # "humberside lincolnshire north yorkshire"
                self.by_name.setdefault(key, []).append(meta)
        self._add_initials()
        self.name_words = {w for name in self.by_name for w in name}
        self.bodies_named: dict[str, set[str]] = {}  # a word of a name of several words: the bodies so named
        for name, metas in ((name, metas) for name, metas in self.by_name.items() if len(name) > 1):
            for word in name:
                self.bodies_named.setdefault(word, set()).update(map(body_label, metas))
        self.near: dict[str, set[str]] = {}  # a name word, and it less one letter: the name words so spelt
        for word in self.name_words:
            for form in less_a_letter(word) if len(word) >= TYPO_LENGTH else ():
                self.near.setdefault(form, set()).add(word)
        self.by_first: dict[str, list[tuple[tuple[str, ...], list[ReportMeta]]]] = {}
        for key, metas in filter(lambda item: item[0], self.by_name.items()):
            self.by_first.setdefault(key[0], []).append((key, metas))

    def _add_initials(self) -> None:
        """Each body's initials ("DDC", "HIoW"; "H&F": Hammersmith and Fulham), when they fit one body, no word."""
        fits: dict[tuple[str, ...], set[str]] = {}
        for meta in self.reports:
            for short in {s for name in [meta.body or "", *meta.body_aliases] for s in initials(name)}:
                fits.setdefault((short,), set()).add(body_label(meta))
            for first, between, last in (n.split() for n in report_names(meta) if len(n.split()) == 3):
                if between == "and":
                    fits.setdefault((first[0], last[0]), set()).add(body_label(meta))
            for name in filter(None, [meta.body, *meta.body_aliases]):
                if short := last_part_initials(name):
                    fits.setdefault(short, set()).add(body_label(meta))
        for short, bodies in fits.items():
            if len(bodies) == 1 and short not in self.by_name and short[0] not in STOPWORDS:
                self.by_name[short] = [m for m in self.reports if body_label(m) in bodies]  # all its reports

    def find(self, text: str) -> list[BodyMatch]:
        tokens = [(self._spelt(w, bool(KIND_AFTER.match(text, b)), text[a].isupper()), a, b)
                  for w, a, b in _tokens(text, self.name_words)]
        tokens = [(NATION_OF.get(w, w) if BODY_AFTER.match(text, b) else w, a, b) for w, a, b in tokens]
        tokens = [(self._short_typo(w, tokens[i + 1][0]) if i + 1 < len(tokens) else w, a, b)
                  for i, (w, a, b) in enumerate(tokens)]
        words = [t[0] for t in tokens]
        found = [(len(name), i, i + len(name), metas) for i, word in enumerate(words)
                 for name, metas in self.by_first.get(word, ()) if tuple(words[i:i + len(name)]) == name]
        spans = longest(found, tokens)
        matches = [self._of_kind(text, with_lead_words(text, m)) for m in spans
                   if not (GROUP_AFTER.match(text, m.end) and not listed_after(text, m, spans))
                   and not PRISON_BEFORE.search(text[:m.start])
                   and not everyday_word(text, m.start, m.end)]
        matches += self._shortened(text, matches)
        matches += self._places(text, matches)
        matches += self._lone_words(tokens, matches) + owned_bodies(text, self.owned, matches)
        matches = [_with_gloss(text, m) for m in matches + self._elided(text, tokens, matches)]
        return of_one_kind(sorted(matches, key=lambda m: m.start), self.kinds)

    def _spelt(self, word: str, named: bool = False, capital: bool = False) -> str:
        """The name word ``word`` misspells by a letter ("vally"; shorter when ``named``, a kind of body after it:
        "esex crc") or cuts short ("middlesbro"), when it is one name word's only and no report uses ``word`` itself
        ("leads" is no "Leeds"); or with "shire" added."""
        if len(word) < TYPO_LENGTH - named or word in self.name_words or word.isdigit() or capital and english(word):
            return word  # (a dictionary word written as a name is that name: "Wessex" is no "Essex")
        if word + "shire" in self.name_words:  # "hereford" for Herefordshire, its county town
            return word + "shire"
        near = set().union(*(self.near.get(f, set()) for f in less_a_letter(word))) or cut_short(word, self.name_words) \
            or (set(get_close_matches(word, self.name_words, 1, CLOSE_SPELLING)) if len(word) >= LONG_TYPO and
                self.unknown_word(word) else set())  # ("leicestshire": two letters out)
        name = near.pop() if len(near) == 1 else word
        return name if stem(name) == stem(word) or self.unknown_word(word) else word  # ("merseysid" is its stem)

    def _short_typo(self, word: str, following: str) -> str:
        """A short word no report uses misspelling a name's first word before the rest of it ("wst yorkshire")."""
        if not SHORT_TYPO <= len(word) < TYPO_LENGTH or word in self.name_words or not word.isalpha() \
                or english(word) or not self.unknown_word(word):
            return word
        return first_word_misspelt(word, following, self.by_name) or word

    def _lone_words(self, tokens: list[tuple[str, int, int]], taken: list[BodyMatch]) -> list[BodyMatch]:
        """A word of one body's name alone that is no English word ("scilly": Isles of Scilly)."""
        return [BodyMatch(body, [m.report_id for m in self.reports if body_label(m) == body], start, end)
                for word, start, end in tokens if len(word) >= 5 and len(bodies := self.bodies_named.get(word, ())) == 1
                and not english(word) and not overlaps(start, end, taken) for body in bodies]

    def _of_kind(self, text: str, match: BodyMatch) -> BodyMatch:
        """A name two kinds of body share ("London"), narrowed to the kind written after it ("london crc", "london
        probation service": its NPS division) or before it ("NPS London"), else to the kind the text names ("the NPS
        in london")."""
        after, before = KIND_AFTER.match(text, match.end), KIND_BEFORE.search(text, 0, match.start)
        said = after or before
        kinds = org_types_named(said.group(0) if said else text) or ({"nps"} if said else set())
        metas = [m for m in self.reports if m.report_id in match.report_ids and org_type(m) in kinds]
        if metas:
            match.body, match.report_ids = body_label(metas[0]), [m.report_id for m in metas]
        match.end = after.end() if after else match.end  # ("london crc": the kind is part of the mention)
        match.start = before.start() if before and not after else match.start
        return match

    def _elided(self, text: str, tokens: list[tuple[str, int, int]], taken: list[BodyMatch]) -> list[BodyMatch]:
        """A name's first word given alone before "or"/"and" and the whole name ("north or south tyneside",
        "East and West Sussex"): the other body, when the index has it."""
        out = []
        for match in taken:
            first = word_before_or(text, tokens, match.start)
            rest = tuple(w for w in normalise(text[match.start:match.end]).split()[1:] if w != "and")
            metas = self.by_name.get((first[0], *rest)) if first and rest else None
            if metas and not any(b.start <= first[1] < b.end for b in taken):
                out.append(BodyMatch(body_label(metas[0]), [m.report_id for m in metas], first[1], first[2]))
        return out

    def _places(self, text: str, taken: list[BodyMatch]) -> list[BodyMatch]:
        """Places named: of each, the body named for it, or covering it, or its county's or area's ("newcastle")."""
        out: list[BodyMatch] = []
        kinds = {k for k in org_types_named(text) if k not in PARTNERS or any(org_type(m) == k for m in self.reports)}
        # (no CRC for "newcastle's children's services"; the police in "cheshire west: ... police info?" are partners)
        for name, start, end in [(m.group(0), *m.span()) for m in places_matched(text)] + counties_matched(text):
            if overlaps(start, end, taken + out) \
                    or PRISON_BEFORE.search(text[:start]) or GROUP_AFTER.match(text, end):
                continue
            metas = next(filter(None, map(self._placed, (name, *areas_of(name)))), [])
            metas = [m for m in metas if not kinds or org_type(m) in kinds]
            bodies = sorted({body_label(m) for m in metas})
            if len(bodies) == 1 or len(bodies) <= SHARED_PLACE and set(bodies) == {  # (several: all named for it,
                    body_label(m) for m in self._partial(name)}:                   # not a county's area's)
                out += [BodyMatch(b, [m.report_id for m in metas if body_label(m) == b], start, end) for b in bodies]
        return out

    def _placed(self, place: str) -> list[ReportMeta]:
        """The reports of the body named for ``place`` (exactly, else in part), or whose reports say it covers it."""
        key = tuple(w for w in normalise(place).split() if w != "and")
        return self.by_name.get(key) or self._partial(place) or self.covers.get(place_key(place), [])

    def _shortened(self, text: str, taken: list[BodyMatch]) -> list[BodyMatch]:
        """Names given in part ("Staffordshire CRC" for "Staffordshire and West Midlands CRC")."""
        out: list[BodyMatch] = []
        for pattern in (NAME_BEFORE_SUFFIX, NAME_POSSESSIVE, LOWER_NAME_BEFORE_SUFFIX):
            for match in pattern.finditer(text):
                if match.group(1) is None:  # "HMP Manchester" names a prison, never a body of the index
                    continue
                name, (start, end) = match.group(1), match.span(1)
                if pattern is LOWER_NAME_BEFORE_SUFFIX:  # "the humberside crc": the words that may be a name
                    name = name_run(name)
                    end = match.start(1) + len(match.group(1).rstrip())
                    start = end - len(name)
                if not name.strip() or overlaps(start, end, taken + out):
                    continue
                named = org_types_named(match.group(0))
                metas = [m for m in self._partial(name) if not named or org_type(m) in named]
                if len({body_label(m) for m in metas}) == 1:
                    out.append(BodyMatch(body_label(metas[0]), [m.report_id for m in metas], start, end))
        return out

    def _partial(self, text: str) -> list[ReportMeta]:
        """Reports whose body has a name holding all these words (none for fewer than four letters)."""
        if len("".join(wanted := set(normalise(text).split()) - {"and"})) < 4:
            return []
        return list({m.report_id: m for name, ms in self.by_name.items() if wanted <= set(name) for m in ms}.values())

    def unknown(self, question: str, bodies: list[BodyMatch] | None = None, graded: bool = False) -> list[str]:
        """Organisation names the question gives (before 'CRC', 'Council', "'s children's services" ...; or,
        naming no body of the index, a UK council area) that fit no report's body of that kind, even in part, nor
        lie in a body found (``bodies``: what ``find`` gave, when the caller has it)."""
        found = self.find(question) if bodies is None else bodies
        out = self._forces(question, found, graded)
        for pattern in (NAME_BEFORE_SUFFIX, NAME_POSSESSIVE, LOWER_NAME_BEFORE_SUFFIX, LEARNING_NAMED):
            for match in pattern.finditer(question):
                name = match.group(1) or match.group(2) or match.group(4) or ""
                if overlaps(match.start(), match.end(), found) or any(  # ("humberside lincs and n yorks crc";
                        JOINED_AFTER.fullmatch(question, b.end, match.start()) for b in found):  # "Hampshire & IoW")
                    continue
                if pattern in (LOWER_NAME_BEFORE_SUFFIX, LEARNING_NAMED):
                    name = name_run(name)
                    if self._everyday(name, pattern, match) or found and OTHER_KIND.search(match.group(0)):
                        continue  # ("cheshire west: why delays getting police info?": a body named, the rest words)
                name = _without_opening(name)  # ("Did Glasgow City Council's ...": Glasgow City)
                named = org_types_named(match.group(0))
                fits = [m for m in self._partial(name) if not named or org_type(m) in named]
                if name and normalise(name) not in QUESTION_WORDS and not fits and not self.find(match.group(0)) \
                        and name.lower() not in PEOPLES \
                        and (graded or not self.mentioned(match.group(0)[match.group(0).rfind(name):])):
                    out.append(name)  # (a body the reports mention is asked about, unless its grade is)
        out = list(dict.fromkeys(out))
        if not out and not found:  # "how did glasgow do": a council area no body of the index is
            out = [m.group(0) for m in places_matched(question) if not self._partial(m.group(0)) and not (
                AREA_SERVED.search(question[:m.start()]) and self.serving and self.mentioned(m.group(0))  # (served;
                and nation_of(m.group(0)) in self.nations)]  # in a nation bodies lie in)
        if not out and not found:  # "did ofsted inspect scotland?": a nation none of the bodies lies in
            out = [m[0] for m in NATION_ASKED.finditer(question) if nation_of(m[0]) not in self.nations]
        if not out and not found and graded:  # "how did Borsetshire do?": a name no report uses, its grade asked
            out = [m.group(0) for m in NAME_WORD.finditer(question) if self.unknown_word(m.group(0).lower())]
        return out

    def _forces(self, question: str, found: list[BodyMatch], graded: bool) -> list[str]:
        """Police forces named for a place ("kent police", "Durham Constabulary") that no report's body is, when
        the question names no other body; one the reports mention only when its grade is asked. A youth offending
        team's ("how did kent YOT do?") only when its grade is asked: a council's report may say what it does."""
        out = []
        for pattern, kind in ((FORCE_NAMED, "police"), (YOUTH_JUSTICE_NAMED, "youth justice")):
            for match in pattern.finditer(question):
                name = name_run(match.group(1))
                force = f"{name} {match.group(2)}"
                if places_named(name) and not any(b.end <= match.start() or b.start >= match.end() for b in found) \
                        and not any(org_type(m) == kind for m in self._partial(name)) \
                        and (graded or kind == "police" and not self.mentioned(force)):
                    out.append(force)
        return out

    def places_absent(self, question: str, bodies: list[BodyMatch]) -> list[str]:
        """UK council areas the question names beside the bodies found that no report's body holds ("how did
        London compare with Kent?" in an index with no Kent report)."""
        return [m.group(0) for m in places_matched(question) if not self._partial(m.group(0))
                and not any(b.start < m.end() and m.start() < b.end for b in bodies)
                and not WHERE_BEFORE.search(question[:m.start()])]  # ("its work in Reading": where, not who)

    def _everyday(self, name: str, pattern: re.Pattern[str], match: re.Match[str]) -> bool:
        """True for lower-case words before "crc", "school" or "prison" that are seldom a name: one word before
        "crc" ("first crc"); words the reports use before "school" ("kids missing school", not "mossbourne
        academy"); words that name no place before "prison" ("ppl leaving prison", not "liverpool prison")."""
        if not name.islower():
            return False
        if PLACE_NOUN.search(match.group(0)):  # ("people leaving prison", "ppl leaving prison": no place named)
            return not places_named(name)
        if pattern is LEARNING_NAMED:  # (a kind of school or college in English words: "further education college")
            return not any(self.unknown_word(w) and not english(w) for w in name.split())
        return bool(match.group(1)) and len(name.split()) < 2


def _with_gloss(text: str, match: BodyMatch) -> BodyMatch:
    """A body named in brackets after the asker's own name for it, the mention running from that name to the
    closing bracket ("the east midlands crc (derbys, leics, notts, rutland)")."""
    if (said := GLOSSED_NAME.search(text[:match.start])) and (close := text.find(")", match.end)) >= 0:
        match.start, match.end = said.start(1), close + 1
    return match


def _without_opening(name: str) -> str:
    """The name without the words that open the question before it, capitalised as its first ("Did", "How")."""
    words = name.split()
    return " ".join(words[next((i for i, w in enumerate(words[:-1]) if w.lower() not in STOPWORDS), len(words) - 1):])


LOWER_NAME_BEFORE_SUFFIX = re.compile(  # "south yorkshire crc", "the nps midlands division", "kent police"
    r"\b((?:[a-z][\w'’-]*\s+){1,3}?)(?:crc|community rehabilitation company|nps division|division|county council|"
    r"city council|borough council|council|police|constabulary|prison|hospital)\b|"
    r"\b(?:hmp|hmyoi)\s+(()[a-z][\w'’-]*)|"
    r"\b(()(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?<!children)['’]s\s+(?:children['’]?s services|probation|social care)\b",
    re.I)  # ("who runs children's social care": no body named "runs children")
FORCE_NAMED = re.compile(r"\b((?:[\w'’-]+\s+){1,3}?)(police|constabulary)\b(?!\s+(?:and|officers?|forces?)\b)", re.I)
YOUTH_JUSTICE_NAMED = re.compile(
    r"\b((?:[\w'’-]+\s+){1,3}?)(youth offending (?:team|service)|youth justice (?:team|service)|yot|yos)\b", re.I)
PARTNERS = {"police", "prison", "school"}  # kinds of body the inspected bodies work with, often a question's topic
OTHER_KIND = re.compile(r"\b(?:police|constabulary|hospital|prison)$", re.I)  # no kind of body an index holds
NAME_WORD = re.compile(r"(?<=\w\s)[A-Z][a-z]{3,}\b")  # (a capital not at a question's start)
PLACE_NOUN = re.compile(r"\bprison$", re.I)  # (people go into and leave a prison: it is a place as well as a body)
LEARNING_NAMED = re.compile(r"\b((?:[\w'’-]+\s+){1,3}?)(?:school|academy|college|university)\b", re.I)
TYPO_LENGTH = 5  # a shorter word is a letter away from too many names to be read as one of them misspelt
SHORT_TYPO = 3   # ... unless the name's next word follows it ("wst yorkshire"), and it is at least this long
LONG_TYPO = 9    # a word this long that no report uses may be two letters out from a name ("leicestshire")
CLOSE_SPELLING = 0.88  # ... its similarity to that name (difflib's ratio: "leicestshire" 0.92, "gloucestershire" 0.69)
KIND_AFTER = re.compile(r"\s+(crcs?|community rehabilitation compan(y|ies)|nps|(national )?probation "
                        r"(service|division)|division( of the (nps|national probation service))?)\b", re.I)
# ("the London division of the NPS", "London division": a division is the NPS's)
KIND_BEFORE = re.compile(r"\b(crc|nps|national probation service)\s+(?:(?:in|for|of|at|covering)\s+(?:the\s+)?)?$",
                         re.I)  # ("NPS London", "the national probation service in London")
GLOSSED_NAME = re.compile(r"\b((?:[a-z][\w'’-]*\s+){1,3}(?:crc|council|nps|division))\s*\([^()]*$", re.I)
PRISON_BEFORE = re.compile(r"\b(hmp|hmyoi|hm prison)\s+$", re.I)  # "HMP Manchester" is a prison, not the council

