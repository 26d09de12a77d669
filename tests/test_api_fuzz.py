"""Property-based fuzzing of every operation in the OpenAPI schema (schemathesis): valid and invalid requests
alike must never get a 5xx, and every response must match the schema the API publishes."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_settings


@pytest.fixture(scope="module")
def api_schema(corpus_index, embeddings):
    from service.app import create_app
    from service.settings import ServiceSettings

    app = create_app(ServiceSettings(index=make_settings(corpus_index)), embeddings=embeddings)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32's lazy loader renames the test node via ``Node._nodeid``, which pytest 9 lacks."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_fails_or_breaks_its_schema(case) -> None:
    response = case.call()
    if response.status_code == 422 and "swap them" in response.text:
        return  # published_from after published_to: a rule between two fields, which OpenAPI cannot state
    case.validate_response(response)


WORDS = ["which", "what", "how many", "how much", "who", "when", "why", "compare", "list", "rank", "was", "did",
         "tell me about", "which had more", "which had fewer", "the most", "how often", "what percentage of", "and",
         "what about", "the one before", "vs", "or", "in 2019", "since 2018", "between 2018 and 2020", "rated",
         "inadequate", "good", "requires improvement", "unpaid work", "through the gate", "staffing", "caseloads",
         "£3 million", "20-25%", "between 20 and 25%", "two-thirds", "the lead inspector", "the worst", "the best",
         "each", "average", "twice", "three times", "'", "\"quoted\"", "(brackets)", "?", "—", "é", "🙂",
         "<script>", "0", "-1", "9999", "1e9", "Merseyside", "Essex CRC", "London", "Wales", "Thames Valley",
         "Northumbria", "Kent"]


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(turns=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), min_size=1, max_size=3))
def test_no_question_made_of_users_words_fails(ask_client, turns: list[list[str]]) -> None:
    """Questions and follow-ups made of the words users type, in any order (a figure told as a range, money, a
    body, a year): always an answer or an abstention, never a 5xx (two such were found by a random sweep)."""
    session = None
    for words in turns:
        response = ask_client.post("/ask", json={"question": " ".join(words), **({"session_id": session} if session
                                                                                  else {})})
        assert response.status_code < 500, (words, response.text)
        session = response.json().get("session_id") if response.status_code == 200 else session


@pytest.fixture(scope="module")
def ask_client(corpus_index, embeddings):
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import ServiceSettings

    app = create_app(ServiceSettings(index=make_settings(corpus_index)), embeddings=embeddings)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
