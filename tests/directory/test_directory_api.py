"""The API of the social map and referrals: permissions, bounds, tenancy, fields by role."""

import pytest

from naober.directory import services
from naober.directory.models import Organisation, Referral
from naober.people.models import Person
from tests.directory.conftest import actor_of

BASE = "c/wijk/"


def test_resident_searches_organisations(api, resident, make_org):
    make_org("Groene Vingers", "Samen tuinieren", life_domains=["activities"])
    make_org("Huisarts", "Spreekuur", life_domains=["health"])
    api.login(resident)
    body = api.get(BASE + "organisations", q="tuin").json()
    assert body["count"] == 1 and body["items"][0]["name"] == "Groene Vingers"
    assert api.get(BASE + "organisations", domain="health").json()["count"] == 1
    assert api.get(BASE + "organisations", domain="raket").status_code == 422
    assert api.get(BASE + "organisations", q="x" * 101).status_code == 422


def test_create_organisation_staff_only(api, coordinator, resident):
    payload = {
        "name": "Taalhuis",
        "kind": "welfare",
        "description": "Nederlands leren",
        "life_domains": ["lifestyle"],
    }
    assert api.login(resident).post(BASE + "organisations", payload).status_code == 403
    response = api.login(coordinator).post(BASE + "organisations", payload)
    assert response.status_code == 201
    assert response.json()["life_domains"] == ["lifestyle"]
    assert api.post(BASE + "organisations", payload).status_code == 422  # same name again
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"name": ""},
        {"name": "x" * 151},
        {"name": "A", "kind": "raket"},
        {"name": "A", "email": "geen-mail"},
        {"name": "A", "phone": "bel me"},
        {"name": "A", "life_domains": ["vakantie"]},
        {"name": "A", "website": "ja nee"},
    ],
)
def test_create_organisation_bad_input_stores_nothing(api, coordinator, bad):
    response = api.login(coordinator).post(BASE + "organisations", bad)
    assert response.status_code == 422
    assert set(response.json()) >= {"detail", "code"}
    assert Organisation.objects.count() == 0


def test_broken_json_is_a_clear_400(api, coordinator):
    response = api.login(coordinator).post(BASE + "organisations", raw="{bad")
    assert response.status_code in (400, 422)
    assert Organisation.objects.count() == 0


def test_organisation_of_another_community_is_404(api, make_org, other_community, person_factory):
    org = make_org("Groene Vingers", "tuinieren")
    api.login(person_factory(other_community, "coordinator"))
    assert api.get(f"c/elders/organisations/{org.pk}").status_code == 404
    assert api.get("c/elders/organisations").json()["count"] == 0
    assert api.get(f"{BASE}organisations/{org.pk}").status_code == 404
    assert api.get(f"c/elders/organisations/{2**63}").status_code == 422


def test_partner_refers_in_and_sees_only_own(api, partner, coordinator, community, person_factory):
    api.login(partner)
    response = api.post(
        BASE + "referrals",
        {
            "name": "Greet Bakker",
            "phone": "06 11112222",
            "category": "boodschappen",
            "description": "Boodschappen",
            "note": "Slechthorend",
            "consent": True,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["direction"] == "in" and body["status"] == "sent"
    assert "note" not in body and "person" not in body
    services.refer_out(actor_of(coordinator), person=person_factory(community))
    listed = api.get(BASE + "referrals").json()
    assert listed["count"] == 1
    assert api.get(BASE + "people").status_code == 403
    other = Referral.objects.exclude(pk=body["id"]).get()
    assert api.get(f"{BASE}referrals/{other.pk}").status_code == 404
    assert api.patch(f"{BASE}referrals/{body['id']}", {"status": "declined"}).status_code == 403


def test_partner_cannot_refer_out(api, partner, resident):
    response = api.login(partner).post(BASE + "referrals", {"person": resident.pk})
    assert response.status_code == 403
    assert Referral.objects.count() == 0


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "", "phone": "06 11112222", "description": "x"},
        {"name": "Greet", "description": "x"},
        {"name": "Greet", "phone": "06 11112222", "description": "x", "category": "raket"},
        {"name": "Greet", "phone": "06 11112222", "description": "x" * 2001},
        {"name": "Greet", "phone": "06 11112222", "description": "x", "person": 0},
    ],
)
def test_refer_in_bad_input_stores_nothing(api, partner, bad):
    people = Person.objects.count()
    response = api.login(partner).post(BASE + "referrals", bad)
    assert response.status_code == 422
    assert Person.objects.count() == people and Referral.objects.count() == 0


def test_coordinator_refers_out_and_moves_status(api, coordinator, resident, make_org):
    org = make_org("Schuldhulp", "Schulden")
    api.login(coordinator)
    response = api.post(BASE + "referrals", {"person": resident.pk, "note": "Bellen"})
    assert response.status_code == 201
    referral_id = response.json()["id"]
    path = f"{BASE}referrals/{referral_id}"
    assert api.patch(path, {"status": "sent"}).status_code == 422  # no organisation yet
    response = api.patch(path, {"status": "sent", "organisation": org.pk})
    assert response.status_code == 200 and response.json()["status"] == "sent"
    assert api.patch(path, {"status": "proposed"}).status_code == 409
    assert api.patch(path, {"status": "raket"}).status_code == 422
    assert api.patch(path, {"outcome": "x" * 2001}).status_code == 422
    body = api.get(path).json()
    assert [e["to_status"] for e in body["history"]] == ["proposed", "sent"]


def test_refer_out_with_person_of_other_community_stores_nothing(
    api, coordinator, other_community, person_factory
):
    outsider = person_factory(other_community)
    response = api.login(coordinator).post(BASE + "referrals", {"person": outsider.pk})
    assert response.status_code == 422
    assert Referral.objects.count() == 0


def test_referrals_of_another_community_are_404(
    api, coordinator, resident, other_community, person_factory
):
    referral = services.refer_out(actor_of(coordinator), person=resident)
    api.login(person_factory(other_community, "coordinator"))
    assert api.get("c/elders/referrals").json()["count"] == 0
    assert api.get(f"c/elders/referrals/{referral.pk}").status_code == 404
    assert api.patch(f"c/elders/referrals/{referral.pk}", {"status": "declined"}).status_code == 404
    assert api.get(f"{BASE}referrals/{referral.pk}").status_code == 404
