"""A funder sees aggregates only: not even another person's public card."""

import pytest

pytestmark = pytest.mark.django_db


def test_funder_cannot_open_a_persons_card(community, person_factory, api):
    funder = person_factory(community, "funder")
    resident = person_factory(community, "resident", name="Geertje Visser")
    response = api.login(funder).get(f"c/{community.slug}/people/{resident.pk}")
    # Not allowed answers like not there (issue 12.3): 404, and nothing about the person.
    assert response.status_code == 404
    assert "Geertje" not in response.content.decode()


def test_resident_cannot_look_up_a_neighbour_nothing_joins_them_to(community, person_factory, api):
    """Issue 12.3: a card is for staff, and for others only where a request, offer, match,
    referral or visit joins them; otherwise the same 404 as for an id that does not exist."""
    viewer = person_factory(community, "resident")
    neighbour = person_factory(community, "resident", name="Geertje Visser")
    response = api.login(viewer).get(f"c/{community.slug}/people/{neighbour.pk}")
    missing = api.login(viewer).get(f"c/{community.slug}/people/999999")
    assert response.status_code == missing.status_code == 404
    assert "Geertje" not in response.content.decode()


def test_funder_can_open_their_own_card(community, person_factory, api):
    funder = person_factory(community, "funder", name="Fenna Fonds")
    response = api.login(funder).get(f"c/{community.slug}/people/{funder.pk}")
    assert response.status_code == 200
