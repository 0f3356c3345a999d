"""Fixtures for the foundation tests: one member per role, and page clients logged in as them."""

import pytest
from django.test import Client

from naober.communities.models import Role


@pytest.fixture
def members(community, person_factory):
    """One person per role in `community`, keyed by role code."""
    return {role: person_factory(community, role) for role in Role.values}


@pytest.fixture
def browser_as():
    """A Django page client logged in as this person (no password round trip: fast)."""

    def make(person) -> Client:
        client = Client()
        client.force_login(person.user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make
