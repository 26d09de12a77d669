from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from ingest.models import Grade, ReportMeta
from service.deps import LibraryDep
from service.retrieval import in_scope
from service.schemas import EvidenceOut, Filters, Ratings, Report, ReportsResponse

router = APIRouter(tags=["reports"])


def to_report(meta: ReportMeta) -> Report:
    return Report(
        report_id=meta.report_id, title=meta.title, body=meta.body, inspectorate=meta.inspectorate,
        published=meta.published, source=meta.source, ratings=Ratings(overall=meta.overall, areas=meta.areas),
        body_aliases=meta.body_aliases, report_type=meta.report_type, owner=meta.owner,
        inspection_dates=meta.inspection_dates, lead_inspector=meta.lead_inspector,
        provenance={k: EvidenceOut(page=v.page, quote=v.quote) for k, v in meta.provenance.items()})


@router.get("/reports", response_model=ReportsResponse)
def list_reports(
    library: LibraryDep,
    body: Annotated[str | None, Query(max_length=200)] = None,
    inspectorate: Annotated[str | None, Query(max_length=200)] = None,
    published_from: date | None = None,
    published_to: date | None = None,
    grade: Grade | None = None,
) -> ReportsResponse:
    filters = Filters(body=body, inspectorate=inspectorate, published_from=published_from,
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
