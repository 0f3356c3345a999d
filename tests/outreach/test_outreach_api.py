"""API: /c/{community}/visits and /signals. Roles, notes only for allowed roles, bad input."""

import pytest

from naober.outreach.models import HouseVisit, Signal
from naober.people.models import Consent

VISIT = {
    "visited_on": "2026-03-02",
    "outcome": "held",
    "notes": "Geheime notitie",
    "domains": [{"domain": "health", "needs": "Iemand om mee te wandelen", "trits": "neighbours"}],
    "consent_visit_notes": True,
    "consent_matching": True,
}


def test_visitor_records_and_sees_own_visit_with_notes(api, cast, walk_list, audit_calls):
    api.login(cast.visitor)
    response = api.post("c/wijk/visits", VISIT | {"person": cast.resident.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["notes"] == "Geheime notitie" and body["domains"][0]["trits"] == "neighbours"
    listed = api.get("c/wijk/visits").json()
    assert listed["count"] == 1 and listed["items"][0]["notes"] == "Geheime notitie"
    assert len(audit_calls) == 2  # the answer to the POST and the list each read the notes


def test_core_group_sees_notes_other_volunteer_sees_nothing(api, cast, held_visit, audit_calls):
    core = api.login(cast.core).get("c/wijk/visits").json()
    assert core["items"][0]["notes"] and audit_calls
    other = api.login(cast.other_visitor).get("c/wijk/visits").json()
    assert other == {"count": 0, "items": []}
    assert api.get(f"c/wijk/visits/{held_visit.pk}").status_code == 404


@pytest.mark.parametrize("who", ["partner", "resident"])
def test_partner_and_resident_never_see_visits(api, cast, held_visit, who):
    api.login(getattr(cast, who))
    assert api.get("c/wijk/visits").status_code == 403
    assert api.get(f"c/wijk/visits/{held_visit.pk}").status_code == 403
    assert api.post("c/wijk/visits", VISIT | {"address": "Dorpsstraat 1"}).status_code == 403
    assert HouseVisit.objects.count() == 1


@pytest.mark.parametrize(
    "payload",
    [
        VISIT | {"outcome": "maybe", "address": "x"},
        VISIT | {"visited_on": "gisteren", "address": "x"},
        VISIT | {"address": "x" * 201},
        VISIT | {"person": 0},
        VISIT | {"person": 2**63},
        VISIT | {"domains": [{"domain": "dreams"}]},
        VISIT | {"domains": [{"domain": "health", "trits": "all"}], "address": "x"},
        VISIT | {"domains": [{"domain": "health", "needs": "x" * 1001}], "address": "x"},
        VISIT,  # neither a person nor an address
        VISIT | {"visited_on": "2099-01-01", "address": "x"},
    ],
)
def test_bad_visit_input_is_a_4xx_and_stores_nothing(api, cast, walk_list, payload):
    response = api.login(cast.visitor).post("c/wijk/visits", payload)
    assert response.status_code in (404, 422), response.content
    assert set(response.json()) >= {"detail", "code"}
    assert HouseVisit.objects.count() == 0 and Consent.objects.count() == 0


def test_broken_json_is_a_400(api, cast):
    response = api.login(cast.visitor).post("c/wijk/visits", raw="{bad")
    assert response.status_code == 400
    assert api.post("c/wijk/signals", raw="{bad").status_code == 400


def test_person_of_another_community_is_404(api, cast, other_community, person_factory):
    stranger = person_factory(other_community, "resident")
    response = api.login(cast.coordinator).post("c/wijk/visits", VISIT | {"person": stranger.pk})
    assert response.status_code == 404
    response = api.post("c/wijk/signals", {"description": "x", "person_concerned": stranger.pk})
    assert response.status_code == 404
    assert HouseVisit.objects.count() == 0 and Signal.objects.count() == 0


def test_non_member_gets_404(api, held_visit, other_community, person_factory):
    api.login(person_factory(other_community, "coordinator"))
    assert api.get("c/wijk/visits").status_code == 404
    assert api.get("c/wijk/signals").status_code == 404


def test_signal_lifecycle_over_the_api(api, cast):
    raised = api.login(cast.resident).post(
        "c/wijk/signals",
        {"description": "Straatlantaarn kapot", "urgency": "low", "kind": "structural"},
    )
    assert raised.status_code == 201
    signal_id = raised.json()["id"]
    assert "raised_by" not in raised.json()
    api.login(cast.core)
    response = api.patch(
        f"c/wijk/signals/{signal_id}",
        {"status": "discussing", "assignee": cast.core.pk, "due_on": "2026-12-01"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["assignee"] == cast.core.pk
    response = api.patch(
        f"c/wijk/signals/{signal_id}",
        {"status": "closed", "public_outcome": "De gemeente heeft de lamp gemaakt."},
    )
    assert response.json()["status"] == "closed"
    mine = api.login(cast.resident).get("c/wijk/signals").json()
    assert mine["count"] == 1
    assert mine["items"][0]["public_outcome"] == "De gemeente heeft de lamp gemaakt."
    assert "assignee" not in mine["items"][0] and "outcome" not in mine["items"][0]


def test_patch_is_for_triage_roles(api, cast):
    signal_id = api.login(cast.resident).post("c/wijk/signals", {"description": "x"}).json()["id"]
    for who in ("resident", "visitor", "partner"):
        response = api.login(getattr(cast, who)).patch(
            f"c/wijk/signals/{signal_id}", {"status": "closed"}
        )
        assert response.status_code == 403
    assert Signal.objects.get().status == "new"


@pytest.mark.parametrize(
    "patch",
    [
        {"status": "done"},
        {"assignee": 2**63},
        {"due_on": "morgen"},
        {"public_outcome": "x" * 1001},
        {"action": "nuke"},
    ],
)
def test_bad_patch_changes_nothing(api, cast, patch):
    signal_id = api.login(cast.resident).post("c/wijk/signals", {"description": "x"}).json()["id"]
    response = api.login(cast.core).patch(f"c/wijk/signals/{signal_id}", patch)
    assert response.status_code == 422
    signal = Signal.objects.get()
    assert signal.status == "new" and signal.events.count() == 1


def test_patch_assignee_outside_core_group_is_422(api, cast):
    signal_id = api.login(cast.resident).post("c/wijk/signals", {"description": "x"}).json()["id"]
    response = api.login(cast.core).patch(
        f"c/wijk/signals/{signal_id}", {"assignee": cast.visitor.pk}
    )
    assert response.status_code == 422
    assert Signal.objects.get().assignee is None


def test_patch_of_another_communitys_signal_is_404(api, cast, other_community, person_factory):
    signal_id = api.login(cast.resident).post("c/wijk/signals", {"description": "x"}).json()["id"]
    elsewhere = person_factory(other_community, "core_group")
    response = api.login(elsewhere).patch(f"c/elders/signals/{signal_id}", {"status": "closed"})
    assert response.status_code == 404
    assert api.get(f"c/elders/signals/{signal_id}").status_code == 404
    assert Signal.objects.get().status == "new"


@pytest.mark.parametrize(
    "payload",
    [{"description": ""}, {"description": "x" * 4001}, {"description": "x", "urgency": "now"}, {}],
)
def test_bad_signal_is_422(api, cast, payload):
    assert api.login(cast.resident).post("c/wijk/signals", payload).status_code == 422
    assert Signal.objects.count() == 0


def test_ids_out_of_range_are_4xx(api, cast):
    api.login(cast.core)
    assert api.get(f"c/wijk/signals/{2**63}").status_code == 422
    assert api.get("c/wijk/visits/0").status_code == 422
    assert api.get("c/wijk/visits", limit=500).status_code == 422
