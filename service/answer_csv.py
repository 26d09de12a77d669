"""An answer as CSV for spreadsheets: its table (counts and trends), else a row per item (organisation, report,
published, verdict, finding, quote, page, link), else a row per citation.

Report text is untrusted: a text cell that a spreadsheet would read as a formula (it begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a leading ``'``.
"""

from __future__ import annotations

import csv
import io

from service.schemas import Answer, Citation

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ITEM_COLUMNS = ["organisation", "report_id", "published", "verdict", "finding", "quote", "page", "link"]
CITATION_COLUMNS = ["n", "organisation", "report_id", "published", "quote", "page", "section", "link"]


def answer_csv(answer: Answer, base_url: str) -> str:
    """The CSV text (header row first) of ``answer``; links are absolute, on ``base_url``."""
    base = base_url.rstrip("/")
    if answer.table is not None:
        rows = [answer.table.columns, *answer.table.rows]
    elif answer.items:
        rows = [ITEM_COLUMNS, *_item_rows(answer, base)]
    else:
        rows = [CITATION_COLUMNS, *([c.n, c.body, c.report_id, c.published, c.quote, c.page, c.section,
                                     base + c.url] for c in answer.citations)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[inert(cell) for cell in row] for row in rows])
    return out.getvalue()


def _item_rows(answer: Answer, base: str) -> list[list[object]]:
    by_n: dict[int, Citation] = {c.n: c for c in answer.citations}
    rows = []
    for item in answer.items:
        first = next((by_n[n] for n in item.citations if n in by_n), None)
        rows.append([item.body, item.report_id, item.published, item.verdict, item.finding,
                     first.quote if first else None, first.page if first else None,
                     base + first.url if first else None])
    return rows


def inert(cell: object) -> object:
    """``cell`` as a spreadsheet will show it: text that would start a formula gets a leading ``'``."""
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell
