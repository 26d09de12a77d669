from fastapi import APIRouter

from service.deps import LibraryDep
from service.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(library: LibraryDep) -> Health:
    reports, chunks = library.counts()
    return Health(reports=reports, chunks=chunks, generation=library.generation)
