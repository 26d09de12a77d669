"""``GET /reports/{id}/read``: one page of a report as readable text, the cited quote highlighted.

The text is the page text the index stores (what quotes are checked against), not the file: no site menus,
scripts or front matter. Everything from the report is escaped and the page is served under a policy that lets
nothing run, so a hostile report stays text.
"""

from __future__ import annotations

import re
from html import escape
from typing import Annotated
from urllib.parse import quote as quote_path

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from ingest.models import ReportMeta
from service.deps import LibraryDep

router = APIRouter(tags=["reports"])
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'"
STYLE = """body{margin:0;background:#eef1f5;color:#1f2933;font:16px/1.6 system-ui,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}h1{font-size:1.4rem;line-height:1.25;margin:0 0 .4rem}
.meta{color:#5b6573;font-size:.9rem;margin:0 0 1rem}nav{display:flex;gap:1rem;flex-wrap:wrap;margin:0 0 1rem}
a{color:#1d4f91}.page{background:#fff;border:1px solid #d8dee6;border-radius:8px;padding:1rem 1.25rem;
white-space:pre-wrap;overflow-wrap:anywhere}mark{background:#ffe08a;padding:0 .1em}"""


@router.get("/reports/{report_id}/read", response_class=HTMLResponse,
            responses={404: {"description": "unknown report or page"}})
def read_page(report_id: str, library: LibraryDep, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
              quote: Annotated[str | None, Query(max_length=2000)] = None) -> HTMLResponse:
    """One page of the report as the index stores it, with ``quote`` highlighted where it stands on the page."""
    meta = library.reports.get(report_id)
    text = library.page_text(report_id, page) if meta else None
    if meta is None or text is None:
        raise HTTPException(404, f"no page {page} in report {report_id!r}: GET /reports lists the reports")
    body = highlighted(text, quote or "")
    return HTMLResponse(_document(meta, page, body, has_next=library.page_text(report_id, page + 1) is not None),
                        headers={"Content-Security-Policy": POLICY, "X-Content-Type-Options": "nosniff"})


def highlighted(text: str, quote: str) -> str:
    """The page text escaped, with the first place the quote stands (any run of spaces alike) marked."""
    words = quote.split()
    found = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
    if found is None:
        return escape(text)
    start, end = found.span()
    return f'{escape(text[:start])}<mark id="quote">{escape(text[start:end])}</mark>{escape(text[end:])}'


def _document(meta: ReportMeta, page: int, body: str, has_next: bool) -> str:
    base = f"/reports/{quote_path(meta.report_id)}"
    details = " · ".join(escape(part) for part in (meta.body or "", meta.inspectorate or "",
                                                   meta.published_words(), f"page {page}") if part)
    links = [f'<a href="{base}/read?page={page - 1}">← page {page - 1}</a>' if page > 1 else "",
             f'<a href="{base}/read?page={page + 1}">page {page + 1} →</a>' if has_next else "",
             f'<a href="{base}/source#page={page}">original file</a>',
             *(f'<a href="{escape(url)}" rel="noopener noreferrer">published report</a>' for url in meta.links[:3])]
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{escape(meta.title)} — page {page}</title>'
            f'<style>{STYLE}</style></head><body><main><h1>{escape(meta.title)}</h1><p class="meta">{details}</p>'
            f'<nav>{"".join(link for link in links if link)}</nav><div class="page">{body}</div></main></body></html>')
