"""``create_app()``: the FastAPI application. Heavy objects are built in the lifespan, once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from ingest.catalog import IndexMismatch
from service import middleware
from service.routes import ask, health, read, reports, search, widget
from service.settings import ServiceSettings

if TYPE_CHECKING:
    from ingest.embedding import MiniLMEmbeddings as Embeddings


def build_state(app: FastAPI, settings: ServiceSettings, embeddings: Embeddings | None) -> None:
    """The first view of the index, opened now; later ones are built by the LiveIndex as ingest changes it."""
    from service.answering.engine import Answerer
    from service.answering.llm import EndpointStatus, build_prose
    from service.answering.tools import VectorCache
    from service.library import Library
    from service.live import LiveIndex, View
    from service.sessions import Sessions

    sessions = Sessions(settings.index.sessions_location, settings.session_turns)
    app.state.llm_status = EndpointStatus()
    prose = build_prose(settings.llm, app.state.llm_status)
    first = Library.open(settings.index, embeddings)
    vectors = VectorCache(first.embeddings)  # claim vectors outlive a view: the same texts recur

    def view_of(library: Library) -> View:
        return View(library, Answerer(library, sessions, prose, vectors))

    app.state.settings = settings
    app.state.live = LiveIndex(view_of(first),
                               lambda view: view_of(view.library.reread()), settings.index_poll_s)


API_DESCRIPTION = """Search and cited answers over public inspection reports.

Every answer's claims carry `[n]` markers; citation `n` names the report, the page and a verbatim quote from that
page. `abstained: true` means the reports in scope hold no answer. `GET /about` says what the served index holds.
Dates (`published`) are as precise as the report gives them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the
`published_from`/`published_to` filters keep a report whose date overlaps the range.
"""


def create_app(settings: ServiceSettings | None = None, embeddings: Embeddings | None = None) -> FastAPI:
    """The app over ``settings.index``; pass ``embeddings`` to share an already loaded model (tests)."""
    settings = settings or ServiceSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        build_state(app, settings, embeddings)
        yield
        app.state.live.close()

    app = FastAPIOffline(title="Inspection reports assistant", version="0.1.0", lifespan=lifespan,
                         description=API_DESCRIPTION, favicon_url="/favicon.ico")  # /docs with no CDN
    middleware.install(app, timeout_s=settings.request_timeout_s)  # inside CORS: a 413/503 keeps CORS headers
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type"])
    for module in (health, search, reports, read, ask, widget):
        app.include_router(module.router, responses=middleware.ERROR_RESPONSES)

    @app.exception_handler(IndexMismatch)
    async def index_mismatch(_: Request, exc: IndexMismatch) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    return app
