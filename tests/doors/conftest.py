"""Fixtures for the doors: a coordinator on duty, a core-group member, and a POST helper that
sends what a person's browser sends (the signed start time, an empty honeypot)."""

import time

import pytest
from django.test import Client

from naober.doors import guard


@pytest.fixture
def staff(community, person_factory):
    return {
        "coordinator": person_factory(community, "coordinator", name="Carla Coördinator"),
        "core": person_factory(community, "core_group", name="Kees Kerngroep"),
    }


@pytest.fixture
def knock():
    """POST to a door as a person who took ten seconds to fill it in."""

    def post(client: Client, door: str, data: dict, *, slug: str = "wijk", **extra):
        form = {"started": guard.issue(door, at=time.time() - 10), "website": "", **data}
        return client.post(f"/c/{slug}/doors/{door}/", form, **extra)

    return post


@pytest.fixture
def page_as(db):
    def make(person) -> Client:
        client = Client()
        client.force_login(person.user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture
def flood(settings):
    """Rate limits on, two public forms a minute per address."""
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "public_form": "2/m"}
