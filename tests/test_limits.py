"""Request limits and load: a time limit answered with 503 JSON, a body size limit, a logged 500 JSON for real
faults only, and identical answers for 20 concurrent clients of a real uvicorn server."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from service.deps import get_answerer
from service.schemas import Answer, AskRequest
from tests.conftest import make_settings

QUESTIONS = [
    "What overall rating did Essex CRC receive in its 2018 inspection?",
    "Which CRCs had unpaid work risk concerns?",
    "How many people did Thames Valley CRC supervise in March 2018?",
    "Which CRC was the first to be rated Good by HM Inspectorate of Probation?",
    "What did inspectors say about victim contact in Merseyside?",
    "Which company took over Dorset, Devon and Cornwall CRC?",
    "Were any CRCs rated outstanding?",
    "What is the capital of France?",
]


def make_app(corpus_index, embeddings, **overrides):  # type: ignore[no-untyped-def]
    from service.app import create_app
    from service.settings import ServiceSettings

    return create_app(ServiceSettings(index=make_settings(corpus_index), **overrides), embeddings=embeddings)


class SlowAnswerer:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def ask(self, request: AskRequest) -> Answer:
        time.sleep(self.seconds)
        return Answer(answer="late", abstained=True, session_id="s")

    def stream(self, request: AskRequest) -> Iterator[object]:
        time.sleep(self.seconds)
        yield from ()


class BrokenAnswerer:
    def ask(self, request: AskRequest) -> Answer:
        raise RuntimeError("a bug deep in the answerer")


@pytest.fixture(scope="module")
def guarded(corpus_index, embeddings) -> Iterator[TestClient]:
    """The app with a 0.5 s time limit; tests swap the answerer for a slow or broken one."""
    app = make_app(corpus_index, embeddings, request_timeout_s=0.5)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
        app.dependency_overrides.clear()


def test_a_slow_request_gets_503_json_in_time(guarded: TestClient) -> None:
    guarded.app.dependency_overrides[get_answerer] = lambda: SlowAnswerer(3.0)
    started = time.monotonic()
    response = guarded.post("/ask", json={"question": "anything?"})
    assert time.monotonic() - started < 2.5
    assert response.status_code == 503 and "longer than 0.5 s" in response.json()["detail"]
    assert response.headers["retry-after"]


def test_a_slow_stream_ends_with_an_error_event(guarded: TestClient) -> None:
    guarded.app.dependency_overrides[get_answerer] = lambda: SlowAnswerer(3.0)
    response = guarded.post("/ask/stream", json={"question": "anything?"})
    assert response.status_code == 200
    assert "event: error" in response.text and "longer than 0.5 s" in response.text


def test_fast_requests_are_untouched_by_the_limit(guarded: TestClient) -> None:
    assert guarded.get("/health").status_code == 200


def test_a_server_fault_is_a_logged_500_json(guarded: TestClient, caplog) -> None:
    guarded.app.dependency_overrides[get_answerer] = lambda: BrokenAnswerer()
    with caplog.at_level(logging.ERROR, logger="service"):
        response = guarded.post("/ask", json={"question": "anything?"})
    assert response.status_code == 500
    detail = response.json()["detail"]
    assert "reference" in detail and "a bug deep" not in detail  # no internals leak
    assert any("RuntimeError" in (r.exc_text or "") or r.exc_info for r in caplog.records)


@pytest.mark.parametrize("content", [
    json.dumps({"question": "x" * 100_000}).encode(),
    iter([b'{"question": "', b"x" * 70_000, b'"}']),  # chunked: no Content-Length to check up front
])
def test_an_oversized_body_gets_413(guarded: TestClient, content) -> None:  # type: ignore[no-untyped-def]
    response = guarded.post("/ask", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "64 KiB" in response.json()["detail"]


@pytest.mark.parametrize("request_kwargs, field", [
    ({"json": {"question": "q" * 1001}}, "question"),
    ({"json": {"question": " \n\t "}}, "question"),
    ({"json": {"question": "ok?", "session_id": "has spaces"}}, "session_id"),
    ({"json": {"question": "ok?", "session_id": "x" * 65}}, "session_id"),
    ({"json": {"question": "ok?", "filters": {"published_from": "14/03/2019"}}}, "published_from"),
    ({"json": {"question": "ok?", "filters": {"published_to": 0}}}, "published_to"),
    ({"json": {"question": "ok?", "filters": {"grade": "excellent"}}}, "grade"),
    ({"json": {"question": "ok?", "filters": {"region": "north"}}}, "region"),
    ({"content": b'{"question": 1e999}'}, "question"),
    ({"content": b'{"question": "\\ud800 lone surrogate"}'}, "question"),
])
def test_bad_ask_input_is_422_naming_the_field(client, request_kwargs, field) -> None:  # type: ignore
    response = client.post("/ask", headers={"content-type": "application/json"}, **request_kwargs)
    assert response.status_code == 422, response.text
    assert field in json.dumps(response.json()["detail"])


@pytest.mark.parametrize("params, field", [
    ({"q": "x", "k": 0}, "k"), ({"q": "x", "k": 101}, "k"), ({"q": ""}, "q"), ({"q": "x" * 1001}, "q"),
    ({"q": "x", "published_from": "0"}, "published_from"), ({"q": "x", "grade": "fine"}, "grade"),
])
def test_bad_search_input_is_422_naming_the_field(client, params, field) -> None:  # type: ignore
    response = client.get("/search", params=params)
    assert response.status_code == 422 and field in json.dumps(response.json()["detail"])


def strip_session(answer: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in answer.items() if k != "session_id"}


@pytest.fixture(scope="module")
def server_url(corpus_index, embeddings) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, over the demo corpus index."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = make_app(corpus_index, embeddings, request_timeout_s=120)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=30)
    sock.close()


def test_twenty_concurrent_clients_get_the_serial_answers(server_url: str) -> None:
    with httpx.Client(base_url=server_url, timeout=120) as http:
        serial = {q: strip_session(http.post("/ask", json={"question": q}).json()) for q in QUESTIONS}
    jobs = [QUESTIONS[i % len(QUESTIONS)] for i in range(60)]

    def ask(question: str) -> tuple[str, int, dict]:  # type: ignore[type-arg]
        with httpx.Client(base_url=server_url, timeout=120) as http:
            response = http.post("/ask", json={"question": question})
            return question, response.status_code, response.json()

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(ask, jobs))
    assert [status for _, status, _ in results] == [200] * len(jobs)
    for question, _, answer in results:
        assert strip_session(answer) == serial[question], question
    assert len({answer["session_id"] for _, _, answer in results}) == len(jobs)
