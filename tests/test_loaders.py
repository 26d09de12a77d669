from pathlib import Path

import pytest

from ingest.loaders import LoadError, load
from tests.fixtures import HTML, make_reports, write_pdf


def test_pdf_keeps_page_numbers(tmp_path: Path) -> None:
    doc = load(write_pdf(tmp_path / "a.pdf", ["first page text", "second page mentions unpaid work"]))
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2]
    assert "unpaid work" in doc.pages[1].text and "unpaid" not in doc.pages[0].text


def test_html_drops_site_chrome(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML)
    doc = load(tmp_path / "page.html")
    text = doc.pages[0].text
    assert "Through the Gate resettlement" in text and "# Hilltop CRC inspection" in text
    for chrome in ("Share on twitter", "Subscribe", "Great post", "Copyright", "Home"):
        assert chrome not in text
    assert doc.title == "Hilltop CRC inspection"


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    folder = make_reports(tmp_path)
    doc = load(folder / "riverside.md")
    assert doc.front_matter["body"] == "Riverside CRC"
    assert doc.title == "An inspection of Riverside CRC"
    assert "---" not in doc.pages[0].text[:5]


def test_text_encoding_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café inspection: the children’s home was good.".encode("cp1252"))
    assert "Café" in load(path).pages[0].text


def test_html_saved_as_pdf_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "mislabelled.pdf"
    path.write_text(HTML)
    assert load(path).format == "html"


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"this is not a pdf at all, just some bytes", "not a PDF"),
    (b"%PDF-1.4\n garbage garbage", "not a readable PDF"),
])
def test_bad_files_raise_a_clear_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load(path)


def test_extraction_debris_is_cleaned_once_at_ingest() -> None:
    from ingest.loaders.cleanup import clean
    from ingest.models import Page, ParsedDocument

    pages = [Page(number=1, text="Good decision\ufffe\nmaking and well\ufffebeing; it is impor\ufffe\ntant."),
             Page(number=2, text="Most important of all: the of\ufb01cers' work\u00ad\ufffflo\ufb00."),]
    doc = clean(ParsedDocument(source="x.pdf", format="pdf", pages=pages))
    assert doc.pages[0].text == "Good decision-making and well-being; it is important."
    assert doc.pages[1].text == "Most important of all: the officers' workloff."
