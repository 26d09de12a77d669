"""The retriever the service runs, on a BEIR dataset: every document written as a text file, ingested by the
project's own pipeline into an index (cached under BEIR_CACHE by dataset and index fingerprint), and searched
with ``service.retrieval.HybridSearch`` exactly as ``GET /search`` does; a document scores its best chunk."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from eval import beir_index
from eval.beir_index import Corpus

CHUNKS_PER_QUERY = 300   # enough chunks for 100 documents (a SciFact abstract is one or two chunks)


def index_for(corpus: Corpus) -> Path:
    """The project index of ``corpus`` (built on first use; later runs reuse it)."""
    from ingest.pipeline import Ingestor
    from ingest.settings import IndexSettings

    digest = hashlib.sha1(json.dumps([sorted(corpus), IndexSettings().fingerprint()]).encode()).hexdigest()[:12]
    index = beir_index.CACHE_DIR / f"service-index-{digest}"
    if (index / "done").exists():
        return index
    with tempfile.TemporaryDirectory() as folder:
        for docid, doc in corpus.items():
            text = "\n\n".join(part for part in (doc.get("title", ""), doc.get("text", "")) if part)
            (Path(folder) / f"{docid}.txt").write_text(text or ".", encoding="utf-8")
        summary = Ingestor(IndexSettings(index_dir=index)).run([Path(folder)])
    if summary.count("failed"):
        raise RuntimeError(f"{summary.count('failed')} documents failed to ingest")
    (index / "done").write_text("ok")
    return index


def service(corpus: Corpus, queries: dict[str, str]) -> dict[str, dict[str, float]]:
    """Top-100 documents per query from the service's hybrid search (each document's best chunk score)."""
    from ingest.settings import IndexSettings
    from service.library import Library
    from service.retrieval import HybridSearch

    library = Library.open(IndexSettings(index_dir=index_for(corpus)))
    docid_of = {rid: Path(path).stem for path, rid in library.catalog.files().items()}
    search = HybridSearch(library)
    run: dict[str, dict[str, float]] = {}
    for qid, text in queries.items():
        scores: dict[str, float] = {}
        for hit in search.search(text, k=CHUNKS_PER_QUERY):
            docid = docid_of[hit.chunk.report_id]
            scores[docid] = max(scores.get(docid, float("-inf")), hit.score)
        run[qid] = dict(sorted(scores.items(), key=lambda kv: -kv[1])[:100])
    return run
