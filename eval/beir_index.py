"""Indexes for ``eval.beir``: BM25 (bm25s) and all-MiniLM-L6-v2 embeddings of whole documents, sentence-window
passages and single sentences, with an on-disk embedding cache (env BEIR_CACHE, default /tmp/scifact_cache).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

for _k, _v in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
}.items():
    os.environ.setdefault(_k, _v)

Corpus = dict[str, dict[str, str]]  # docid -> {"title": ..., "text": ...}
CACHE_DIR = Path(os.environ.get("BEIR_CACHE", "/tmp/scifact_cache"))


# ----------------------------------------------------------------------------------------------------------------
# BM25 (bm25s index, scored through its CSC matrix)
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class BM25Index:
    doc_ids: list[str]
    matrix: "object"  # scipy.sparse.csc_matrix, shape (n_docs, vocab): per-(doc, term) BM25 contribution
    vocab: dict[str, int]
    stemmer: "object"

    def score(self, text: str) -> np.ndarray:
        """BM25 score of every document; repeated query terms count repeatedly, as in bm25s."""
        import bm25s

        toks = bm25s.tokenize([text], stopwords="en", stemmer=self.stemmer.stemWords, return_ids=False,
                              show_progress=False)[0]
        weights = Counter(self.vocab[t] for t in toks if t in self.vocab)
        if not weights:
            return np.zeros(len(self.doc_ids), dtype=np.float32)
        ids = np.fromiter(weights.keys(), dtype=np.int64)
        w = np.fromiter(weights.values(), dtype=np.float32)
        return np.asarray(self.matrix[:, ids] @ w).ravel()


def build_bm25(corpus: Corpus, k1: float = 1.5, b: float = 0.75) -> BM25Index:
    """bm25s (lucene variant) over title + " " + text, English stopwords, Snowball English stemmer."""
    import bm25s
    import Stemmer
    from scipy.sparse import csc_matrix

    stemmer = Stemmer.Stemmer("english")
    doc_ids = list(corpus)
    texts = [corpus[d]["title"] + " " + corpus[d]["text"] for d in doc_ids]
    tok = bm25s.tokenize(texts, stopwords="en", stemmer=stemmer.stemWords, show_progress=False)
    r = bm25s.BM25(k1=k1, b=b)
    r.index(tok, show_progress=False)
    s = r.scores
    m = csc_matrix((s["data"], s["indices"], s["indptr"]), shape=(s["num_docs"], len(s["indptr"]) - 1))
    ncols = m.shape[1]
    vocab = {t: i for t, i in r.vocab_dict.items() if i < ncols and t}  # token -> column (bm25s: same ids)
    return BM25Index(doc_ids, m, vocab, stemmer)


# ----------------------------------------------------------------------------------------------------------------
# Dense (all-MiniLM-L6-v2)
# ----------------------------------------------------------------------------------------------------------------

_MODEL = None


def get_model():
    """The project's embedder (ingest.embedding) with the backend of ``INSPECT_EMBED_BACKEND`` (default int8 ONNX),
    so the benchmark measures the vectors the product stores."""
    global _MODEL
    if _MODEL is None:
        from ingest.embedding import MiniLMEmbeddings
        from ingest.settings import IndexSettings

        _MODEL = MiniLMEmbeddings.from_settings(IndexSettings())
    return _MODEL


@functools.cache
def get_tokenizer():
    from transformers import AutoTokenizer

    from ingest.embedding import model_path

    return AutoTokenizer.from_pretrained(str(model_path()), local_files_only=True)


def embed(texts: list[str], cache: bool = True) -> np.ndarray:
    """Normalised embeddings, cached on disk keyed by the backend + exact texts."""
    model = get_model()
    key = hashlib.sha1(("\x00".join([model.backend, "256"] + texts)).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"emb_{key}.npy"
    if cache and path.exists():
        return np.load(path)
    out = model.encode(texts).astype(np.float32)
    if cache:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        np.save(path, out)
    return out


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[\"'])")


def sentences(text: str) -> list[str]:
    """Split at sentence-final punctuation followed by whitespace and an upper-case letter, digit, bracket
    or quote."""
    return [s.strip() for s in _SENT.split(text.strip()) if s.strip()]


def split_passages(text: str, tokenizer, max_tokens: int = 200, overlap_tokens: int = 64) -> list[str]:
    """Greedy sentence windows of <= max_tokens wordpiece tokens; the next window restarts at the trailing
    sentences of the previous one totalling <= overlap_tokens (always advancing by >= 1 sentence).
    A single sentence longer than max_tokens is cut into word chunks."""
    sents: list[str] = []
    for s in sentences(text):
        if len(tokenizer.tokenize(s)) <= max_tokens:
            sents.append(s)
            continue
        cur: list[str] = []
        for w in s.split():
            cur.append(w)
            if len(tokenizer.tokenize(" ".join(cur))) > max_tokens:
                cur.pop()
                if cur:
                    sents.append(" ".join(cur))
                cur = [w]
        if cur:
            sents.append(" ".join(cur))
    if not sents:
        return [""]
    lens = [len(tokenizer.tokenize(s)) for s in sents]
    passages, start = [], 0
    while True:
        end, total = start, 0
        while end < len(sents) and (end == start or total + lens[end] <= max_tokens):
            total += lens[end]
            end += 1
        passages.append(" ".join(sents[start:end]))
        if end >= len(sents):
            break
        nxt, ov = end, 0
        while nxt - 1 > start and ov + lens[nxt - 1] <= overlap_tokens:
            nxt -= 1
            ov += lens[nxt]
        start = nxt
    return passages


@dataclass
class DenseIndex:
    doc_ids: list[str]
    vectors: np.ndarray  # (n_units, dim), normalised; units of one document are consecutive rows
    starts: np.ndarray  # first row of each document

    def score(self, qvecs: np.ndarray) -> np.ndarray:
        """(n_queries, n_docs): document score = max cosine over its units."""
        return np.maximum.reduceat(qvecs @ self.vectors.T, self.starts, axis=1)


def build_dense(corpus: Corpus, mode: str = "passages", max_tokens: int = 200,
                overlap_tokens: int = 64) -> DenseIndex:
    """mode='full': one unit per document, title + " " + text (the model truncates at 256 tokens).
    mode='passages': title + " " + passage for each sentence window (split_passages).
    mode='sentences': each body sentence on its own, no title (a document with no sentence: its title)."""
    doc_ids = list(corpus)
    texts: list[str] = []
    owner: list[int] = []
    tokenizer = get_tokenizer()
    for i, d in enumerate(doc_ids):
        title, body = corpus[d]["title"], corpus[d]["text"]
        if mode == "full":
            units = [(title + " " + body).strip()]
        elif mode == "passages":
            parts = split_passages(body, tokenizer, max_tokens, overlap_tokens)
            units = [(title + " " + p).strip() for p in parts]
        elif mode == "sentences":
            units = sentences(body) or [title]
        else:
            raise ValueError(mode)
        texts.extend(units)
        owner.extend([i] * len(units))
    vecs = embed(texts)
    starts = np.searchsorted(np.array(owner), np.arange(len(doc_ids)))
    return DenseIndex(doc_ids, vecs, starts)
