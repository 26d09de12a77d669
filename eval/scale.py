"""``python -m eval scale``: a synthetic index N times larger than a built one, for benchmarks at scale.

Copy k (1 … N-1) of every report gets new ids (``<report id>~k``, ``<chunk id>~k``) and the same text, metadata,
sentence vectors and chunk vectors; written through the same ``Catalog.replace_report`` and ``VectorStore.upsert``
ingest uses, so the copies sit in SQLite or PostgreSQL and in embedded Chroma or a ``chroma run`` server exactly as
ingested reports do. Nothing is embedded again (a copy's vectors are its original's), so a 10x index of the 431
Ofsted reports takes minutes, not the hours a real ingest of 4,310 PDFs would. Re-running resumes: reports
already copied are skipped. Then ``python -m eval bench --stages queries --index TARGET`` measures it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ingest.catalog import Catalog
from ingest.models import Page
from ingest.settings import IndexSettings
from ingest.store import VectorStore

EXAMPLES = """examples:
  python -m eval scale /tmp/ofsted-bench-index /tmp/ofsted-10x --copies 10
  python -m eval scale /tmp/ofsted-bench-index /tmp/ofsted-10x-pg --copies 10 \\
      --target-catalog-url postgresql://inspect@127.0.0.1:5433/inspect
  python -m eval scale /tmp/ofsted-bench-index /tmp/ofsted-10x --catalog-only \\
      --target-catalog-url postgresql://inspect@127.0.0.1:5433/inspect    # same vectors, catalog in PostgreSQL
  python -m eval bench --stages queries --index /tmp/ofsted-10x"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m eval scale", description=__doc__.split("\n\n")[0],
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", type=Path, help="a built index folder (its catalog.sqlite and chroma/)")
    p.add_argument("target", type=Path, help="the index folder to write (created; may be resumed)")
    p.add_argument("--copies", type=int, default=10, help="the target holds this many copies of each report")
    p.add_argument("--source-catalog-url", default=None, help="the source's PostgreSQL catalog, if it has one")
    p.add_argument("--target-catalog-url", default=None, help="write the target's catalog to PostgreSQL")
    p.add_argument("--chroma-url", default=None, help="the target's vectors on a `chroma run` server")
    p.add_argument("--catalog-only", action="store_true",
                   help="write only the catalog: the target's vectors were copied before (the same index on "
                        "another catalog backend)")
    return p.parse_args(argv)


class Copier:
    """Writes every copy of one source report into the target index."""

    def __init__(self, source: IndexSettings, target: IndexSettings, vectors: bool = True) -> None:
        self.source, self.target = Catalog(source.catalog_location), Catalog(target.catalog_location)
        self.target.ensure_fingerprint(target.fingerprint())
        self.vectors = VectorStore(source).collection
        self.store = VectorStore(target)
        self.versions = self.source.versions()
        self.done = set(self.target.versions())
        self.write_vectors = vectors

    def copy(self, report_id: str, copies: int) -> int:
        """Copies of ``report_id`` written now (those already in the target are skipped)."""
        wanted = [k for k in range(copies) if name(report_id, k) not in self.done]
        if not wanted:
            return 0
        meta, path = self.source.report(report_id), self.source.source_path(report_id)
        sha = self.versions[report_id]
        pages = [Page(number=n, text=t) for n, t in sorted(self.source.pages(report_id).items())]
        chunks, block = self.source.report_chunks(report_id), self.source.sentence_block(report_id)
        stored = self.vectors.get(ids=[c.chunk_id for c in chunks], include=["embeddings", "documents", "metadatas"])
        for k in wanted:
            rid = name(report_id, k)
            copied = [c.model_copy(update={"chunk_id": name(c.chunk_id, k), "report_id": rid}) for c in chunks]
            if self.write_vectors:
                self.store.upsert([name(i, k) for i in stored["ids"]], stored["embeddings"], stored["documents"],
                                  [{**m, "report_id": rid} for m in stored["metadatas"]])
            self.target.replace_report(f"{path}#copy{k}" if k else str(path), f"{sha}~{k}" if k else sha,
                                       meta.model_copy(update={"report_id": rid}), pages, copied, block)
        return len(wanted)


def name(identifier: str, k: int) -> str:
    """The id of copy ``k`` (copy 0 keeps the original's id)."""
    return identifier if k == 0 else f"{identifier}~{k}"


def main(argv: list[str] | None = None) -> int:
    from tqdm import tqdm

    args = parse_args(argv)
    source = IndexSettings(index_dir=args.source, catalog_url=args.source_catalog_url)
    target = IndexSettings(index_dir=args.target, catalog_url=args.target_catalog_url, chroma_url=args.chroma_url)
    if not source.catalog_path.exists() and not args.source_catalog_url:
        print(f"eval scale: no index at {args.source} (build one with `python -m ingest PATH --index "
              f"{args.source}`)", file=sys.stderr)
        return 2
    copier, started, written = Copier(source, target, not args.catalog_only), time.perf_counter(), 0
    for report_id in tqdm(sorted(copier.versions), desc="copying reports", unit="report"):
        written += copier.copy(report_id, args.copies)
    reports, chunks = copier.target.counts()
    print(f"{args.target}: {reports} reports, {chunks} chunks ({written} copies written in "
          f"{time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    import ingest  # noqa: F401  (offline switches)

    sys.exit(main())
