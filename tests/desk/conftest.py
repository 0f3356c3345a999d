"""Fixtures for the front desk: one member per role and logged-in page clients."""

import pytest
from django.test import Client

from naober.communities.models import Role


@pytest.fixture
def members(community, person_factory):
    """One person per role in `community`, keyed by role code."""
    return {role: person_factory(community, role) for role in Role.values}


@pytest.fixture
def page_as(db):
    def make(person) -> Client:
        client = Client()
        client.force_login(person.user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture
def secret(settings):
    settings.TELEPHONY_WEBHOOK_SECRET = "test-geheim"
    return "test-geheim"
