"""Extraction debris out of page text, once, at ingest (quotes are then checked verbatim against the result).

- A hyphen that the PDF marked as a line-end break (pdfium reports U+FFFE): "well\ufffebeing" is "well-being";
  "impor\ufffetant" is "important" when the joined word appears elsewhere in the same document.
- Soft hyphens (U+00AD) and other non-characters are removed; typographic ligatures are spelt out.
"""

from __future__ import annotations

import re

from ingest.models import ParsedDocument

BREAK = re.compile(r"(\w+)\ufffe\s*(\w+)")
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})
DROP = re.compile("[\u00ad\ufffe\uffff\u200b]")
WORD = re.compile(r"\w+")


def clean(doc: ParsedDocument) -> ParsedDocument:
    """The document with every page's text cleaned (see the module's note)."""
    known = {w.lower() for page in doc.pages for w in WORD.findall(page.text)}

    def mend(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        return left + right if (left + right).lower() in known else f"{left}-{right}"

    for page in doc.pages:
        text = BREAK.sub(mend, page.text.translate(LIGATURES))
        page.text = DROP.sub("", text)
    return doc
