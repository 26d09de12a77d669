"""PDF text per page with pypdfium2 (fast, permissive licence); pypdf is the fallback reader."""

from __future__ import annotations

from ingest.loaders.encoding import clean_text
from ingest.loaders.errors import LoadError
from ingest.models import Page, ParsedDocument


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

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise LoadError("the PDF is encrypted with a password: save an unencrypted copy")
    return [page.extract_text() or "" for page in reader.pages]



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
            raise LoadError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    pages = [Page(number=i + 1, text=clean_text(t)) for i, t in enumerate(texts)]
    return ParsedDocument(source=source, format="pdf", pages=pages)
