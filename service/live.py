"""The index as it is now: a running service notices every ingest (one cheap read of the catalog's generation
per request, and a poll once a second) and swaps in a fresh, consistent view built off the request path.
Requests that arrive during a rebuild are answered from the previous view, never refused."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.answering.engine import Answerer
    from service.library import Library

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class View:
    """Everything one request needs, all of one generation of the index."""

    library: Library
    answerer: Answerer

    @property
    def generation(self) -> int:
        return self.library.generation


class LiveIndex:
    """Holds the current View; rebuilds it in a background thread when the catalog's generation moves on."""

    def __init__(self, first: View, rebuild: Callable[[View], View], poll_s: float = 1.0) -> None:
        self._view, self._rebuild = first, rebuild
        self._lock = threading.Lock()
        self._building = False
        self._stop = threading.Event()
        self._poller = threading.Thread(target=self._poll, args=(poll_s,), name="index-poll", daemon=True)
        self._poller.start()

    def current(self) -> View:
        """The newest consistent view; starts a rebuild when the index has changed since it was built."""
        view = self._view
        if self._changed(view):
            self._start_rebuild()
        return view

    def close(self) -> None:
        self._stop.set()

    def _changed(self, view: View) -> bool:
        try:
            return view.library.catalog.generation() != view.generation
        except Exception:  # noqa: BLE001 - a locked or busy catalog is read again on the next request
            log.warning("could not read the index generation", exc_info=True)
            return False

    def _start_rebuild(self) -> None:
        with self._lock:
            if self._building:
                return
            self._building = True
        threading.Thread(target=self._run_rebuild, name="index-rebuild", daemon=True).start()

    def _run_rebuild(self) -> None:
        """Rebuild until the view is as new as the catalog (ingest may commit again during a rebuild)."""
        try:
            while self._changed(self._view):
                fresh = self._rebuild(self._view)
                log.info("index generation %d -> %d: %d reports", self._view.generation, fresh.generation,
                         len(fresh.library.reports))
                self._view = fresh
        except Exception:  # noqa: BLE001 - keep serving the previous view; the next request tries again
            log.exception("rebuilding the index view failed; still serving generation %d", self._view.generation)
        finally:
            with self._lock:
                self._building = False

    def _poll(self, every_s: float) -> None:
        while not self._stop.wait(every_s):
            self.current()
