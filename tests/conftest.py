"""Shared fixtures: communities, people with roles, logged-in API clients."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM calls
# from that thread. The browser tests only touch the database through the live server's threads
# and through fixtures, so this check is safe to lift for the test process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.factories import ApiClient, make_community, make_person  # noqa: E402


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
