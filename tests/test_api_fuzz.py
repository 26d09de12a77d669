"""Property-based fuzzing of every operation in the OpenAPI schema (schemathesis): valid and invalid requests
alike must never get a 5xx, and every response must match the schema the API publishes."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

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
