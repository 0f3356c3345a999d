"""Fuzz every mounted API operation with schemathesis: never a 500, always the documented shape.

The schema is read from the running app, so endpoints other apps add are covered automatically.
Calls go to the WSGI app in-process; a coordinator of the seeded community "wijk" is logged in.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from naober.api.models import ApiToken
from tests.factories import make_community, make_person

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _load_schema():
    """Read the OpenAPI document from the app itself (no database needed for that); the handler
    is built here because naober.wsgi refuses the test settings."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


schema = _load_schema()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calls go through the raw WSGI handler, whose request signals close "old" connections; inside
    a test transaction that would close the test's own PostgreSQL connection (Django's test client
    disconnects these handlers for the same reason)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def coordinator_token(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", "admin")
    for _ in range(2):
        make_person(community)
    _token, raw = ApiToken.issue(coordinator.user)
    return raw


@schema.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case, coordinator_token):
    if "community" in (case.path_parameters or {}):
        case.path_parameters["community"] = "wijk"
    if case.path == "/api/v1/token" and case.method == "DELETE":
        pytest.skip("revoking the token would log the fuzzer out")
    case.call_and_validate(headers={"Authorization": f"Bearer {coordinator_token}"}, checks=CHECKS)
