"""Index terms, and a report's term counts computed once at ingest and stored with it.

An index term is what Lucene and bm25s make of a word: a lower-case run of two or more word characters, not
one of Lucene's 33 English stopwords, cut by the Snowball English stemmer. The service ranks by BM25 over
these counts; storing them per report (over the report's own term list) lets a replica load them instead of
tokenising every report again at start: at 431 Ofsted reports that was 85% of the service's start time.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from ingest.models import Chunk

TOKEN = re.compile(r"(?u)\b\w\w+\b")
INDEX_STOPWORDS = frozenset("""a an and are as at be but by for if in into is it no not of on or such that the their then
there these they this to was will with""".split())  # Lucene's English stopwords
TERMS_VERSION = 2  # raise when ``terms`` changes: stored counts of another version are recomputed at load


@lru_cache(maxsize=1)
def stemmer():  # PyStemmer is a C extension: quick to load, but only loaded when first needed
    import Stemmer

    return Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """The index terms of ``text`` in order (repeats kept)."""
    return stemmer().stemWords([w for w in TOKEN.findall(text.lower()) if w not in INDEX_STOPWORDS])


@dataclass
class TermCounts:
    """One report's term counts: ``sentences`` and ``chunks`` are (texts x len(vocabulary)) matrices whose
    columns are positions in the report's own ``vocabulary``; ``quote_keys`` is a 64-bit hash of each sentence
    as quoted (whitespace squashed), so sentences that many reports print word for word are found without
    reading them again."""

    vocabulary: list[str]
    sentences: sparse.csr_matrix
    chunks: sparse.csr_matrix
    quote_keys: np.ndarray

    @classmethod
    def of(cls, sentence_texts: list[str], chunk_texts: list[str]) -> TermCounts:
        ids: dict[str, int] = {}
        sentences, chunks = _count(sentence_texts, ids), _count(chunk_texts, ids)
        width = len(ids)
        sentences.resize((sentences.shape[0], width))
        return cls(list(ids), sentences, chunks, np.array([quote_key(t) for t in sentence_texts], np.int64))

    @classmethod
    def of_report(cls, pages: dict[int, str], spans: Iterable[Sequence[int]], chunks: Iterable[Chunk]) -> TermCounts:
        """The counts of a report's sentences (``spans``: page, start, end, ... rows) and of its chunks, each
        chunk with its section heading."""
        return cls.of([pages[int(p)][int(s):int(e)] for p, s, e, *_ in spans],
                      [f"{c.section or ''}\n{c.text}" for c in chunks])

    def blob(self) -> bytes:
        out = io.BytesIO()
        np.savez(out, version=TERMS_VERSION, vocabulary=np.array("\n".join(self.vocabulary)), keys=self.quote_keys,
                 **{f"{name}_{part}": getattr(getattr(self, name), part)
                    for name in ("sentences", "chunks") for part in ("data", "indices", "indptr")})
        return out.getvalue()

    @classmethod
    def from_blob(cls, blob: bytes | None) -> TermCounts | None:
        """The stored counts, or None when there are none or another tokeniser made them."""
        if not blob:
            return None
        arrays = np.load(io.BytesIO(bytes(blob)))
        if int(arrays["version"]) != TERMS_VERSION:
            return None
        vocabulary = str(arrays["vocabulary"]).split("\n") if str(arrays["vocabulary"]) else []
        matrix = lambda name: sparse.csr_matrix(  # noqa: E731
            tuple(arrays[f"{name}_{part}"] for part in ("data", "indices", "indptr")),
            shape=(len(arrays[f"{name}_indptr"]) - 1, len(vocabulary)))
        return cls(vocabulary, matrix("sentences"), matrix("chunks"), arrays["keys"])


def quote_key(text: str) -> int:
    """The same for two texts that differ only in whitespace; the same in every process."""
    digest = hashlib.blake2b(" ".join(text.split()).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _count(texts: list[str], ids: dict[str, int]) -> sparse.csr_matrix:
    """(texts x len(ids)) term counts; new terms are added to ``ids``."""
    rows, cols = [], []
    for row, text in enumerate(texts):
        for term in terms(text):
            rows.append(row)
            cols.append(ids.setdefault(term, len(ids)))
    matrix = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(texts), len(ids)))
    matrix.sum_duplicates()
    return matrix
