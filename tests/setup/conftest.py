"""Fixtures for setting a community up: one member per role, a superuser with an API token."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from naober.api.models import ApiToken
from naober.communities.models import Role
from tests.factories import ApiClient


@pytest.fixture
def members(community, person_factory):
    """One person per role in `community`, keyed by role code."""
    return {role: person_factory(community, role) for role in Role.values}


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("platform", "p@voorbeeld.nl", "geheim-123")


@pytest.fixture
def platform_api(superuser):
    """The API as a platform administrator who is a member of no community."""
    client = ApiClient()
    _, client.token = ApiToken.issue(superuser)
    return client


@pytest.fixture
def api_as(db):
    def make(person) -> ApiClient:
        return ApiClient().login(person)

    return make


@pytest.fixture
def page_as():
    """A Django page client logged in as this user or person's user."""

    def make(who) -> Client:
        client = Client()
        user = getattr(who, "user", who)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make
