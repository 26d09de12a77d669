"""The bulk of the reports' text and vectors kept in a temporary file beside the index instead of the heap.

A replica holds every report's pages and sentence vectors, but a question reads a few reports' worth: the rest
would sit in the process's memory (1.3 GB of 2.5 for 4,310 reports). Here they are written once to an unlinked
temporary file and read back with ``pread`` when a question needs them, so they live in the operating system's
page cache: shared with the host's other processes, dropped under pressure, and gone when the process ends
(even after kill -9: the file has no name).

``Spill`` appends bytes and hands back a ``Slot``; ``Pages`` and ``Int8Rows`` are one report's pages and vectors
held that way.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple

import numpy as np

log = logging.getLogger(__name__)


class Slot(NamedTuple):
    offset: int
    length: int


class Spill:
    """An append-only temporary file; thread-safe (appends take a lock, reads are positioned).

    ``text`` keeps the last texts it read (pages) up to ``RECENT_CHARS``: a question quotes hundreds of
    sentences from a few pages, and each read gives up the interpreter lock (with a read per sentence, ten
    threads asking at once got through a third fewer questions)."""

    RECENT_CHARS = 64 << 20

    def __init__(self, folder: Path | None = None) -> None:
        self._file = _temporary_file(folder)  # closed (and its space freed) with this object
        self._lock = threading.Lock()
        self.size = 0
        self._recent: OrderedDict[Slot, str] = OrderedDict()
        self._recent_chars = 0

    def put(self, data: bytes) -> Slot:
        with self._lock:
            slot = Slot(self.size, len(data))
            os.pwrite(self._file.fileno(), data, slot.offset)
            self.size += len(data)
        return slot

    def text(self, slot: Slot) -> str:
        """UTF-8 text put here (kept among the recent ones)."""
        with self._lock:
            if (text := self._recent.get(slot)) is not None:
                self._recent.move_to_end(slot)
                return text
        text = self.get(slot).decode("utf-8", "surrogatepass")
        with self._lock:
            if slot not in self._recent:
                self._recent[slot], self._recent_chars = text, self._recent_chars + len(text)
            while self._recent_chars > self.RECENT_CHARS and len(self._recent) > 1:
                self._recent_chars -= len(self._recent.popitem(last=False)[1])
        return text

    def get(self, slot: Slot) -> bytes:
        parts, offset, left = [], slot.offset, slot.length
        while left > 0:  # a regular file reads in one call; the loop only guards against a short read
            part = os.pread(self._file.fileno(), left, offset)
            if not part:
                raise OSError(f"spill file ended at byte {offset} of a slot ending at {slot.offset + slot.length}")
            parts.append(part)
            offset, left = offset + len(part), left - len(part)
        return b"".join(parts) if len(parts) != 1 else parts[0]


def _temporary_file(folder: Path | None) -> IO[bytes]:
    """An unnamed file in ``folder``, or in the system's temporary folder when that one cannot take it (a
    read-only index folder on shared storage)."""
    if folder is not None:
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            return tempfile.TemporaryFile(dir=folder)
        except OSError as exc:
            log.warning("cannot keep the service's spill file in %s (%s): using %s", folder, exc,
                        tempfile.gettempdir())
    return tempfile.TemporaryFile()


@dataclass(frozen=True)
class Pages:
    """One report's pages, UTF-8 in a spill file: page number -> text, read on demand."""

    spill: Spill
    slot: Slot
    bounds: dict[int, Slot]   # page number -> where its text is

    @classmethod
    def of(cls, pages: dict[int, str], spill: Spill) -> Pages:
        encoded = {n: pages[n].encode("utf-8", "surrogatepass") for n in sorted(pages)}
        slot = spill.put(b"".join(encoded.values()))
        bounds, offset = {}, slot.offset
        for number, data in encoded.items():
            bounds[number], offset = Slot(offset, len(data)), offset + len(data)
        return cls(spill, slot, bounds)

    def get(self, number: int) -> str | None:
        bounds = self.bounds.get(number)
        return self.spill.text(bounds) if bounds is not None else None

    def __contains__(self, number: int) -> bool:
        return number in self.bounds

    def moved(self, spill: Spill) -> Pages:
        slot = spill.put(self.spill.get(self.slot))
        shift = slot.offset - self.slot.offset
        return Pages(spill, slot, {n: Slot(b.offset + shift, b.length) for n, b in self.bounds.items()})


@dataclass(frozen=True)
class Int8Rows:
    """Unit vectors as int8 with one float32 scale per row (a quarter of float32; cosines move by about 0.001):
    the scales in memory, the values in a spill file."""

    spill: Spill
    slot: Slot
    scales: np.ndarray
    width: int

    @classmethod
    def of(cls, vectors: np.ndarray, spill: Spill) -> Int8Rows:
        matrix = vectors.astype(np.float32)
        scales = np.abs(matrix).max(axis=1, initial=0.0) / 127.0
        safe = np.where(scales > 0, scales, 1.0)[:, None]
        values = np.rint(matrix / safe).astype(np.int8)
        return cls(spill, spill.put(values.tobytes()), scales.astype(np.float32), matrix.shape[1])

    def rows(self, local: np.ndarray) -> np.ndarray:
        """These rows in float32 (one read: from the first row asked for to the last)."""
        if not len(local):
            return np.zeros((0, self.width), np.float32)
        low, high = int(local.min()), int(local.max()) + 1
        data = self.spill.get(Slot(self.slot.offset + low * self.width, (high - low) * self.width))
        values = np.frombuffer(data, np.int8).reshape(high - low, self.width)
        return values[local - low].astype(np.float32) * self.scales[local, None]

    def moved(self, spill: Spill) -> Int8Rows:
        return Int8Rows(spill, spill.put(self.spill.get(self.slot)), self.scales, self.width)
