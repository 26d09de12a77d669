"""Guards around every request: a body size limit, a time limit, and error handlers that keep bad input a 4xx
with a helpful ``detail`` and turn a real server fault into a logged 500 JSON (never a bare traceback).

Order, outermost first: Starlette's server-error guard (our 500 handler), CORS, TimeLimit, BodyLimit, routes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import uuid
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("service")
MAX_BODY_BYTES = 64 * 1024
ECHO_CHARS = 200

class ErrorDetail(BaseModel):
    detail: str | list[dict[str, Any]]


# What the guards below may answer on any route; published in the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorDetail, "description": "the request body is not readable JSON"},
    413: {"model": ErrorDetail, "description": f"the request body is over {MAX_BODY_BYTES // 1024} KiB"},
    500: {"model": ErrorDetail, "description": "a server fault (logged with the reference in the detail)"},
    503: {"model": ErrorDetail, "description": "the request ran over the time limit; retry"},
}


async def send_json(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """413 for a request body over ``max_bytes``, declared (Content-Length) or streamed (chunked)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    def detail(self) -> str:
        return (f"the request body is larger than {self.max_bytes // 1024} KiB; "
                "a question is at most 1000 characters")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit():
            return await send_json(send, 400, "the Content-Length header is not a number")
        if int(declared) > self.max_bytes:
            return await send_json(send, 413, self.detail())
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413, self.detail())  # FastAPI re-raises it; the exception handler answers
            return message

        await self.app(scope, counting_receive, send)


class TimeLimit:
    """A request that runs longer than ``seconds`` gets a 503 JSON with a clear detail (an event stream that
    has started gets a final ``error`` event instead). Sync routes run in a worker thread, which cannot be
    killed: the thread finishes on its own and whatever it sends afterwards is dropped."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app, self.seconds = app, seconds

    def detail(self) -> str:
        return (f"the request took longer than {self.seconds:g} s and was stopped; "
                "try again, or ask a narrower question")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        sent: dict[str, Any] = {"started": False, "stream": False, "closed": False}

        async def guarded_send(message: Message) -> None:
            if sent["closed"]:
                return
            if message["type"] == "http.response.start":
                sent["started"] = True
                sent["stream"] = (b"content-type", b"text/event-stream") in [
                    (k.lower(), v.split(b";")[0].strip()) for k, v in message.get("headers", [])]
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        try:
            await asyncio.wait_for(asyncio.shield(task), self.seconds)
        except asyncio.TimeoutError:
            sent["closed"] = True
            task.add_done_callback(_log_late_failure)
            task.cancel()
            log.warning("%s %s stopped after %.1f s", scope.get("method"), scope.get("path"), self.seconds)
            await self._give_up(send, sent)
        except asyncio.CancelledError:
            task.cancel()
            raise

    async def _give_up(self, send: Send, sent: dict[str, Any]) -> None:
        if not sent["started"]:
            await send_json(send, 503, self.detail(), {"Retry-After": "1"})
            return
        tail = b""
        if sent["stream"]:
            tail = b"event: error\r\ndata: " + json.dumps({"detail": self.detail()}).encode() + b"\r\n\r\n"
        await send({"type": "http.response.body", "body": tail, "more_body": False})


def _log_late_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("a request that timed out failed later", exc_info=task.exception())


def json_safe(value: object) -> object:
    """A validation error's input made fit to echo: short, finite, valid UTF-8 (a lone surrogate, ``1e999``
    or a 10 MB string in the request must not break the 422 that reports it)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        text = value.encode("utf-8", errors="replace").decode("utf-8")
        return text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS] + "…"
    if isinstance(value, dict):
        return {str(json_safe(k)): json_safe(v) for k, v in list(value.items())[:20]}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value[:20]]
    return value if value is None or isinstance(value, (bool, int, float)) else json_safe(str(value))


async def validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{k: json_safe(v) if k in ("input", "ctx") else v for k, v in error.items()}
              for error in exc.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


async def server_fault(request: Request, exc: Exception) -> JSONResponse:
    """A real server fault: logged with a reference the user can quote; no internals in the response."""
    ref = uuid.uuid4().hex[:12]
    log.error("unexpected error %s on %s %s", ref, request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": f"internal error (reference {ref}); it has been logged"}, status_code=500)


def install(app: FastAPI, timeout_s: float, max_body_bytes: int = MAX_BODY_BYTES) -> None:
    """Add the guards to ``app``; the last middleware added is the outermost."""
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(TimeLimit, seconds=timeout_s)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_fault)
