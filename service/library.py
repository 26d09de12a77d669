"""The opened index as the service sees it at one generation: the reports table and the reports' text (pages,
chunks, sentences with their vectors and term counts; ``service.corpus``), read in one catalog snapshot so they agree
with each other; chunk vectors are searched in Chroma."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ingest.catalog import Catalog
from ingest.embedding import MiniLMEmbeddings
from ingest.models import Chunk, ReportMeta
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from service.corpus import Corpus
from service.memory import release_free_memory
from service.names import shared_aliases

log = logging.getLogger(__name__)


@dataclass
class Library:
    settings: IndexSettings
    catalog: Catalog
    store: VectorStore
    embeddings: MiniLMEmbeddings
    reports: dict[str, ReportMeta] = field(default_factory=dict)
    corpus: Corpus | None = None
    generation: int = 0

    @classmethod
    def open(cls, settings: IndexSettings, embeddings: MiniLMEmbeddings | None = None) -> Library:
        catalog = Catalog(settings.catalog_location)
        catalog.ensure_fingerprint(settings.fingerprint())
        embeddings = embeddings or MiniLMEmbeddings.from_settings(settings)
        store = VectorStore(settings, embeddings)
        warn_if_vectors_elsewhere(catalog, store, settings)
        return cls(settings, catalog, store, embeddings).reread()

    def reread(self) -> Library:
        """The same index as it is now, from one catalog snapshot; unchanged reports' text is reused."""
        with self.catalog.snapshot() as generation:
            reports = {meta.report_id: meta for meta in shared_aliases(self.catalog.reports())}
            corpus = Corpus.read(self.catalog, self.corpus, self.settings.index_dir)
        release_free_memory()
        return Library(self.settings, self.catalog, self.store, self.embeddings, reports, corpus, generation)

    @property
    def text(self) -> Corpus:
        assert self.corpus is not None, "open the library with Library.open"
        return self.corpus

    def page_text(self, report_id: str, page: int) -> str | None:
        """A page as this snapshot holds it (quotes are verified against it)."""
        return self.text.page_text(report_id, page)

    def chunks(self, chunk_ids: list[str]) -> dict[str, Chunk]:
        """The chunks of this snapshot among ``chunk_ids`` (others, e.g. vectors of a newer version, are left out)."""
        out = {}
        for cid in chunk_ids:
            row = self.text.chunk_row.get(cid)
            if row is not None:
                report_id, local = self.text.chunk_at(row)
                segment = self.text.segments[report_id]
                page, start, end = (int(x) for x in segment.chunk_spans[local])
                out[cid] = Chunk(chunk_id=cid, report_id=report_id, page=page, section=segment.chunk_sections[local],
                                 start=start, end=end, text=(self.page_text(report_id, page) or "")[start:end])
        return out

    def counts(self) -> tuple[int, int]:
        """(reports, chunks) of this snapshot."""
        return len(self.reports), self.text.chunk_count()


def warn_if_vectors_elsewhere(catalog: Catalog, store: VectorStore, settings: IndexSettings) -> None:
    """A catalog with chunks over a vector store with none: a replica pointed at the shared catalog but not at
    the Chroma server ingest wrote to. It still answers (sentence vectors live in the catalog), but says so."""
    chunks = catalog.counts()[1]
    if chunks and not store.count():
        log.warning("the vector store (%s) holds none of the catalog's %d chunks: /search runs on words alone; "
                    "point INSPECT_CHROMA_URL at the Chroma server that ingest wrote to",
                    settings.chroma_url or settings.index_dir / "chroma", chunks)
