"""Render the demo corpus PDFs from their Markdown sources.

Each ``corpus/.pdf-sources/<name>.md`` becomes ``corpus/<name>.pdf``: a cover page with the
title and the metadata block (every line before the first ``## `` heading), then the sections
with bold headings, plain paragraphs and ``- `` list items, and "Page N" in each footer.
The summary gets a page of its own; the domains start on a new page.

Only a core font (Helvetica) is used so that the text stays extractable; characters that the
core font cannot encode are replaced with ASCII equivalents. Document metadata and the creation
date are fixed, so the output is byte-for-byte reproducible.

Usage (from the project root)::

    .venv/bin/python corpus/build_pdfs.py
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

CORPUS = Path(__file__).resolve().parent
SOURCES = CORPUS / ".pdf-sources"
FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)
FONT = "Helvetica"

ASCII_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ", "\u2022": "-",
}


def to_ascii(text: str) -> str:
    """Replace characters the core font cannot encode."""
    text = "".join(ASCII_MAP.get(ch, ch) for ch in text)
    return text.encode("latin-1", "replace").decode("latin-1")


class ReportPDF(FPDF):
    """A4 portrait document with a "Page N" footer."""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FONT, size=9)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def parse(source: str) -> tuple[str, list[str], list[tuple[str, list[str]]]]:
    """Split a source into title, cover lines and (heading, blocks) sections.

    Cover lines are the non-blank lines between the ``# `` title and the first ``## `` heading;
    a block is a paragraph (consecutive lines joined) or a single ``- `` list item.
    """
    title = ""
    cover: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    block: list[str] = []

    def flush() -> None:
        if block and sections:
            sections[-1][1].append(" ".join(block))
        block.clear()

    for raw in source.splitlines():
        line = to_ascii(raw.strip())
        if line.startswith("# ") and not title:
            title = line[2:].strip()
        elif line.startswith("## "):
            flush()
            sections.append((line[3:].strip(), []))
        elif not sections:
            if line:
                cover.append(line)
        elif not line:
            flush()
        elif line.startswith("- "):
            flush()
            sections[-1][1].append(line)
        else:
            block.append(line)
    flush()
    return title, cover, sections


def build(src: Path, out: Path) -> None:
    """Render one Markdown source to a PDF."""
    title, cover, sections = parse(src.read_text(encoding="utf-8"))
    body = next((ln.split(":", 1)[1].strip() for ln in cover if ln.startswith("Inspected body:")), "")

    pdf = ReportPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title(title)
    pdf.set_author("Demo corpus digest (not the inspectorate's text)")
    pdf.set_subject(f"Digest of an HM Inspectorate of Probation inspection: {body}")
    pdf.set_creator("corpus/build_pdfs.py")
    pdf.set_creation_date(FIXED_DATE)

    pdf.add_page()
    pdf.ln(40)
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font(FONT, size=11)
    for line in cover:
        if line.endswith(":"):  # a sub-heading inside the metadata block
            pdf.ln(4)
            pdf.set_font(FONT, "B", 11)
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, size=11)
        else:
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    for heading, blocks in sections:
        # Like the inspectorate's reports, the summary has its own page before the domains.
        if heading.startswith("1.") or pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font(FONT, "B", 14)
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for text in blocks:
            if text.startswith("- "):
                pdf.set_font(FONT, size=8.5)
                pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            else:
                pdf.set_font(FONT, size=11)
                pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(3)
    pdf.output(str(out))


def main() -> None:
    for src in sorted(SOURCES.glob("*.md")):
        out = CORPUS / f"{src.stem}.pdf"
        build(src, out)
        print(f"wrote {out.relative_to(CORPUS.parent)}")


if __name__ == "__main__":
    main()
