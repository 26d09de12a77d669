"""``POST /ask`` and ``POST /ask/stream`` over HTTP: the contract's shapes, streaming, sessions across a restart."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import ServiceSettings
from tests.conftest import make_settings

CITATION_FIELDS = {"n", "report_id", "body", "title", "published", "page", "section", "source", "quote"}


def sse_events(text: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a text/event-stream body."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line and not line.startswith(":")]
        name = next((line[6:].strip() for line in lines if line.startswith("event:")), "message")
        data = "\n".join(line[5:].removeprefix(" ") for line in lines if line.startswith("data:"))
        if data:
            events.append((name, data))
    return events


def test_list_answer_has_the_contract_shape(client) -> None:
    answer = client.post("/ask", json={"question": "Which CRCs had unpaid work risk concerns?"}).json()
    assert set(answer) >= {"answer", "abstained", "session_id", "citations", "items"}
    assert all(CITATION_FIELDS <= set(c) and c["quote"] for c in answer["citations"])
    assert [i["body"] for i in answer["items"]] == ["Thames Valley CRC"]
    assert answer["items"][0]["verdict"] == "concern" and answer["items"][0]["citations"]


def test_unanswerable_question_abstains(client) -> None:
    answer = client.post("/ask", json={"question": "What was London CRC's annual budget or contract value?"}).json()
    assert answer["abstained"] is True and answer["citations"] == [] and answer["items"] == []


def test_stream_ends_with_the_whole_answer(client) -> None:
    question = {"question": "How many people did Thames Valley CRC supervise in March 2018?"}
    response = client.post("/ask/stream", json=question)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response.text)
    names = [name for name, _ in events]
    assert names[-1] == "answer" and "token" in names and set(names) <= {"status", "token", "answer"}
    final = json.loads(events[-1][1])
    streamed = "".join(json.loads(data)["text"] for name, data in events if name == "token")
    assert streamed == final["answer"] and "4,750" in final["answer"]
    assert final["citations"] and all(CITATION_FIELDS <= set(c) for c in final["citations"])


def test_stream_rejects_bad_input_with_4xx(client) -> None:
    response = client.post("/ask/stream", json={"question": " "})
    assert 400 <= response.status_code < 500 and "detail" in response.json()


def test_filters_restrict_the_reports(client) -> None:
    answer = client.post("/ask", json={"question": "How many people did it supervise?",
                                       "filters": {"body": "Wales CRC"}}).json()
    assert {c["body"] for c in answer["citations"]} == {"Wales CRC"} and "9,000" in answer["answer"]


def test_session_survives_recreating_the_app(client, corpus_index, embeddings) -> None:
    first = client.post("/ask", json={"question": "What overall rating did Merseyside CRC get in 2018?"}).json()
    app = create_app(ServiceSettings(index=make_settings(corpus_index)), embeddings=embeddings)
    with TestClient(app) as restarted:
        follow = restarted.post("/ask", json={"question": "And Essex?", "session_id": first["session_id"]}).json()
    assert follow["session_id"] == first["session_id"] and not follow["abstained"]
    assert {c["body"] for c in follow["citations"]} == {"Essex CRC"}
