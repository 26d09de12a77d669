"""One SQLite connection per thread, in autocommit mode with a write-ahead log, so readers in other threads
and processes see consistent snapshots while one writer commits."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class ThreadLocalDB:
    def __init__(self, path: Path, row_factory: type | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.row_factory = path, row_factory
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            if self.row_factory is not None:
                conn.row_factory = self.row_factory
            self._local.conn = conn
        return conn
