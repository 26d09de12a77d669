"""Judgement areas ("The impact of leaders ...", "Experiences and progress of care leavers"): the names the
index's reports use, matched to a question's words, and to each other across inspection frameworks."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ingest.models import ReportMeta
from service.answering.text import stem, stems, words
from service.answering.verdict import CUE_STEMS
from service.terms import STOPWORDS

GETTING = stems("achieve achieved achieving get got given gain gained receive received awarded earn earned")
NEED_TO = re.compile(r"\bneed(?:s|ed|ing)?\s+to\b", re.I)  # ("needed to improve": no child "in need")
MIN_AREA_WEIGHT = 1.5   # distinctive weight a question must share with an area name to be naming it
SAME_AREA = 0.6         # share of an area name's weight another name must hold to be the same judgement
GRADE_ASKED = re.compile(r"\b(?:grades?|ratings?|judge?ments?|(?:rated|graded|judged)(?:\s+as)?(?:\s+(?:requires?\s+"
                         r"improvement|outstanding|good|inadequate)\b)?)\b", re.I)  # (a grade asked, or given)
FAMILIES = (("looked after", "in care"), ("care leavers",), ("help and protection",),
            ("leadership, management", "impact of leaders"))  # one judgement in two Ofsted frameworks (2014-17 and
# since 2018): "Children looked after and achieving permanence" is "... children in care (and care leavers)"


class AreaNames:
    """The judgement areas the index knows, matched to a question's words by rarity-weighted stems."""

    def __init__(self, reports: Iterable[ReportMeta]) -> None:
        self.names = sorted({area for meta in reports for area in meta.areas})
        self.stems = {name: stems(name) for name in self.names}
        counts: dict[str, int] = {}
        for name_stems in self.stems.values():
            for s in name_stems:
                counts[s] = counts.get(s, 0) + 1
        self.weight = {s: math.log(1 + len(self.names) / c) for s, c in counts.items()}

    def best(self, text: str, among: Iterable[str] | None = None) -> str | None:
        """The area a piece of question names (of ``among`` when given): the one sharing the most distinctive
        words with it ("care leavers", "impact of leaders"), the shortest on a tie; None when it shares too
        little."""
        present = stems(NEED_TO.sub(" ", text)) - CUE_STEMS - GETTING  # "improved" praises; it does not name
        # "Capacity to improve"
        names = self.stems if among is None else {n: self.stems.get(n) or stems(n) for n in among}
        scored = [(sum(self.weight.get(s, 1.0) for s in name_stems & present), -len(name_stems), name)
                  for name, name_stems in names.items()]
        top = max(scored, default=(0.0, 0, None))
        return top[2] if top[0] >= MIN_AREA_WEIGHT else None

    def of_subject(self, texts: Iterable[str], subject: set[str]) -> str | None:
        """The area the first of ``texts`` to name one names, when it holds at least half the stems of the
        question's ``subject`` ("care leaver support" names "care leavers"; "life story work" names no "social
        work practice": one word of a subject is not the subject)."""
        area = next(filter(None, map(self.best, texts)), None)
        subject = subject - CUE_STEMS - GETTING
        return area if area and 2 * len(subject & self.stems[area]) >= len(subject) else None

    def closest(self, wanted: str, candidates: Iterable[str]) -> str | None:
        """Which of a report's own areas is the judgement ``wanted`` (area names differ between frameworks)."""
        target = self.stems.get(wanted) or stems(wanted)
        total = sum(self.weight.get(s, 1.0) for s in target) or 1.0
        kin = [c for c in candidates if _families(c) & _families(wanted)]  # the same judgement, in any framework
        scored = [(sum(self.weight.get(s, 1.0) for s in target & stems(c)) / total, -len(stems(c)), c)
                  for c in kin or candidates]
        top = max(scored, key=lambda s: (-len(_families(s[2]) ^ _families(wanted)), s), default=(0.0, 0, None))
        return top[2] if kin or top[0] >= SAME_AREA else None


def _families(area: str) -> set[int]:
    """The judgements an area name is of, whatever its framework calls it (``FAMILIES``)."""
    name = area.lower()
    return {i for i, family in enumerate(FAMILIES) if any(phrase in name for phrase in family)}


def area_key(meta: ReportMeta, area: str | None, areas: AreaNames) -> str | None:
    """The report's own name for a judgement area (None for the overall grade, or when it has no such area)."""
    if area is None or area in meta.areas:
        return area
    return areas.closest(area, meta.areas) or areas.best(area, among=meta.areas)  # another framework's name


def other_area(rest: str, previous: str, areas: AreaNames) -> str | None:
    """The ``previous`` question with the judgement area ``rest`` names in place of the one it named ("which CRCs
    were rated inadequate for assessment?" "and for planning?"); None when either names none, or both the same."""
    rated = GRADE_ASKED.search(previous)  # (no grade asked before, no area: "who was the lead inspector?" names none)
    new, old = areas.best(rest), areas.best(previous) if rated else None
    if new and not old and rated:  # ("what was X's overall grade?" "what about
        wanted = _area_said(rest)  # for care leavers?": its grade for care leavers)
        text = previous[:rated.end()] + f" for {wanted}" + previous[rated.end():]
        return re.sub(r"\boverall\s+", "", text, count=1, flags=re.I)
    tokens = previous.split()
    at = [i for i, t in enumerate(tokens) if (w := words(t)) and old and stem(w[0]) in stems(old) - STOPWORDS]
    if not new or not old or new == old or not at:
        return None
    wanted = _area_said(rest)
    tokens[at[0]] = wanted + re.sub(r"^[\w'’-]+", "", tokens[at[0]])  # its punctuation stays ("assessment?")
    return " ".join(t for i, t in enumerate(tokens) if i not in at[1:])


def _area_said(rest: str) -> str:
    rest = re.sub(r"\s+there\W*$", "", rest, flags=re.I)  # ("for care leavers there?": there, the body asked)
    return re.sub(r"^\s*(and\s+)?(for|in|on|about)\s+", "", rest, flags=re.I).strip(" ?")
