"""Wire the stages: discover -> hash (skip unchanged) -> load -> metadata -> structure -> chunk -> embed -> store.

Write order makes every crash recoverable: vectors are written first, then the catalog commits the report in
one transaction. A re-run re-processes any file whose catalog row is missing or stale, and ``reconcile``
removes vectors that no committed report owns: run after a run that stopped mid-write (its mark in the catalog
was never cleared) or had a failure, since listing every vector id costs 10 s at 293,480 chunks.

On a batch of files the stages overlap (``ingest.parallel``): a worker process parses ahead, the model embeds
several reports at a time, and a background thread writes. Unchanged files are skipped on their hash alone,
before anything is parsed and without loading the model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.catalog import Catalog, SentenceBlock
from ingest.discover import SourceFile, discover
from ingest.embedding import MiniLMEmbeddings
from ingest.parallel import ParsePool, Tuning, Writer
from ingest.prepare import Outcome, Prepared, Status, chunk_metadata, embedding_text, file_sha256, sentence_block
from ingest.settings import IndexSettings
from ingest.store import VectorStore

STAGES = ("hash", "parse", "chunk", "model", "embed", "store", "wait_parse", "wait_store")


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    """Seconds per stage. ``parse`` (load + metadata) and ``chunk`` are summed over files and may run in a worker
    process, ``store`` in a background thread, so on an overlapped run the stages add up to more than ``seconds``.
    ``wait_parse``/``wait_store`` are the time the embedder sat idle waiting for the parser or the writer."""

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def pages(self) -> int:
        return sum(o.pages for o in self.outcomes)

    @property
    def chunks(self) -> int:
        return sum(o.chunks for o in self.outcomes)


def _is_within(recorded: str, named: Path) -> bool:
    """True when the recorded (resolved) file path is ``named`` or lies in the folder ``named``."""
    target = str(named.expanduser().resolve())
    return recorded == target or recorded.startswith(target.rstrip("/") + "/")


class Ingestor:
    """Adds reports to one index. Build once; ``run`` may be called many times."""

    def __init__(self, settings: IndexSettings, embeddings: MiniLMEmbeddings | None = None,
                 store: VectorStore | None = None, tuning: Tuning | None = None) -> None:
        self.settings = settings
        self.tuning = tuning or Tuning()
        self.catalog = Catalog(settings.catalog_location)
        self.catalog.ensure_fingerprint(settings.fingerprint())
        self._embeddings = embeddings
        self.store = store or VectorStore(settings, self)

    @property
    def embeddings(self) -> MiniLMEmbeddings:
        """The model, loaded on first need: a re-run over unchanged files never loads it."""
        if self._embeddings is None:
            self._embeddings = MiniLMEmbeddings.from_settings(self.settings)
        return self._embeddings

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embeddings.embed_documents(texts)

    def run(self, paths: list[Path], on_total: Callable[[int], None] | None = None,
            on_outcome: Callable[[Outcome], None] | None = None, remove: Sequence[str] = (),
            prune: bool = False) -> Summary:
        """Take out the reports named in ``remove`` (and, with ``prune``, those whose files under the folders
        in ``paths`` are gone), then ingest every report file under ``paths``; a file that fails is recorded
        and the rest go on."""
        started = time.perf_counter()
        summary = Summary()
        interrupted = self.catalog.begin_writes()
        summary.outcomes += self.remove(list(remove)) + (self.prune(paths) if prune else [])
        others: list[Path] = []
        files, missing = discover(paths, others)
        summary.outcomes += [Outcome(str(p), "failed", reason) for p, reason in missing]
        summary.outcomes += [Outcome(str(p), "skipped", "not a report file type: only .pdf, .html, .htm, .md and "
                                                        ".txt are read") for p in others]
        if on_total:
            on_total(len(files))
        for outcome in self._ingest_all(files, summary):
            summary.outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        if interrupted or summary.count("failed"):  # only then can vectors be left that no report owns
            self.reconcile()
        self.catalog.fill_term_counts()
        self.catalog.end_writes()
        summary.seconds = time.perf_counter() - started
        return summary

    def _ingest_all(self, files: list[SourceFile], summary: Summary) -> Iterator[Outcome]:
        started = time.perf_counter()
        jobs: list[tuple[SourceFile, str]] = []
        hashes_this_run: dict[str, str] = {}
        for source in files:
            triaged = self._triage(source, hashes_this_run)
            if isinstance(triaged, Outcome):
                yield triaged
            else:
                jobs.append(triaged)
        summary.timings["hash"] += time.perf_counter() - started
        if jobs:
            yield from self._pipeline(jobs, summary)

    def _triage(self, source: SourceFile, seen: dict[str, str]) -> Outcome | tuple[SourceFile, str]:
        """Skip unchanged and duplicate files before any parsing; the rest become parse jobs."""
        key = str(source.path.resolve())
        try:
            sha = file_sha256(source.path)
        except OSError as exc:
            return Outcome(str(source.path), "failed", f"cannot read the file: {exc.strerror or exc}")
        recorded = self.catalog.file_hash(key)
        if recorded and recorded[1] == sha:
            return Outcome(str(source.path), "unchanged")
        source = self._stable_id(source, key, sha, recorded)
        twin = seen.get(sha) or self.catalog.path_with_hash(sha)
        if twin and twin != key:
            return Outcome(str(source.path), "duplicate", f"same content as {twin}")
        seen[sha] = key
        return source, sha

    def _stable_id(self, source: SourceFile, key: str, sha: str, recorded: tuple[str, str] | None) -> SourceFile:
        """A file keeps the report id it was first given; a new file never takes another file's id."""
        if recorded:
            return replace(source, report_id=recorded[0])
        if self.catalog.report_id_taken(source.report_id, key):
            return replace(source, report_id=f"{source.report_id}-{sha[:6]}")
        return source

    def _pipeline(self, jobs: list[tuple[SourceFile, str]], summary: Summary) -> Iterator[Outcome]:
        """Parse ahead, embed groups of reports, write in the background; outcomes as reports are committed."""
        pool = ParsePool.for_jobs(jobs, self.settings.chunk_tokens, self.tuning)
        writer: Writer[Outcome] = Writer(lambda item: self._write(item, summary), self.tuning.write_depth)
        group: list[Prepared] = []
        try:
            todo = iter(jobs)
            pool.fill(todo)
            self._load_model(summary)  # while the first files are parsed
            while pool.pending:
                parsed = pool.next()
                pool.fill(todo)
                if isinstance(parsed, Outcome):
                    yield parsed
                else:
                    group.append(parsed)
                if group and (sum(len(p.chunks) for p in group) >= self.tuning.embed_group or not pool.pending):
                    self._embed_group(group, writer, summary)
                    group = []
                yield from writer.drain()
        finally:
            pool.close()
            writer.close()
            summary.timings["wait_parse"] += pool.waited
            summary.timings["wait_store"] += writer.waited
        yield from writer.drain()

    def _load_model(self, summary: Summary) -> None:
        started = time.perf_counter()
        _ = self.embeddings
        summary.timings["model"] += time.perf_counter() - started

    def _embed_group(self, group: list[Prepared], writer: Writer[Outcome], summary: Summary) -> None:
        """One model call for several reports (fuller batches), then each report goes to the writer with its
        chunk vectors and its sentence vectors (pooled from the same runs)."""
        started = time.perf_counter()
        vectors, pooled = self.embeddings.encode_spans([embedding_text(p.meta, c) for p in group for c in p.chunks],
                                                       [spans for p in group for spans in p.spans_in_chunks()])
        summary.timings["embed"] += time.perf_counter() - started
        offset = 0
        for p in group:
            for stage, seconds in p.timings.items():
                summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
            chunk_vectors = vectors[offset:offset + len(p.chunks)]
            writer.put((p, chunk_vectors, sentence_block(p, chunk_vectors, pooled[offset:offset + len(p.chunks)])))
            offset += len(p.chunks)

    def _write(self, item: tuple[Prepared, object, SentenceBlock], summary: Summary) -> Outcome:
        """New vectors first, then the catalog rows in one transaction, then the old version's vectors go (runs
        in the writer thread). A running service keeps finding the old version until the commit, the new one
        after it; chunk ids hash their text, so an unchanged chunk keeps its id and its vector."""
        p, vectors, sentences = item
        started = time.perf_counter()
        key = str(p.source.path.resolve())
        old = self.catalog.report_chunk_ids(p.meta.report_id)
        new = [c.chunk_id for c in p.chunks]
        self.store.upsert(new, vectors, [c.text for c in p.chunks], [chunk_metadata(p.meta, c) for c in p.chunks])
        self.catalog.replace_report(key, p.sha256, p.meta, p.doc.pages, p.chunks, sentences)
        self.store.delete_ids(sorted(old - set(new)))
        summary.timings["store"] += time.perf_counter() - started
        return Outcome(str(p.source.path), "ingested", pages=len(p.doc.pages), chunks=len(p.chunks))

    def remove(self, targets: list[str]) -> list[Outcome]:
        """Take reports out of the index, each named by its report id, its file, or a folder holding its file.
        The catalog forgets a report in one transaction, then its vectors go: a crash in between leaves
        vectors no report owns, which ``reconcile`` deletes."""
        outcomes = []
        for target in targets:
            report_ids = self._reports_named(target)
            if not report_ids:
                outcomes.append(Outcome(target, "failed", "not in the index: no report id, ingested file or folder "
                                                          "of ingested files by that name"))
            outcomes += [self._remove_one(report_id, target) for report_id in report_ids]
        return outcomes

    def prune(self, paths: list[Path]) -> list[Outcome]:
        """Remove the reports whose files were ingested from under ``paths`` and are no longer there."""
        gone = [path for path in self.catalog.files() if not Path(path).exists()
                and any(_is_within(path, folder) for folder in paths)]
        return [outcome for path in gone for outcome in self.remove([path])]

    def _reports_named(self, target: str) -> list[str]:
        if self.catalog.report(target) is not None:
            return [target]
        return sorted({rid for path, rid in self.catalog.files().items() if _is_within(path, Path(target))})

    def _remove_one(self, report_id: str, target: str) -> Outcome:
        source = self.catalog.source_path(report_id) or target
        chunk_ids = self.catalog.report_chunk_ids(report_id)
        self.catalog.remove_report(report_id)
        self.store.delete_ids(sorted(chunk_ids))
        return Outcome(source, "removed", f"report {report_id}")

    def reconcile(self) -> int:
        """Delete vectors no committed report owns (left by a crash between the two writes)."""
        orphans = sorted(self.store.ids() - self.catalog.chunk_ids())
        if orphans:
            self.store.delete_ids(orphans)
        return len(orphans)
