"""The opened index as the service sees it: catalog, vectors and the reports table, built once per process."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.catalog import Catalog
from ingest.embedding import MiniLMEmbeddings
from ingest.models import ReportMeta
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from service.lexical import LexicalIndex
from service.names import shared_aliases


@dataclass
class Library:
    settings: IndexSettings
    catalog: Catalog
    store: VectorStore
    embeddings: MiniLMEmbeddings
    reports: dict[str, ReportMeta] = field(default_factory=dict)
    lexical: LexicalIndex | None = None

    @classmethod
    def open(cls, settings: IndexSettings, embeddings: MiniLMEmbeddings | None = None) -> Library:
        catalog = Catalog(settings.catalog_path)
        catalog.ensure_fingerprint(settings.fingerprint())
        embeddings = embeddings or MiniLMEmbeddings.from_settings(settings)
        library = cls(settings, catalog, VectorStore(settings, embeddings), embeddings)
        library.refresh()
        return library

    def refresh(self) -> None:
        """Re-read the reports table and rebuild the BM25 replica; call after an ingest into a running
        service's index."""
        self.reports = {meta.report_id: meta for meta in shared_aliases(self.catalog.reports())}
        self.lexical = LexicalIndex(self.catalog)

    def counts(self) -> tuple[int, int]:
        return self.catalog.counts()
