"""``POST /ask`` (one JSON Answer) and ``POST /ask/stream`` (server-sent events: ``status`` and ``token``
events while the answer is produced, then ``answer`` carrying the whole Answer with its citations)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from sse_starlette.sse import EventSourceResponse

from service.answer_csv import answer_csv
from service.answering.engine import Answerer
from service.deps import AnswererDep
from service.routes.reports import accepted
from service.schemas import Answer, AskRequest

router = APIRouter(tags=["answers"])
log = logging.getLogger(__name__)


CSV_RESPONSE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                      "description": "the Answer; as CSV with ?format=csv or Accept: text/csv"}}


@router.post("/ask", response_model=Answer, responses=CSV_RESPONSE)  # type: ignore[arg-type]
def ask(request: AskRequest, answerer: AnswererDep, http: Request,
        format: Annotated[Literal["json", "csv"] | None, Query(description="csv: the answer's table, items or "
                                                                         "citations as CSV")] = None) -> Response:
    """A cited answer; as CSV (its table, else a row per item with its quote) for ``?format=csv`` or
    ``Accept: text/csv``."""
    answer = answerer.ask(request)
    wants_csv = format == "csv" or (format is None and accepted(http.headers.get("accept", "")).get("text/csv", 0) > 0)
    if not wants_csv:
        return Response(answer.model_dump_json(), media_type="application/json")
    return Response(answer_csv(answer, str(http.base_url)), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="answer.csv"'})


def answer_events(answerer: Answerer, request: AskRequest) -> Iterator[dict[str, str]]:
    """The answerer's steps as SSE events; the last is ``answer`` (or ``error`` if answering failed)."""
    try:
        for event in answerer.stream(request):
            data = event.data.model_dump_json() if isinstance(event.data, Answer) else json.dumps(event.data)
            yield {"event": event.name, "data": data}
    except Exception:  # the response has started: report the failure as an event, not a broken stream
        log.exception("answering a streamed question failed")
        yield {"event": "error", "data": json.dumps({"detail": "the answer could not be produced"})}


@router.post("/ask/stream", responses={200: {"content": {"text/event-stream": {}}}})
def ask_stream(request: AskRequest, answerer: AnswererDep) -> EventSourceResponse:
    return EventSourceResponse(answer_events(answerer, request), ping=15)
