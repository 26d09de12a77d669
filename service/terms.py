"""Words as search terms, and BM25 over term-count matrices.

Index terms are ``ingest.terms``'s (measured on SciFact: 0.674 nDCG@10 for BM25 over chunks, against 0.655
with the answerer's looser ``stem``); ``Vocabulary`` gives them this process's column numbers.

``stem`` is the answerer's comparison key for single words: Snowball, then a few derivational endings folded
("leadership" -> "leader" -> "lead", "owner" -> "own") and a handful of irregular forms sharing one key ("led"
-> "lead"), so a question's framing and cue words are recognised however they are inflected.

BM25 is computed over any set of rows of a (documents x terms) count matrix, with the idf of those rows: the
whole index for search, one report (or the reports in scope) when answering ranks sentences, where a word that
every sentence of the report uses ("Thames Valley") says little.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np
from scipy import sparse

from ingest.terms import INDEX_STOPWORDS, TOKEN, TermCounts, count_terms, stemmer, terms

STOPWORDS = frozenset("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own
she should so some such than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yes say said tell
whose list name named many much per across""".split())
VERB_FORMS = {"led": "lead", "held": "hold", "took": "take", "taken": "take", "made": "make", "gave": "give",
              "given": "give", "ran": "run", "began": "begin", "begun": "begin", "found": "find", "told": "tell",
              "rose": "rise", "fell": "fall"}  # irregular forms of verbs, which the stemmer keeps apart
IRREGULAR = {**VERB_FORMS, "unchang": "same", "better": "improv", "gain": "improv", "strengthen": "improv",
             "women'": "women", "woman": "women"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The comparison key of one lower-case word."""
    word = word.lower().strip("'’-").replace("’", "'")
    base = stemmer().stemWord(word)
    if base.endswith("ship") and len(base) > 7:
        base = base[:-4]
    if base.endswith("er") and len(base) >= 5:
        base = base[:-2]
    return IRREGULAR.get(word, IRREGULAR.get(base, base))


def holder(term: str) -> str | None:
    """The holder of a state or office a "-ship" term names ("leadership": "leader", "ownership": "owner"),
    which the stemmer keeps apart; a sentence about the leaders speaks to a question about the leadership (not
    the other way round: "partners" are not always a "partnership")."""
    return term[:-4] if term.endswith("ship") and len(term) >= 9 else None


def kin_terms(term: str) -> list[str]:
    """The terms a sentence may use for ``term``: its ``holder`` and the irregular forms of the verb it is
    ("leadership": "leader", "led"; "run": "ran")."""
    key = stem(term)
    return [*filter(None, [holder(term)]), *(form for form, lemma in VERB_FORMS.items() if lemma == key)]


class Vocabulary:
    """Term -> column number; grows as reports are read, never shrinks (a removed report's rare words keep
    their column, with no counts)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.ids)

    def counts(self, texts: list[str], grow: bool = True) -> sparse.csr_matrix:
        """(len(texts) x vocabulary) term counts; new terms get new columns (or, without ``grow``, are left out)."""
        with self._lock:
            return count_terms(texts, self.ids, grow)

    def adopt(self, stored: TermCounts) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """A report's stored counts (over its own term list) renumbered to this vocabulary's columns:
        (sentence counts, chunk counts), the same matrices ``counts`` would make from the texts."""
        with self._lock:
            columns = np.array([self.ids.setdefault(t, len(self.ids)) for t in stored.vocabulary], dtype=np.int32)
            width = len(self.ids)

        def renumbered(local: sparse.csr_matrix) -> sparse.csr_matrix:
            matrix = sparse.csr_matrix((local.data.copy(), columns[local.indices] if len(columns) else local.indices,
                                        local.indptr), shape=(local.shape[0], width))
            matrix.has_sorted_indices = False
            matrix.sort_indices()
            return matrix

        return renumbered(stored.sentences), renumbered(stored.chunks)

    def query(self, text: str, width: int | None = None) -> list[int]:
        """Columns of the text's terms that the index holds (repeats dropped, order kept); with ``width``, only
        columns below it (a matrix built before later terms were added has no column for them)."""
        return [group[0] for group in self.groups(text, width)]

    def groups(self, text: str, width: int | None = None) -> list[list[int]]:
        """Per term of the text that the index holds (as ``query``), its column and its ``holder``'s when the
        index holds that too, all below ``width``."""
        limit = len(self.ids) if width is None else width
        seen = {t: i for t in terms(text) if (i := self.ids.get(t)) is not None and i < limit}
        joined = self._compounds(text, limit)
        kin = {t: [self.ids.get(k, limit) for k in kin_terms(t)] + joined.get(t, []) for t in seen}
        return [[column, *dict.fromkeys(c for c in kin[t] if c < limit and c != column)] for t, column in seen.items()]

    def _compounds(self, text: str, limit: int) -> dict[str, list[int]]:
        """Per term, the column of the word it makes written together with the next or last word ("mocking bird":
        "mockingbird"; "case loads": "caseloads"), when the index holds that word."""
        words = [w for w in TOKEN.findall(text.lower()) if w not in INDEX_STOPWORDS]
        out: dict[str, list[int]] = {}
        for first, second in zip(words, words[1:]):  # (a pair may make a stopword: "wi th")
            if (column := self.ids.get("".join(terms(first + second)), limit)) < limit:
                for word in (first, second):
                    out.setdefault(terms(word)[0], []).append(column)
        return out

    def unknown(self, text: str, width: int | None = None) -> int:
        """How many of the text's terms the index (its first ``width`` columns) has never seen."""
        limit = len(self.ids) if width is None else width
        return len({t for t in terms(text) if self.ids.get(t, limit) >= limit})


def stack(blocks: list[sparse.csr_matrix], width: int) -> sparse.csc_matrix:
    """One (documents x width) column-major matrix from per-report blocks built at different vocabulary sizes
    (the blocks are widened in place): stacked row-major first, which copies each block once, then turned."""
    if not blocks:
        return sparse.csc_matrix((0, width), dtype=np.float32)
    for block in blocks:
        block.resize((block.shape[0], width))
    return sparse.vstack(blocks, format="csr").tocsc()


def bm25(counts: sparse.csc_matrix, lengths: np.ndarray, columns: list[int], rows: np.ndarray | None = None,
         k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    """BM25 (Lucene's idf) of every document in ``rows`` (all when None) for the query terms ``columns``,
    with document frequencies and the average length taken over those rows."""
    if not columns:
        return np.zeros(counts.shape[0] if rows is None else len(rows), dtype=np.float32)
    sub = counts[:, columns]
    if rows is not None:
        sub = sub.tocsr()[rows]
    return bm25_matrix(sub, lengths if rows is None else lengths[rows], k1, b)[0]


def bm25_matrix(sub: sparse.spmatrix, lengths: np.ndarray, k1: float = 1.5,
                b: float = 0.75) -> tuple[np.ndarray, np.ndarray]:
    """(BM25 of each row, idf of each column) for a (documents x query terms) count matrix and the documents'
    lengths; document frequencies and the average length are those of these documents."""
    n, width = sub.shape
    scores = np.zeros(n, dtype=np.float32)
    coo = sub.tocoo()
    df = np.bincount(coo.col, minlength=width).astype(np.float32)
    idf = np.log1p((n - df + 0.5) / (df + 0.5)) if n else np.zeros(width, np.float32)
    if n == 0 or width == 0:
        return scores, idf
    average = float(lengths.mean()) or 1.0
    tf = coo.data
    weight = idf[coo.col] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[coo.row] / average))
    np.add.at(scores, coo.row, weight)
    return scores, idf


def covered(present: np.ndarray, idf: np.ndarray, unknown: int) -> np.ndarray:
    """Per row, the share of the terms' weight (idf) it holds; a term no report uses weighs as the rarest
    could, missing from every row. A question with no topic terms ("how did Reading do in 2019") misses none."""
    unseen = float(np.log1p((len(present) + 0.5) / 0.5)) * unknown
    total = float(idf.sum()) + unseen or 1.0
    return (present * idf).sum(axis=1) / total if len(idf) else np.full(len(present), float(not unseen))
