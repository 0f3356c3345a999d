"""A funder sees aggregates only: not even another person's public card."""

import pytest

pytestmark = pytest.mark.django_db


def test_funder_cannot_open_a_persons_card(community, person_factory, api):
    funder = person_factory(community, "funder")
    resident = person_factory(community, "resident", name="Geertje Visser")
    response = api.login(funder).get(f"c/{community.slug}/people/{resident.pk}")
    assert response.status_code == 403
    assert "Geertje" not in response.content.decode()


def test_resident_can_open_a_neighbours_public_card(community, person_factory, api):
    viewer = person_factory(community, "resident")
    neighbour = person_factory(community, "resident", name="Geertje Visser")
    response = api.login(viewer).get(f"c/{community.slug}/people/{neighbour.pk}")
    assert response.status_code == 200
    assert response.json()["name"] == "Geertje"


def test_funder_can_open_their_own_card(community, person_factory, api):
    funder = person_factory(community, "funder", name="Fenna Fonds")
    response = api.login(funder).get(f"c/{community.slug}/people/{funder.pk}")
    assert response.status_code == 200
