"""Overlap the stages of an ingest on a small machine: parse ahead in a worker process, embed in the calling
thread, write in a background thread.

    files ──► ParsePool (1 process, ``lookahead`` files queued) ──► embed (torch, all cores) ──► Writer thread
                                                                                               (Chroma, then catalog)

Embedding dominates the cost, so the other stages are hidden behind it: while the model encodes one group of
reports, the worker parses the next files and the writer stores the previous group. Every queue is bounded, so
memory stays flat whatever the corpus size. Reports are written one at a time in the order they were parsed,
vectors first and then the catalog row, so the crash-safety of the serial pipeline is kept.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from ingest.chunking import TokenCounter
    from ingest.discover import SourceFile
    from ingest.prepare import Parsed

T = TypeVar("T")
_COUNTER: TokenCounter | None = None


@dataclass
class Tuning:
    """How an ingest uses the machine (shapes speed only, never the vectors)."""

    parse_workers: int = 1              # processes parsing ahead of the embedder; 0 = parse in the calling thread
    min_bytes_for_pool: int = 4 << 20   # smaller batches parse inline: starting a process would cost more
    lookahead: int = 6                  # files parsed ahead of the embedder
    embed_group: int = 512              # chunks gathered across reports per model call (fuller sorted batches)
    write_depth: int = 4                # groups of reports queued for the writer


def _token_counter() -> TokenCounter:
    """The tokenizer, loaded once per process (a worker process builds its own)."""
    global _COUNTER
    if _COUNTER is None:
        from ingest.chunking import word_piece_counter
        from ingest.embedding import model_path

        _COUNTER = word_piece_counter(str(model_path() / "tokenizer.json"))
    return _COUNTER


def _init_worker() -> None:
    import ingest  # noqa: F401  (offline switches)

    _token_counter()
    parent = os.getppid()

    def exit_with_parent() -> None:  # a parent killed with SIGKILL must not leave this process behind
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=exit_with_parent, name="parent-watch", daemon=True).start()


def parse_job(source: SourceFile, sha256: str, budget: int) -> Parsed:
    """Top-level (picklable) so a worker process can run it."""
    from ingest.prepare import parse_file

    return parse_file(source, sha256, _token_counter(), budget)


class InlineExecutor(Executor):
    """Runs each job at once in the calling thread: the same interface as the pool, for small runs."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller through the future, as a pool would
            future.set_exception(exc)
        return future


class ParsePool:
    """Parses files in order, at most ``lookahead`` ahead of the consumer."""

    def __init__(self, budget: int, workers: int, lookahead: int) -> None:
        self.budget, self.lookahead = budget, max(1, lookahead)
        self.executor: Executor
        if workers > 0:
            self.executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_init_worker)
        else:
            self.executor = InlineExecutor()
        self.pending: deque[Future[Parsed]] = deque()
        self.waited = 0.0  # seconds the consumer spent blocked on a parse

    @classmethod
    def for_jobs(cls, jobs: list[tuple[SourceFile, str]], budget: int, tuning: Tuning) -> ParsePool:
        """A worker process for a batch big enough to repay starting it; inline parsing otherwise."""
        size = sum(_size(source) for source, _ in jobs)
        if tuning.parse_workers > 0 and size >= tuning.min_bytes_for_pool:
            return cls(budget, tuning.parse_workers, tuning.lookahead)
        return cls(budget, 0, 1)

    def fill(self, jobs: Iterator[tuple[SourceFile, str]]) -> None:
        """Queue jobs until ``lookahead`` files are in flight (or ``jobs`` runs out)."""
        while len(self.pending) < self.lookahead and (job := next(jobs, None)) is not None:
            self.pending.append(self.executor.submit(parse_job, job[0], job[1], self.budget))

    def next(self) -> Parsed:
        started = time.perf_counter()
        result = self.pending.popleft().result()
        self.waited += time.perf_counter() - started
        return result

    def close(self) -> None:
        for future in self.pending:
            future.cancel()
        self.executor.shutdown(wait=True, cancel_futures=True)


def _size(source: SourceFile) -> int:
    try:
        return source.path.stat().st_size
    except OSError:
        return 0


class Writer(Generic[T]):
    """A background thread applying ``write`` to items in order; results come back through ``drain``.

    An exception in ``write`` stops the writes and is raised again in the caller at its next ``put``/``drain``.
    """

    _STOP = object()

    def __init__(self, write: Callable[[Any], T], depth: int = 2) -> None:
        self.write = write
        self.items: queue.Queue[Any] = queue.Queue(maxsize=max(1, depth))
        self.done: deque[T] = deque()
        self.error: BaseException | None = None
        self.waited = 0.0  # seconds the producer spent blocked on a full queue
        self.thread = threading.Thread(target=self._loop, name="ingest-writer", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while (item := self.items.get()) is not self._STOP:
            if self.error is None:
                try:
                    self.done.append(self.write(item))
                except BaseException as exc:  # re-raised in the producer's thread
                    self.error = exc

    def put(self, item: Any) -> None:
        self._check()
        started = time.perf_counter()
        self.items.put(item)
        self.waited += time.perf_counter() - started

    def drain(self) -> Iterator[T]:
        while self.done:
            yield self.done.popleft()
        self._check()

    def close(self) -> None:
        """Finish the queued writes (the caller then drains their results)."""
        self.items.put(self._STOP)
        self.thread.join()

    def _check(self) -> None:
        if self.error is not None:
            raise self.error
