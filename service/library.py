"""The opened index as the service sees it at one generation: catalog, vectors, the reports table and the
BM25 replica, read in one snapshot so they agree with each other."""

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
    generation: int = 0

    @classmethod
    def open(cls, settings: IndexSettings, embeddings: MiniLMEmbeddings | None = None) -> Library:
        catalog = Catalog(settings.catalog_path)
        catalog.ensure_fingerprint(settings.fingerprint())
        embeddings = embeddings or MiniLMEmbeddings.from_settings(settings)
        return cls(settings, catalog, VectorStore(settings, embeddings), embeddings).reread()

    def reread(self) -> Library:
        """The same index as it is now: the reports table and the BM25 replica of one catalog snapshot."""
        with self.catalog.snapshot() as generation:
            reports = {meta.report_id: meta for meta in shared_aliases(self.catalog.reports())}
            lexical = LexicalIndex(self.catalog)
        return Library(self.settings, self.catalog, self.store, self.embeddings, reports, lexical, generation)

    def counts(self) -> tuple[int, int]:
        """(reports, chunks) of this snapshot."""
        return len(self.reports), len(self.lexical.chunk_ids) if self.lexical else 0
