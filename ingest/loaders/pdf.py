"""PDF text per page with pypdfium2 (fast, permissive licence); pypdf is the fallback reader."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ingest.loaders.encoding import clean_text
from ingest.loaders.errors import LoadError
from ingest.models import Page, ParsedDocument

if TYPE_CHECKING:
    from pypdf import PdfReader


def _pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError("the PDF is encrypted with a password: save an unencrypted copy") from exc
        raise
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def _pypdf_pages(data: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on damaged files would flood the CLI
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not _opens_without_password(reader):
        raise LoadError("the PDF is encrypted with a password: save an unencrypted copy")
    return [page.extract_text() or "" for page in reader.pages]


def _opens_without_password(reader: PdfReader) -> bool:
    """True for a PDF locked only against editing (an owner password, an empty user password)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def read_pdf(data: bytes, source: str) -> ParsedDocument:
    try:
        texts = _pdfium_pages(data)
    except LoadError:
        raise
    except Exception:  # pdfium refused the file: try the slower, more forgiving reader
        try:
            texts = _pypdf_pages(data)
        except LoadError:
            raise
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            raise LoadError(f"not a readable PDF, damaged or truncated ({reason})") from exc
    pages = [Page(number=i + 1, text=clean_text(t)) for i, t in enumerate(texts)]
    return ParsedDocument(source=source, format="pdf", pages=pages)
