"""Who may say who referred a request (issue 12.8): a coordinator naming a registered partner (a
partner's own referrals go through directory.refer_in, which names the partner). A resident
cannot name anyone, on the API or anywhere else."""

import pytest

from naober.exchange.models import HelpRequest
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def ask(api, person, **extra):
    return api.login(person).post(
        "c/wijk/requests", {"category": "tuin", "title": "Heg knippen", **extra}
    )


@pytest.fixture
def partner(community):
    return make_person(community, "partner", name="Pia Partner")


def test_a_resident_cannot_name_anyone_as_referrer(api, community, partner):
    resident = make_person(community, "resident")
    neighbour = make_person(community, "resident")
    for someone in (partner, neighbour):
        response = ask(api, resident, referred_by=someone.pk)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid"
    assert not HelpRequest.objects.exists()


def test_a_coordinator_names_a_partner_but_not_a_resident(api, community, partner):
    coordinator = make_person(community, "coordinator")
    resident = make_person(community, "resident")
    entered = {"requester": resident.pk, "channel": "phone"}
    refused = ask(api, coordinator, referred_by=resident.pk, **entered)
    assert refused.status_code == 422
    ok = ask(api, coordinator, referred_by=partner.pk, **entered)
    assert ok.status_code == 201, ok.content
    assert HelpRequest.objects.get().referred_by == partner
    # The API cannot change it afterwards at all (not a field of the change).
    api.patch(f"c/wijk/requests/{ok.json()['id']}", {"referred_by": resident.pk})
    assert HelpRequest.objects.get().referred_by == partner
