import json
from collections.abc import Iterator

from fastapi import APIRouter
from sse_starlette.sse import EventSourceResponse

from service.deps import AnswererDep
from service.schemas import Answer, AskRequest

router = APIRouter(tags=["answers"])


@router.post("/ask", response_model=Answer)
def ask(request: AskRequest, answerer: AnswererDep) -> Answer:
    return answerer.ask(request)


def answer_events(answer: Answer) -> Iterator[dict[str, str]]:
    """The answer's lines as ``token`` events, then the whole Answer as the final ``answer`` event."""
    for line in answer.answer.splitlines(keepends=True):
        yield {"event": "token", "data": json.dumps({"text": line})}
    yield {"event": "answer", "data": answer.model_dump_json()}


@router.post("/ask/stream", responses={200: {"content": {"text/event-stream": {}}}})
def ask_stream(request: AskRequest, answerer: AnswererDep) -> EventSourceResponse:
    answer = answerer.ask(request)
    return EventSourceResponse(answer_events(answer), ping=15)
