"""Probe every operation of the API's own OpenAPI document (issues 2 and 7).

- Without a token every operation answers 401 (except getting a token).
- The coordinator of "elders" gets 404 for every operation of "wijk", as for a community that
  does not exist.
- A resident, volunteer, partner, funder or core-group member never reads another resident's
  phone, email or address, nor visit, contact-log or follow-up notes, in any GET answer.
- Hostile input from a coordinator (broken JSON, wrong types in every field, 100 KB strings, NUL
  bytes, right-to-left overrides, absurd ids) is answered with a 4xx, never a 500, and a refused
  request leaves every table as it was.
"""

import json

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from naober.api.models import ApiToken
from tests.factories import make_community
from tests.security.openapi import BAD_IDS, BODY_METHODS, load
from tests.security.probes import (
    body_text,
    fill,
    ids_of,
    leaks,
    model_for,
    secret_pattern,
    secrets,
)
from tests.security.test_security_pages import ALLOWED_BY_ROLE
from tests.security.world import VIEWER_ROLES

# Operations open without a token, with the reason (the "who" column of /work/shared/API.md,
# "Setting up and letting people in": anyone, no token).
NO_TOKEN_NEEDED = {
    "POST /api/v1/token": "trading a user name and password for a token",
    "GET /api/v1/c/{community}/contact": "how to reach the help desk (API.md: anyone, no token)",
    "POST /api/v1/activate": "activating an invitation code (API.md: anyone, no token)",
    "POST /api/v1/c/{community}/join": "signing up (API.md: anyone, no token, rate-limited)",
    "POST /api/v1/c/{community}/join/verify": "confirming a sign-up's code (docs/api.md: anyone)",
    "POST /api/v1/c/{community}/callback": "'Bel mij terug' (API.md Reach: anyone, rate-limited)",
    "POST /api/v1/c/{community}/concerns": "a worry about a neighbour (API.md Reach: anyone)",
    "POST /api/v1/c/{community}/volunteers": "'Ik wil helpen' (docs/api.md: anyone, rate-limited)",
    "POST /api/v1/c/{community}/talents": "'Waar bent u goed in?' (docs/api.md: anyone)",
}
# Webhooks of outside providers: no token, but a signature; without one they refuse (401 or 403).
SIGNED_BY_PROVIDER = {
    "POST /api/v1/sms/inbound": "the SMS gateway (API.md: signed, 403 on a bad signature)",
    "POST /api/v1/c/{community}/desk/incoming-call": "the telephony provider (signed, 401)",
}
UNSIGNED_REFUSED = {401, 403}
# Operations the hostile-input probe leaves alone, with the reason.
NOT_FUZZED = {"DELETE /api/v1/token": "revoking the token would log the probe out"}
# Tables that may change on a refused request: logs of the refusal itself, sessions, tokens,
# queued background tasks and lockout bookkeeping.
VOLATILE_TABLES = {
    "privacy.AuditEntry",
    "privacy.AuditChainHead",
    "sessions.Session",
    "api.ApiToken",
    "admin.LogEntry",
    "django_tasks_database.DBTaskResult",
    # The suggestions' bookkeeping: the index version counter (made on the first ranking in a
    # community) and the kept batch plan (made on the plan page's first visit); caches, not
    # anything posted.
    "matchmaking.MatchingVersion",
    "matchmaking.PlanSnapshot",
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "axes.AccessAttemptExpiration",
}
RAW_BODIES = ["{bad", "", "null", "[]", "[{}]", '"tekst"', "123", "{" * 2000]
# Found and not yet fixed: str(operation) -> the problem. Each must still fail (strict).
KNOWN_FAILURES: dict[str, str] = {}


class Caller:
    """Django's test client speaking JSON to the API with a bearer token (or none)."""

    def __init__(self, person=None):
        self.client = Client()
        self.headers = {}
        if person is not None:
            _token, raw = ApiToken.issue(person.user)
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def call(self, method: str, url: str, body=None, raw: str | None = None, **query):
        if method == "get":
            return self.client.get(url, query, **self.headers)
        if method == "delete":
            return self.client.delete(url, **self.headers)
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return getattr(self.client, method)(
            url, data, content_type="application/json", **self.headers
        )


def row_counts() -> dict[str, int]:
    """Rows per table of every model, in one query (it runs after each refused request)."""
    models = [
        m for m in apps.get_models() if m._meta.label not in VOLATILE_TABLES and m._meta.managed
    ]
    sql = " UNION ALL ".join(
        # Table names come from the models, quoted: nothing from outside reaches this SQL.
        f"SELECT {index}, COUNT(*) FROM {connection.ops.quote_name(m._meta.db_table)}"  # noqa: S608
        for index, m in enumerate(models)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {models[index]._meta.label: total for index, total in cursor.fetchall()}


def path_values(operation, community, *, slug: str, pick: int = 0) -> dict:
    """The path parameters: the slug and, per id, a real row of `community` (pick: 0 the first,
    1 the last, 2 one in the middle) or 1 where the model is unknown."""
    values = {"community": slug}
    for name in operation.path_params:
        if name == "community":
            continue
        ids = ids_of(model_for(name, "naober.api"), community)
        values[name] = ids[min(pick, len(ids) - 1)] if ids else 1
    return values


@pytest.fixture
def document(db):
    return load()


def test_the_document_lists_every_app_with_an_api(document):
    paths = {op.path for op in document.operations()}
    for expected in ("people", "requests", "offers", "matches", "organisations", "visits"):
        assert f"/api/v1/c/{{community}}/{expected}" in paths


def test_without_a_token_every_operation_answers_401(document):
    make_community("wijk", "Buurthulp De Wijk")
    caller, problems = Caller(), []
    for op in document.operations():
        if str(op) in NO_TOKEN_NEEDED:
            continue
        url = fill(op.path, {name: "wijk" if name == "community" else 1 for name in op.path_params})
        response = caller.call(op.method, url, document.example(op.body))
        expected = UNSIGNED_REFUSED if str(op) in SIGNED_BY_PROVIDER else {401}
        if response.status_code not in expected:
            problems.append(f"{op}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_platform_operations_refuse_a_community_coordinator_alike_for_any_slug(worlds, document):
    """Operations outside /c/ (creating a community, appointing its administrator) are for
    superusers only (API.md): anyone else gets the same 403 for a real and an unknown slug, so
    the answer tells nothing about which communities exist, and nothing is stored."""
    caller, problems = Caller(worlds["elders"].coordinator), []
    before = row_counts()
    platform = [op for op in document.operations() if op.platform]
    assert "POST /api/v1/communities/{community}/administrators" in map(str, platform)
    for op in platform:
        for slug in ("wijk", "bestaat-niet"):
            url = fill(op.path, {name: slug for name in op.path_params})
            response = caller.call(op.method, url, document.example(op.body))
            if response.status_code != 403 or response.json().get("code") != "forbidden":
                problems.append(f"{op} {slug}: {response.status_code}")
    assert not problems, "\n".join(problems)
    assert row_counts() == before


def test_another_communitys_coordinator_gets_404_for_every_operation(worlds, document):
    wijk = worlds["wijk"]
    caller, problems = Caller(worlds["elders"].coordinator), []
    before = row_counts()
    for op in document.operations():
        if not op.in_community or str(op) in NO_TOKEN_NEEDED | SIGNED_BY_PROVIDER:
            continue
        url = fill(op.path, path_values(op, wijk.community, slug="wijk"))
        response = caller.call(op.method, url, document.example(op.body))
        if response.status_code != 404:
            problems.append(f"{op}: {response.status_code} {response.content[:200]!r}")
    assert not problems, "\n".join(problems)
    assert row_counts() == before


def test_the_leak_detector_reads_api_answers(worlds):
    """The probe itself: a coordinator's answer about a resident does carry the secrets."""
    wijk = worlds["wijk"]
    resident = wijk.residents[0]
    found = secrets(wijk.viewers["resident"])
    response = Caller(wijk.coordinator).call("get", f"/api/v1/c/wijk/people/{resident.pk}")
    seen = leaks(body_text(response), secret_pattern(found), found)
    assert any(resident.phone in item for item in seen)
    assert any(resident.address in item for item in seen)


def test_no_answer_gives_a_viewer_someone_elses_contact_details_or_notes(worlds, document):
    """One walk per role (in one test: the world is built once for all five)."""
    problems = []
    for role in VIEWER_ROLES:
        problems += [f"{role}: {p}" for p in read_as_viewer(worlds["wijk"], document, role)]
    assert not problems, "\n".join(problems)


def read_as_viewer(world, document, role: str) -> list[str]:
    viewer = world.viewers[role]
    found = secrets(viewer, allow=frozenset(ALLOWED_BY_ROLE.get(role, {})))
    pattern = secret_pattern(found)
    caller, problems, failing = Caller(viewer), [], set()
    for op in document.operations():
        if op.method != "get":
            continue
        for pick in (0, 1):
            url = fill(op.path, path_values(op, world.community, slug="wijk", pick=pick))
            response = caller.call("get", url, limit=200)
            problem = ""
            if response.status_code >= 500:
                problem = f"{url}: {response.status_code}"
            elif response.status_code == 200:
                seen = leaks(body_text(response), pattern, found)
                problem = f"{url} gives {', '.join(seen[:5])}" if seen else ""
            if problem:
                failing.add(str(op))
                if f"{role} {op}" not in KNOWN_FAILURES:
                    problems.append(problem)
    return problems + [
        f"{key}: fixed, remove it from KNOWN_FAILURES"
        for key in KNOWN_FAILURES
        if key.startswith(f"{role} ") and key.removeprefix(f"{role} ") not in failing
    ]


def hostile_requests(document, op, values: dict):
    """(label, url, body, raw) for every hostile variant of one operation."""
    url = fill(op.path, values)
    example = document.example(op.body)
    if op.method in BODY_METHODS:
        for raw in RAW_BODIES:
            yield f"raw {raw[:10]!r}", url, None, raw
        for name, schema in document.properties(op.body).items():
            for value in document.wrong_values(schema):
                shown = repr(value)[:30]
                yield f"{name}={shown}", url, {**example, name: value}, None
    for name in op.path_params:
        if name == "community":
            continue
        for bad in BAD_IDS:
            yield f"{name}={bad}", fill(op.path, {**values, name: bad}), example, None


def test_hostile_input_is_refused_cleanly_and_stores_nothing(worlds, document):
    wijk = worlds["wijk"]
    caller, problems, failing, refused = Caller(wijk.coordinator), [], set(), set()
    counts = row_counts()
    for op in document.operations():
        if not op.in_community or str(op) in NOT_FUZZED:
            continue
        if op.method not in BODY_METHODS and not op.path_params[1:]:
            continue
        values = path_values(op, wijk.community, slug="wijk", pick=2)
        for label, url, body, raw in hostile_requests(document, op, values):
            status = caller.call(op.method, url, body, raw).status_code
            problem = ""
            if status >= 500:
                problem = f"{op} {label}: {status}"
            elif status >= 400:
                refused.add(str(op))
                after = row_counts()
                if after != counts:
                    changed = {k: (counts[k], after[k]) for k in after if after[k] != counts[k]}
                    problem = f"{op} {label}: {status} but stored {changed}"
                    counts = after
            else:
                counts = row_counts()  # accepted (an RTL name is a fine name): a new baseline
            if problem:
                failing.add(str(op))
                if str(op) not in KNOWN_FAILURES:
                    problems.append(problem)
    problems += [
        f"{key}: fixed, remove it from KNOWN_FAILURES" for key in set(KNOWN_FAILURES) - failing
    ]
    assert not problems, "\n".join(problems)
    assert "POST /api/v1/c/{community}/requests" in refused  # the probe did reach the handlers
