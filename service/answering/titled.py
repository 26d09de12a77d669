"""Names a question writes in lower case that the reports write as names: "the no wrong door thing" is No Wrong
Door, "a family drug and alcohol court" the Family Drug and Alcohol Court, "caring dads" Caring Dads. A list
asked about one is of the reports whose sentences hold it, not of every report with a sentence on courts.

A phrase is a name when the reports write it, most times they write it, with its words capitalised; read from
the reports in scope, not from any list of names."""

from __future__ import annotations

import re

import numpy as np

from service.corpus import Corpus
from service.terms import STOPWORDS

LONGEST = 6         # words in a name
LEAST = 2           # sentences that must write it
TITLED_SHARE = 0.4  # of the times they write it, capitalised (two in five)
READ = 300          # sentences read, at most, per phrase
NOT_FIRST = {"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "with", "by", "at", "from", "their", "its"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")


def titled_phrases(corpus: Corpus, question: str, rows: np.ndarray) -> list[str]:
    """The names (as the reports capitalise them) that the question writes in lower case, longest first."""
    tokens = TOKEN.findall(question)
    held: dict[str, np.ndarray | None] = {}  # each word's sentences, read once
    found, i = [], 0
    while i < len(tokens):
        for n in range(min(LONGEST, len(tokens) - i), 1, -1):
            if (name := _as_name(corpus, tokens[i:i + n], rows, held, i == 0)) is not None:
                found.append(name)
                i += n
                break
        else:
            i += 1
    return found


def _as_name(corpus: Corpus, words: list[str], rows: np.ndarray, held: dict[str, np.ndarray | None],
             opening: bool = False) -> str | None:
    capitalised = words[0 if not opening else 1:]  # (the question's first word is capitalised as a sentence's)
    if words[0].lower() in NOT_FIRST or words[-1].lower() in STOPWORDS or any(w[0].isupper() for w in capitalised) \
            or sum(w.lower() not in STOPWORDS for w in words) < 2:
        return None  # (a name the question capitalises is read as one already: "the Mockingbird model" is
        # Mockingbird, not only the reports' "Mockingbird Model")
    every = [_holding(corpus, w.lower(), rows, held) for w in words if w.lower() not in STOPWORDS]
    if any(h is None for h in every):
        return None  # (a word no report uses)
    holding = rows[np.logical_and.reduce(every)]
    if len(holding) < LEAST:
        return None
    pattern = re.compile(r"\b" + r"[\s-]+".join(map(re.escape, words)) + r"\b", re.I)
    written = [m.group(0) for row in holding[:READ] for m in pattern.finditer(corpus.sentence(int(row))[4])]
    titled = [w for w in written if all(part[0].isupper() for part in re.split(r"[\s-]+", w)
                                        if part.lower() not in STOPWORDS)]
    if len(written) < LEAST or len(titled) < TITLED_SHARE * len(written):
        return None
    return max(set(titled), key=titled.count)


def _holding(corpus: Corpus, word: str, rows: np.ndarray, held: dict[str, np.ndarray | None]) -> np.ndarray | None:
    """Which of ``rows`` hold the word's term (None when no report uses it), read once per question."""
    if word not in held:
        columns = corpus.columns(word)
        held[word] = corpus.holding(columns, rows) > 0 if columns and not corpus.unknown(word) else None
    return held[word]
