"""Fixtures for the matching layer: a coordinator, logged-in page clients, a clean cache."""

import pytest
from django.test import Client

from naober.matchmaking import cache


@pytest.fixture(autouse=True)
def clean_cache():
    cache.forget()
    yield
    cache.forget()


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator", name="Carla Coördinator")


@pytest.fixture
def as_person():
    def make(person) -> Client:
        client = Client()
        client.force_login(person.user)
        return client

    return make
