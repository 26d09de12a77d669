from typing import Annotated

from pathlib import Path

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import FileResponse

from ingest.models import Grade, ReportMeta
from service.deps import LibraryDep
from service.retrieval import in_scope
from service.schemas import EvidenceOut, IsoDate, Ratings, Report, ReportsResponse, filters_or_422

router = APIRouter(tags=["reports"])


def to_report(meta: ReportMeta) -> Report:
    return Report(
        report_id=meta.report_id, title=meta.title, body=meta.body, inspectorate=meta.inspectorate,
        published=meta.published_iso(), source=meta.source, ratings=Ratings(overall=meta.overall, areas=meta.areas),
        body_aliases=meta.body_aliases, report_type=meta.report_type, owner=meta.owner,
        inspection_dates=meta.inspection_dates, lead_inspector=meta.lead_inspector,
        provenance={k: EvidenceOut(page=v.page, quote=v.quote) for k, v in meta.provenance.items()})


@router.get("/reports", response_model=ReportsResponse)
def list_reports(
    library: LibraryDep,
    body: Annotated[str | None, Query(max_length=200)] = None,
    inspectorate: Annotated[str | None, Query(max_length=200)] = None,
    published_from: IsoDate | None = None,
    published_to: IsoDate | None = None,
    grade: Grade | None = None,
) -> ReportsResponse:
    filters = filters_or_422(body=body, inspectorate=inspectorate, published_from=published_from,
                      published_to=published_to, grade=grade)
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
