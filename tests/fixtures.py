"""Tiny report files made by the tests: a PDF, an HTML page with site chrome, Markdown with front matter."""

from __future__ import annotations

from pathlib import Path

MARKDOWN = """---
title: An inspection of Riverside CRC
body: Riverside CRC
aliases: [Riverside Community Rehabilitation Company]
inspectorate: HM Inspectorate of Probation
published: 2019-03-14
overall_rating: requires improvement
---
# An inspection of Riverside CRC

Inspected body: Riverside CRC
Overall rating: Requires improvement

## 4. Unpaid work and Through the Gate

Unpaid work placements at Riverside CRC were allocated without any assessment of the risk of harm.
The lighthouse keeper programme was praised by inspectors.
"""

HTML = """<!doctype html><html><head><title>Hilltop CRC report | Demo site</title></head><body>
<header class="site-header"><nav><a href="/">Home</a><a href="/blog">Blog</a></nav></header>
<div class="share-buttons"><a href="#">Share on twitter</a><a href="#">Share on facebook</a></div>
<main><article><h1>Hilltop CRC inspection</h1>
<p>Inspectors found that Hilltop CRC delivered excellent Through the Gate resettlement services.</p>
<h2>Case supervision</h2><p>Assessments at Hilltop CRC rarely drew on police information.</p>
</article></main>
<div class="newsletter-signup"><p>Subscribe to our newsletter for daily updates</p></div>
<div id="comments"><h3>2 Responses</h3><p>Great post, thanks!</p><form><textarea></textarea></form></div>
<footer><p>Copyright demo site</p></footer></body></html>"""


def write_pdf(path: Path, pages: list[str]) -> Path:
    """A real PDF with one paragraph per page (fpdf2, core font)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def make_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "riverside.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "hilltop.html").write_text(HTML, encoding="utf-8")
    write_pdf(folder / "meadow.pdf", [
        "An inspection of Meadow CRC\nInspected body: Meadow CRC\nPublished: 2 May 2019",
        "Case supervision\nMeadow CRC supervised about 3,100 people. The quality of risk assessments was poor.",
    ])
    (folder / "notes.txt").write_text("Field notes\n\nThe orchard visit took place in spring.", encoding="latin-1")
    return folder
