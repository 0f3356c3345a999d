"""Fixtures for the social map tests: actors per role and organisations made through services."""

import pytest

from naober.communities.context import resolve_actor
from naober.directory import services


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator")


@pytest.fixture
def partner(community, person_factory):
    return person_factory(community, "partner")


@pytest.fixture
def resident(community, person_factory):
    return person_factory(community)


@pytest.fixture
def make_org(coordinator):
    """Create an organisation (and services) through the service, so the search key is built."""

    def make(name, description="", services_=(), **fields):
        actor = actor_of(coordinator)
        org = services.save_organisation(
            actor, None, {"name": name, "description": description, **fields}
        )
        for service_name, service_description in services_:
            services.save_service(
                actor, org, None, {"name": service_name, "description": service_description}
            )
        org.refresh_from_db()
        return org

    return make
