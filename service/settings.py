"""Service settings in one place (environment variables prefixed ``INSPECT_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.settings import IndexSettings


class LLMSettings(BaseSettings):
    """Optional LLM prose over the verified evidence (any OpenAI-compatible endpoint). Off by default."""

    model_config = SettingsConfigDict(env_prefix="INSPECT_LLM_", extra="forbid")

    base_url: str | None = Field(None, description="e.g. http://127.0.0.1:11434/v1 (Ollama); unset = no LLM")
    model: str = Field("llama3.1", description="model name at that endpoint")
    api_key: str = Field("not-needed", description="key for hosted APIs")
    timeout_s: float = Field(30.0, gt=0)


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INSPECT_", extra="ignore")

    index: IndexSettings = Field(default_factory=IndexSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    cors_origins: list[str] = Field(default_factory=list, description="origins allowed to call the API (widget)")
    max_question_chars: int = Field(1000, ge=10)
    max_k: int = Field(50, ge=1)
    request_timeout_s: float = Field(60.0, gt=0, description="longer than the LLM timeout")
    session_turns: int = Field(10, ge=1, description="turns of a conversation kept as context")
    index_poll_s: float = Field(1.0, gt=0, description="how often a running service checks the index for changes "
                                                       "made by ingest (besides once per request)")
    heap_arenas: int = Field(2, ge=0, description="C heaps the service's threads share (glibc's M_ARENA_MAX; "
                             "0 = the C library's default, eight per core): fewer hold less memory after a burst "
                             "of requests and serve fewer at once (README, Scaling out)")
