"""``POST /ask`` (one JSON Answer) and ``POST /ask/stream`` (server-sent events: ``status`` and ``token``
events while the answer is produced, then ``answer`` carrying the whole Answer with its citations)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from fastapi import APIRouter
from sse_starlette.sse import EventSourceResponse

from service.answering.engine import Answerer
from service.deps import AnswererDep
from service.schemas import Answer, AskRequest

router = APIRouter(tags=["answers"])
log = logging.getLogger(__name__)


@router.post("/ask", response_model=Answer)
def ask(request: AskRequest, answerer: AnswererDep) -> Answer:
    return answerer.ask(request)


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
