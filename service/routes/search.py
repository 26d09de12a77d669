from typing import Annotated

from fastapi import APIRouter, Query

from ingest.models import Grade
from service.deps import SearchDep, SettingsDep
from service.retrieval import Hit
from service.schemas import IsoDate, Passage, SearchResponse, filters_or_422

router = APIRouter(tags=["search"])


def to_passage(hit: Hit) -> Passage:
    c, m = hit.chunk, hit.meta
    return Passage(chunk_id=c.chunk_id, report_id=c.report_id, body=m.body, title=m.title, published=m.published_iso(),
                   page=c.page, section=c.section, text=c.text, score=round(hit.score, 6), source=m.source)


@router.get("/search", response_model=SearchResponse)
def search(
    search: SearchDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="what to look for")],
    k: Annotated[int, Query(ge=1, le=100)] = 10,
    body: Annotated[str | None, Query(max_length=200)] = None,
    inspectorate: Annotated[str | None, Query(max_length=200)] = None,
    published_from: IsoDate | None = None,
    published_to: IsoDate | None = None,
    grade: Grade | None = None,
    section: Annotated[str | None, Query(max_length=200)] = None,
) -> SearchResponse:
    filters = filters_or_422(body=body, inspectorate=inspectorate, published_from=published_from,
                      published_to=published_to, grade=grade, section=section)
    hits = search.search(q, k=min(k, settings.max_k), filters=filters)
    return SearchResponse(results=[to_passage(h) for h in hits])
