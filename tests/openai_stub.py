"""A small OpenAI-compatible chat-completions server on loopback, scripted per test: the real ``ChatOpenAI``
client talks to it over HTTP, streaming or not. A script turns the request's messages into the reply text, or
raises ``Reply`` to answer with an HTTP error, a delay or a malformed body."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from eval.bench_queries import free_port, wait_until

Script = Callable[[list[dict]], str]


@dataclass
class Reply(Exception):
    """Raised by a script: answer with this status and body (after ``delay_s``)."""

    status: int = 500
    body: str = '{"error": {"message": "scripted failure"}}'
    delay_s: float = 0.0


@dataclass
class Stub:
    url: str
    script: Script = lambda messages: "Nothing to say [1]."
    delay_s: float = 0.0                         # before the reply (slowness)
    calls: list[dict] = field(default_factory=list)


def evidence_of(messages: list[dict]) -> list[dict]:
    """The EVIDENCE JSON the service put in its prompt."""
    text = messages[-1]["content"]
    start = text.index("```json\n") + len("```json\n")
    return json.loads(text[start:text.index("\n```", start)])


def _chunks(text: str, model: str) -> Iterator[str]:
    for i in range(0, len(text), 7):  # a few characters at a time, as a real server streams
        delta = {"choices": [{"index": 0, "delta": {"content": text[i:i + 7]}, "finish_reason": None}],
                 "id": "stub", "object": "chat.completion.chunk", "created": 0, "model": model}
        yield f"data: {json.dumps(delta)}\n\n"
    done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "id": "stub",
            "object": "chat.completion.chunk", "created": 0, "model": model}
    yield f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n"


def build(stub: Stub) -> Starlette:
    async def completions(request: Request) -> Response:
        payload = await request.json()
        stub.calls.append(payload)
        try:
            await asyncio.sleep(stub.delay_s)
            text = stub.script(payload["messages"])
        except Reply as reply:
            await asyncio.sleep(reply.delay_s)
            return PlainTextResponse(reply.body, status_code=reply.status, media_type="application/json")
        model = payload.get("model", "stub")
        if payload.get("stream"):
            return StreamingResponse(_chunks(text, model), media_type="text/event-stream")
        return JSONResponse({"id": "stub", "object": "chat.completion", "created": 0, "model": model,
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": text}}],
                             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

    return Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"])])


@contextmanager
def running() -> Iterator[Stub]:
    """The stub on a free loopback port for the duration of the block."""
    port = free_port()
    stub = Stub(url=f"http://127.0.0.1:{port}/v1")
    server = uvicorn.Server(uvicorn.Config(build(stub), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, 20, "the OpenAI-compatible stub")
    try:
        yield stub
    finally:
        server.should_exit = True
        thread.join(timeout=10)
