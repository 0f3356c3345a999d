"""Shared fixtures: communities, people with roles, logged-in API clients."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM calls
# from that thread. The browser tests only touch the database through the live server's threads
# and through fixtures, so this check is safe to lift for the test process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.core.servers.basehttp import WSGIServer  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402

from tests.factories import ApiClient, make_community, make_person  # noqa: E402


class OneAtATimeServer(WSGIServer):
    """The live server of the browser tests, answering one request at a time.

    On SQLite the tests' database lives in memory, and the live server shares the test's one
    connection with every request thread (pytest-django's connections_override). Two requests at
    once (a page and the favicon, each saving the session) then use one connection from two
    threads, and the second can meet the first's open transaction: an OperationalError, the 503
    page and a flaky test (seen once in CI: the request page after login). The production
    server has a connection per thread on a file database and holds (tests/ops cover it); here
    one request at a time is the honest set-up.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override


LiveServerThread.server_class = OneAtATimeServer


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is the real hasher (see test_settings); tests use MD5 to stay quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def community(db):
    return make_community("wijk", "Buurthulp De Wijk")


@pytest.fixture
def other_community(db):
    return make_community("elders", "Burenhulp Elders")


@pytest.fixture
def person_factory(db):
    return make_person


@pytest.fixture
def api(db):
    """A JSON client; `api.login(person)` gives it a bearer token."""
    return ApiClient()
