from fastapi import APIRouter, Request

from service.about import About, describe
from service.deps import LibraryDep
from service.schemas import Health, LLMHealth

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(library: LibraryDep, request: Request) -> Health:
    reports, chunks = library.counts()
    status = getattr(request.app.state, "llm_status", None)
    llm = LLMHealth(url=status.url, answered_last_call=status.ok, last_error=status.error) \
        if status is not None and status.url else None
    return Health(reports=reports, chunks=chunks, generation=library.generation,
                  answer_mode="llm" if llm else "extractive", llm=llm)


@router.get("/about", response_model=About)
def about(library: LibraryDep) -> About:
    """What the served index holds, in a sentence, with example questions drawn from its own reports."""
    return describe(list(library.reports.values()))
