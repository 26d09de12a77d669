"""The vector side of the index: a Chroma collection, embedded (PersistentClient) or on a `chroma run` server.

The collection's name is derived from the index fingerprint, and it is created with our own embedding
function, so Chroma never falls back on its default model (which downloads on first use).

On a server, which many indexes may share, the name also carries the index's own random id (the file
``index-id`` in the index folder): two indexes never write into, or reconcile away, each other's vectors,
and every process that opens the same index folder finds the same collection.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlparse

from pathlib import Path

from ingest.settings import IndexSettings, chroma_path

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

Metadata = dict[str, str | int | float | bool]


def make_client(settings: IndexSettings) -> ClientAPI:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                   ssl=url.scheme == "https", settings=chroma_settings)
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(chroma_path(settings.index_dir)), settings=chroma_settings)


def index_id(index_dir: Path) -> str:
    """The index folder's random id, created on first use (atomically: concurrent processes agree on one)."""
    path = index_dir / "index-id"
    if not path.exists():
        index_dir.mkdir(parents=True, exist_ok=True)
        tmp = index_dir / f".index-id.{uuid.uuid4().hex}"
        tmp.write_text(uuid.uuid4().hex[:12])
        try:
            os.link(tmp, path)  # fails if another process got there first; then its id wins
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()


def collection_name(settings: IndexSettings) -> str:
    digest = hashlib.sha1(json.dumps(settings.fingerprint(), sort_keys=True).encode()).hexdigest()[:12]
    if settings.chroma_url:  # a server holds many indexes: keep this one's vectors apart
        return f"chunks-{digest}-{index_id(settings.index_dir)}"
    return f"chunks-{digest}"


class TextEmbedder(Protocol):
    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


def _embedding_function(embeddings: TextEmbedder | None) -> Any:
    from chromadb.api.types import Documents, EmbeddingFunction

    class ProjectEmbeddings(EmbeddingFunction[Documents]):
        """Our model behind Chroma's interface (used only if Chroma is asked to embed text itself)."""

        def __init__(self) -> None:
            pass

        def __call__(self, input: Documents) -> list[list[float]]:  # noqa: A002 (Chroma's name)
            if embeddings is None:
                raise RuntimeError("this store was opened without an embedding model")
            return embeddings.embed_documents(list(input))

        @staticmethod
        def name() -> str:
            return "inspection-reports-minilm"

        def get_config(self) -> dict[str, Any]:
            return {}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> "EmbeddingFunction[Documents]":
            return ProjectEmbeddings()

    return ProjectEmbeddings()


class VectorStore:
    """Writes and deletes chunk vectors; dense search is done through LangChain's Chroma (service)."""

    def __init__(self, settings: IndexSettings, embeddings: TextEmbedder | None = None,
                 client: ClientAPI | None = None) -> None:
        self.settings = settings
        self.client = client or make_client(settings)
        self.name = collection_name(settings)
        self._batch_size: int | None = None
        self.embedding_function = _embedding_function(embeddings)
        self.collection: Collection = self.client.get_or_create_collection(
            self.name, embedding_function=self.embedding_function, metadata={"hnsw:space": "cosine"})

    @property
    def batch_size(self) -> int:
        """Records per write: the setting, never more than the client accepts (Chroma refuses > 5461)."""
        if self._batch_size is None:
            self._batch_size = max(1, min(self.settings.store_batch_size, self.client.get_max_batch_size()))
        return self._batch_size

    def upsert(self, ids: Sequence[str], vectors: Any, texts: Sequence[str],
               metadatas: Sequence[Metadata]) -> None:
        step = self.batch_size
        for i in range(0, len(ids), step):
            self.collection.upsert(ids=list(ids[i:i + step]), embeddings=vectors[i:i + step],
                                   documents=list(texts[i:i + step]), metadatas=list(metadatas[i:i + step]))

    def delete_ids(self, ids: Sequence[str]) -> None:
        step = self.batch_size
        for i in range(0, len(ids), step):
            self.collection.delete(ids=list(ids[i:i + step]))

    def ids(self) -> set[str]:
        found: set[str] = set()
        offset, step = 0, 5000
        while True:
            batch = self.collection.get(include=[], limit=step, offset=offset)["ids"]
            found.update(batch)
            if len(batch) < step:
                return found
            offset += step

    def count(self) -> int:
        return self.collection.count()
