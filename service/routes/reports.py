import base64
import hashlib
import re
from typing import Annotated

from pathlib import Path

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse

from ingest.models import Grade, ReportMeta
from service.deps import LibraryDep
from service.retrieval import in_scope
from service.routes.widget import STATIC
from service.schemas import EvidenceOut, IsoDate, Ratings, Report, ReportsResponse, filters_or_422

router = APIRouter(tags=["reports"])
PAGE = STATIC / "reports.html"
HTML_ALTERNATIVE = {200: {
    "description": "the reports as JSON; a browser (Accept preferring text/html) gets a page that lists, "
                   "sorts, filters and downloads them as CSV",
    "content": {"text/html": {"schema": {"type": "string"}}}}}


def to_report(meta: ReportMeta) -> Report:
    return Report(
        report_id=meta.report_id, title=meta.title, body=meta.body, inspectorate=meta.inspectorate,
        published=meta.published_iso(), source=meta.source, ratings=Ratings(overall=meta.overall, areas=meta.areas),
        body_aliases=meta.body_aliases, report_type=meta.report_type, owner=meta.owner,
        inspection_dates=meta.inspection_dates, lead_inspector=meta.lead_inspector,
        provenance={k: EvidenceOut(page=v.page, quote=v.quote) for k, v in meta.provenance.items()})


def accepted(accept: str) -> dict[str, float]:
    """Media ranges of an Accept header and their quality (a malformed ``q`` counts as 0)."""
    ranges: dict[str, float] = {}
    for part in accept.lower().split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranges[media] = max(ranges.get(media, 0.0), min(max(float(q), 0.0), 1.0))
        except ValueError:
            ranges.setdefault(media, 0.0)
    return ranges


def prefers_html(accept: str | None) -> bool:
    """True when the header names text/html and ranks it above JSON (a browser navigating); not for */*."""
    ranges = accepted(accept or "")
    json_q = next((ranges[m] for m in ("application/json", "application/*", "*/*") if m in ranges), 0.0)
    return ranges.get("text/html", 0.0) > json_q


def script_hashes(html: str) -> str:
    """CSP sources for the page's inline scripts, so they run and nothing injected can."""
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    digests = (hashlib.sha256(script.encode()).digest() for script in scripts)
    return " ".join(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests)


def reports_page() -> FileResponse:
    """``service/static/reports.html`` under a policy that lets only its own script run (and call home)."""
    scripts = script_hashes(PAGE.read_text(encoding="utf-8"))
    policy = (f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; connect-src 'self'; "
              "img-src 'self'; base-uri 'none'; form-action 'none'")
    return FileResponse(PAGE, media_type="text/html; charset=utf-8", headers={
        "Cache-Control": "no-cache", "Vary": "Accept", "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff"})


@router.get("/reports", response_model=ReportsResponse, responses=HTML_ALTERNATIVE)
def list_reports(
    request: Request,
    response: Response,
    library: LibraryDep,
    body: Annotated[str | None, Query(max_length=200)] = None,
    inspectorate: Annotated[str | None, Query(max_length=200)] = None,
    published_from: IsoDate | None = None,
    published_to: IsoDate | None = None,
    grade: Grade | None = None,
) -> ReportsResponse | FileResponse:
    """The reports in scope, oldest first; a browser navigating here gets the reports page instead."""
    filters = filters_or_422(body=body, inspectorate=inspectorate, published_from=published_from,
                      published_to=published_to, grade=grade)
    response.headers["Vary"] = "Accept"
    if prefers_html(request.headers.get("accept")) and PAGE.is_file():
        return reports_page()
    metas = [m for m in library.reports.values() if in_scope(m, filters)]
    metas.sort(key=lambda m: (m.published is None, m.published, m.report_id))
    return ReportsResponse(reports=[to_report(m) for m in metas])


@router.get("/reports/{report_id}", response_model=Report, responses={404: {"description": "unknown report"}})
def get_report(report_id: str, library: LibraryDep) -> Report:
    meta = library.reports.get(report_id)
    if meta is None:
        raise HTTPException(404, f"no report with id {report_id!r}: GET /reports lists them")
    return to_report(meta)


SOURCE_TYPES = {".pdf": "application/pdf", ".md": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
                ".html": "text/plain; charset=utf-8", ".htm": "text/plain; charset=utf-8"}


@router.get("/reports/{report_id}/source", responses={404: {"description": "unknown report or file gone"}})
def get_source(report_id: str, library: LibraryDep) -> FileResponse:
    """The original file, so a reader can check a quote in context. Served inert: a report's HTML is shown
    as text and every response is sandboxed, so nothing in a report can run in the service's origin."""
    path = library.catalog.source_path(report_id)
    if path is None or not Path(path).is_file():
        raise HTTPException(404, f"no source file for report {report_id!r}")
    media = SOURCE_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")
    headers = {"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"}
    return FileResponse(path, media_type=media, headers=headers, content_disposition_type="inline",
                        filename=Path(path).name)
