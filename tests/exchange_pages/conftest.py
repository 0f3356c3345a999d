"""Fixtures for the exchange pages: people with roles and a client logged in as one of them."""

import pytest
from django.test import Client


@pytest.fixture
def as_person():
    """`as_person(person)` returns a Django test client logged in as that person."""

    def make(person) -> Client:
        client = Client()
        client.force_login(person.user)
        return client

    return make


@pytest.fixture
def resident(community, person_factory):
    return person_factory(community, "resident", name="Annie de Vries")


@pytest.fixture
def volunteer(community, person_factory):
    return person_factory(community, "volunteer", name="Bram Jansen")


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator", name="Carla Coördinator")
