"""Decode bytes whose encoding is not declared: UTF-8 (with or without BOM) first, then detection."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ingest.loaders.errors import LoadError


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise LoadError("could not detect the text encoding (binary file?)")
    return data.decode(best.encoding, errors="replace")


def clean_text(text: str) -> str:
    """Normalise line ends and drop NULs, keeping every other character where it was."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
