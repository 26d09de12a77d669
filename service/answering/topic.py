"""What a question is about, as weights: each topic word's stem key weighted by how rare it is in the index
(all word forms the full-text index holds for that key counted together), and how well a sentence covers it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ingest.catalog import Catalog
from service.answering.text import STOPWORDS, stem, words
from service.answering.verdict import cue_class, sentence_polarity


RELATED = {stem(a): stem(b) for a, b in (("caseload", "cases"), ("workload", "work"))}  # "an average of 58 cases"
RELATED_CREDIT = 0.5  # a related word says less than the word itself: alone it never puts a sentence on topic


@dataclass
class Topic:
    """What a question is about: stems weighted by rarity; ``required`` stems must all be present."""

    weights: dict[str, float] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    classes: dict[str, str] = field(default_factory=dict)   # cue key -> verdict it stands for

    def matched(self, text: str) -> float:
        """The topic weight ``text`` covers (how much it says about the question, not just what share)."""
        return self.score(text) * sum(self.weights.values())

    def score(self, text: str) -> float:
        """Share of the topic's weight that ``text`` covers (0 when a required word is missing). A cue word
        ("praised") is covered by any cue of its kind ("a strength"), negation considered."""
        present = {stem(w) for w in words(text)}
        if not self.weights or not self.required <= present:
            return 0.0
        kinds = sentence_polarity(text).kinds() if self.classes else set()
        covered = sum(w if s in present or self.classes.get(s) in kinds else w * RELATED_CREDIT
                      if RELATED.get(s) in present else 0.0 for s, w in self.weights.items())
        return covered / sum(self.weights.values())


def phrase_score(terms: list[str], text: str, window: int = 2) -> float:
    """Share of the question's neighbouring word pairs that also stand close together, in order, in ``text``
    ("first ... rated Good" beats a sentence where "first" and "Good" are far apart)."""
    keys = [stem(t) for t in terms]
    pairs = list(zip(keys, keys[1:]))
    if not pairs:
        return 0.0
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(content_words_in_order(text)):
        positions.setdefault(stem(word), []).append(i)
    close = sum(1 for a, b in pairs
                if any(0 < j - i <= window for i in positions.get(a, []) for j in positions.get(b, [])))
    return close / len(pairs)


def content_words_in_order(text: str) -> list[str]:
    return [w for w in words(text) if len(w) > 1 and w not in STOPWORDS]


class TermStats:
    """How rare a word is in the index, counted over every word form the full-text index holds that shares
    its stem key ("led", "leader", "leadership" all count for "lead"); cached per index state."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._state: tuple[int, int] | None = None
        self._forms: dict[str, list[str]] = {}
        self._df: dict[str, int] = {}

    def _refresh(self) -> None:
        state = self.catalog.counts()
        if state == self._state:
            return
        db = self.catalog.db
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, 'chunks_fts', 'row')")
        forms: dict[str, list[str]] = {}
        for (term,) in db.execute("SELECT term FROM temp.chunks_vocab"):
            for key in {stem(term), term}:  # the index's terms are Porter stems; ours may cut them further
                forms.setdefault(key, []).append(term)
        self._state, self._forms, self._df = state, forms, {}

    def forms(self, key: str) -> list[str]:
        """The index's word forms (as the full-text index stores them) with this stem key."""
        self._refresh()
        return self._forms.get(key, [])

    def match(self, keys: list[str]) -> str | None:
        """An FTS5 query for any form of any of the keys; None when the index has none of them."""
        forms = sorted({f for key in keys for f in self.forms(key)})
        return " OR ".join('"' + f.replace('"', "") + '"' for f in forms) or None

    def df(self, key: str) -> int:
        """Chunks holding some form of ``key``."""
        self._refresh()
        if key not in self._df:
            query = self.match([key])
            self._df[key] = 0 if query is None else int(self.catalog.db.execute(
                "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (query,)).fetchone()[0])
        return self._df[key]

    def report_share(self, key: str) -> float:
        """Share of the index's reports that hold some form of ``key``."""
        self._refresh()
        query = self.match([key])
        if query is None or not self._state or not self._state[0]:
            return 0.0
        row = self.catalog.db.execute("SELECT count(DISTINCT report_id) FROM chunks_fts WHERE chunks_fts MATCH ?",
                                      (query,)).fetchone()
        return int(row[0]) / self._state[0]

    def idf(self, key: str) -> float:
        df = self.df(key)  # refreshes the counts first
        chunks = self._state[1] if self._state else 0
        return math.log((chunks + 1) / (df + 0.5))


def make_topic(terms: list[str], stats: TermStats, required: set[str], keep_unseen: bool) -> Topic:
    """A Topic from question words; words found nowhere in the index are dropped unless ``keep_unseen``."""
    weights: dict[str, float] = {}
    classes: dict[str, str] = {}
    for word in terms:
        key = stem(word)
        if keep_unseen or stats.df(key):
            weights[key] = stats.idf(key)
            if kind := cue_class(word):
                classes[key] = kind
    return Topic(weights, {r for r in required if r in weights}, terms, classes)
