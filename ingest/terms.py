"""Index terms, and a report's term counts computed once at ingest and stored with it.

An index term is what Lucene and bm25s make of a word: a lower-case run of two or more word characters, not
one of Lucene's 33 English stopwords, cut by the Snowball English stemmer; and an abbreviation joined by "&"
("B&B", "A&E"), which those tokenisers cut into letters and lose. The service ranks by BM25 over
these counts; storing them per report (over the report's own term list) lets a replica load them instead of
tokenising every report again at start: at 431 Ofsted reports that was 85% of the service's start time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from ingest.metadata_text import squash
from ingest.models import Chunk

TOKEN = re.compile(r"(?u)\b\w+&\w+\b|\b\w\w+\b")  # ("B&B", "A&E": one term, not "b" and "bs")
INDEX_STOPWORDS = frozenset("""a an and are as at be but by for if in into is it no not of on or such that the their then
there these they this to was will with""".split())  # Lucene's English stopwords
TERMS_VERSION = 4  # raise when ``terms`` or the blob's layout changes: older counts are recomputed at load


@lru_cache(maxsize=1)
def stemmer():  # PyStemmer is a C extension: quick to load, but only loaded when first needed
    import Stemmer

    return Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """The index terms of ``text`` in order (repeats kept)."""
    words = [w for w in TOKEN.findall(text.lower()) if w not in INDEX_STOPWORDS]
    return stemmer().stemWords([w.removesuffix("s") if "&" in w else w for w in words])  # ("B&Bs": "b&b")


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
        sentences, chunks = count_terms(sentence_texts, ids), count_terms(chunk_texts, ids)
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
        """A version number, the parts' byte lengths, then the parts (raw arrays: read back without parsing)."""
        parts = [np.frombuffer("\n".join(self.vocabulary).encode(), np.uint8), self.quote_keys.astype(np.int64)]
        for matrix in (self.sentences, self.chunks):
            parts += [matrix.data.astype(np.float32), matrix.indices.astype(np.int32), matrix.indptr.astype(np.int32)]
        header = np.array([TERMS_VERSION, len(parts), *(p.nbytes for p in parts)], np.int64)
        return header.tobytes() + b"".join(p.tobytes() for p in parts)

    @classmethod
    def from_blob(cls, blob: bytes | None) -> TermCounts | None:
        """The stored counts, or None when there are none or another version of the tokeniser made them."""
        if not blob or len(blob) < 16:
            return None
        version, count = np.frombuffer(blob, np.int64, 2)
        if version != TERMS_VERSION or count != len(PARTS):
            return None
        sizes = np.frombuffer(blob, np.int64, count, offset=16)
        starts = 16 + 8 * int(count) + np.concatenate([[0], np.cumsum(sizes)[:-1]])
        arrays = [np.frombuffer(blob, dtype, int(size) // np.dtype(dtype).itemsize, int(start))
                  for dtype, size, start in zip(PARTS, sizes, starts)]
        text = arrays[0].tobytes().decode()
        vocabulary = text.split("\n") if text else []
        matrix = lambda a: sparse.csr_matrix(tuple(a), shape=(len(a[2]) - 1, len(vocabulary)))  # noqa: E731
        return cls(vocabulary, matrix(arrays[2:5]), matrix(arrays[5:8]), arrays[1].copy())  # not a view: the
        # blob is freed once the service has renumbered the counts


PARTS = (np.uint8, np.int64, np.float32, np.int32, np.int32, np.float32, np.int32, np.int32)


def quote_key(text: str) -> int:
    """The same for two texts that differ only in whitespace; the same in every process."""
    digest = hashlib.blake2b(squash(text).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def count_terms(texts: list[str], ids: dict[str, int], grow: bool = True) -> sparse.csr_matrix:
    """(texts x len(ids)) term counts with ``ids`` as the columns; new terms are added to ``ids`` (or, without
    ``grow``, left out)."""
    rows, cols = [], []
    for row, text in enumerate(texts):
        for term in terms(text):
            column = ids.setdefault(term, len(ids)) if grow else ids.get(term)
            if column is not None:
                rows.append(row)
                cols.append(column)
    matrix = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(texts), len(ids)))
    matrix.sum_duplicates()
    return matrix
