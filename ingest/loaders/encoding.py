"""Decode bytes whose encoding is not declared.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a mark (every other byte NUL);
then strict UTF-8; then, for text that is mostly ASCII, Windows-1252 (a superset of Latin-1 for printable
text, and what English reports not in UTF-8 are nearly always saved as; statistical detection guesses wrong
on such text, e.g. "señor" as Central European "seńor"); only then statistical detection (non-Latin scripts).
Bytes with many control characters are refused as binary rather than turned into noise.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ingest.loaders.errors import LoadError

BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b") + b"\x7f"
SAMPLE = 65_536


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of the mark) when ``data`` opens with a byte-order mark."""
    return next(((name, len(bom)) for bom, name in BOMS if data.startswith(bom)), None)


def utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NULs fill one byte of most pairs (ASCII-range text in UTF-16)."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    marked = bom_encoding(data)
    if marked:  # the mark settles the encoding; a damaged character becomes U+FFFD
        return data[marked[1]:].decode(marked[0], errors="replace")
    sample = data[:SAMPLE]
    wide = utf16_without_bom(sample)
    if wide:
        try:
            return data[: len(data) // 2 * 2].decode(wide)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if sum(sample.count(c) for c in CONTROL) > max(2, len(sample) // 100):
        raise LoadError("the file holds binary data, not text (many control characters)")
    if sum(b >= 0x80 for b in sample) < len(sample) // 5:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise LoadError("could not detect the text encoding (binary file?): save it as UTF-8")
    return data.decode(best.encoding, errors="replace")


def clean_text(text: str) -> str:
    """Normalise line ends and drop NULs, keeping every other character where it was."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
