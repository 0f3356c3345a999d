"""The exchange API: contract fields, permissions, bad input, 409s and tenant isolation."""

import pytest

from naober.exchange.models import ContactLog, FollowUp, HelpOffer, HelpRequest, Match
from naober.people.models import Consent
from tests.exchange.helpers import actor_of, make_offer, make_request
from tests.factories import make_person

C = "c/wijk"


@pytest.fixture
def people(community, person_factory):
    return {
        "coordinator": person_factory(community, "coordinator"),
        "resident": person_factory(community, "resident"),
        "helper": person_factory(community, "volunteer"),
        "funder": person_factory(community, "funder"),
        "core": person_factory(community, "core_group"),
        "partner": person_factory(community, "partner"),
    }


def counts():
    return (
        HelpRequest.objects.count(),
        HelpOffer.objects.count(),
        Match.objects.count(),
        ContactLog.objects.count(),
    )


def test_a_resident_posts_a_request_with_the_contract_fields(api, people):
    api.login(people["resident"])
    response = api.post(
        f"{C}/requests",
        {
            "category": "tuin",
            "title": "Heg knippen",
            "recurrence": "recurring",
            "rhythm": "weekly",
            "weekday": 1,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    for field in (
        "id",
        "requester",
        "category",
        "title",
        "description",
        "channel",
        "urgency",
        "needs_mediation",
        "recurrence",
        "status",
        "created_at",
    ):
        assert field in body
    assert body["category"] == "tuin" and body["channel"] == "web" and body["status"] == "open"
    assert body["code"].startswith("V-") and body["rhythm"] == "weekly" and body["weekday"] == 1
    assert body["requester"] == people["resident"].pk
    assert "phone" not in body and "email" not in body and "address" not in body


@pytest.mark.parametrize(
    "payload",
    [
        {"title": "zonder categorie"},
        {"category": "bestaat-niet", "title": "x"},
        {"category": "tuin", "title": ""},
        {"category": "tuin", "title": "x" * 121},
        {"category": "tuin", "title": "x", "channel": "pigeon"},
        {"category": "tuin", "title": "x", "weekday": 9},
        {"category": "tuin", "title": "x", "rhythm": "weekly"},  # a one-off has no rhythm
        {"category": "tuin", "title": "x", "requester": 2**62},
        {"category": "tuin", "title": "x", "preferred_helper": 0},
    ],
)
def test_bad_request_input_is_refused_and_nothing_is_stored(api, people, payload):
    api.login(people["coordinator"])
    before = counts()
    response = api.post(f"{C}/requests", payload)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "invalid"
    assert counts() == before


def test_unreadable_json_is_a_400(api, people):
    api.login(people["resident"])
    before = counts()
    assert api.post(f"{C}/requests", raw="{bad").status_code == 400
    assert counts() == before


def test_entering_for_someone_else_is_for_coordinators(api, people, community):
    offline = make_person(community, login=False, digital=False)
    api.login(people["resident"])
    denied = api.post(
        f"{C}/requests",
        {"category": "tuin", "title": "x", "requester": offline.pk, "channel": "phone"},
    )
    assert denied.status_code == 403
    api.login(people["coordinator"])
    allowed = api.post(
        f"{C}/requests",
        {
            "category": "tuin",
            "title": "x",
            "requester": offline.pk,
            "channel": "phone",
            "referred_by_text": "huisarts Jansen",
        },
    )
    assert allowed.status_code == 201
    assert allowed.json()["needs_mediation"] is True
    assert allowed.json()["referred_by_text"] == "huisarts Jansen"


def test_a_resident_cannot_claim_a_phone_channel(api, people):
    api.login(people["resident"])
    assert (
        api.post(
            f"{C}/requests", {"category": "tuin", "title": "x", "channel": "phone"}
        ).status_code
        == 403
    )


def test_patch_rules(api, people, community):
    help_request = make_request(community, people["resident"])
    path = f"{C}/requests/{help_request.pk}"
    api.login(people["helper"])
    # Someone else's request is "not found" on the page and in the API alike (one rule).
    assert api.patch(path, {"title": "Anders"}).status_code == 404
    api.login(people["resident"])
    assert api.patch(path, {"title": "Heg en gras"}).json()["title"] == "Heg en gras"
    refused = api.patch(path, {"channel": "phone"})
    assert refused.status_code == 422
    api.login(people["coordinator"])
    assert api.patch(path, {"channel": "phone", "urgency": "high"}).json()["urgency"] == "high"
    assert api.patch(path, {"status": "done"}).status_code == 409
    assert api.patch(path, {"title": ""}).status_code == 422
    api.login(people["resident"])
    assert api.patch(path, {"status": "cancelled"}).json()["status"] == "cancelled"
    assert api.patch(path, {"title": "Te laat"}).status_code == 409
    help_request.refresh_from_db()
    assert help_request.title == "Heg en gras"


def test_list_filters_and_what_residents_see(api, people, community):
    mine = make_request(community, people["resident"], code="tuin")
    other = make_request(community, code="klussen")
    hidden = make_request(community, code="tuin", needs_mediation=True)
    api.login(people["helper"])
    ids = {r["id"] for r in api.get(f"{C}/requests").json()["items"]}
    assert ids == {mine.pk, other.pk}  # a request needing mediation is not on the board
    tuin = api.get(f"{C}/requests", category="tuin").json()
    assert [r["id"] for r in tuin["items"]] == [mine.pk] and tuin["count"] == 1
    assert api.get(f"{C}/requests/{hidden.pk}").status_code == 404
    assert api.get(f"{C}/requests", status="bogus").status_code == 422
    api.login(people["coordinator"])
    staff = api.get(f"{C}/requests", needs_mediation="true").json()["items"]
    assert [r["id"] for r in staff] == [hidden.pk]
    assert "overdue" in staff[0]


def test_offers_post_get_patch(api, people):
    api.login(people["helper"])
    response = api.post(
        f"{C}/offers",
        {
            "categories": ["tuin", "klussen"],
            "description": "Ik help graag",
            "availability": ["tue-morning", "mon-evening"],
            "languages": ["nl", "de"],
            "max_per_month": 3,
        },
    )
    assert response.status_code == 201, response.content
    offer = response.json()
    assert offer["categories"] == ["klussen", "tuin"]
    assert offer["availability"] == ["mon-evening", "tue-morning"]
    path = f"{C}/offers/{offer['id']}"
    assert api.patch(path, {"available": False}).json()["available"] is False
    api.login(people["resident"])
    assert api.get(path).status_code == 404  # a paused offer is not public
    assert api.patch(path, {"available": True}).status_code == 404
    api.login(people["coordinator"])
    assert api.patch(path, {"available": True}).json()["available"] is True


@pytest.mark.parametrize(
    ("role", "status"),
    [("helper", 200), ("coordinator", 200), ("resident", 404), ("core", 404)],
)
def test_changing_an_offer_is_own_or_staff_and_404_to_anyone_else(
    api, people, community, role, status
):
    """The same answer as for a request: someone else's visible offer is "not found" (not 403)."""
    offer = make_offer(community, people["helper"])
    api.login(people[role])
    assert api.get(f"{C}/offers/{offer.pk}").status_code == 200
    response = api.patch(f"{C}/offers/{offer.pk}", {"description": "Iets anders"})
    assert response.status_code == status, response.content
    offer.refresh_from_db()
    assert (offer.description == "Iets anders") is (status == 200)


@pytest.mark.parametrize(
    "payload",
    [
        {"categories": [], "description": "x"},
        {"categories": ["tuin"], "description": ""},
        {"categories": ["persoonlijke-verzorging"], "description": "x"},
        {"categories": ["tuin"], "description": "x", "availability": ["someday"]},
        {"categories": ["tuin"], "description": "x", "max_per_month": 0},
        {"categories": ["tuin"], "description": "x", "languages": ["nederlands!"]},
        {"categories": ["tuin"], "description": "x", "area": 2**62},
    ],
)
def test_bad_offer_input_changes_nothing(api, people, payload):
    api.login(people["helper"])
    before = counts()
    assert api.post(f"{C}/offers", payload).status_code == 422
    assert counts() == before


def test_bad_offer_patch_changes_nothing(api, people, community):
    offer = make_offer(community, people["helper"])
    api.login(people["helper"])
    assert api.patch(f"{C}/offers/{offer.pk}", {"max_per_month": 99}).status_code == 422
    assert api.patch(f"{C}/offers/{offer.pk}", {"categories": ["nope"]}).status_code == 422
    offer.refresh_from_db()
    assert offer.max_per_month == 2 and list(offer.categories.values_list("code", flat=True)) == [
        "tuin"
    ]


def test_matches_respond_propose_and_second_attempt_409(api, people, community):
    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    api.login(people["helper"])
    first = api.post(f"{C}/matches", {"request": help_request.pk, "offer": offer.pk})
    assert first.status_code == 201, first.content
    assert first.json()["mode"] == "self" and first.json()["state"] == "proposed"
    assert first.json()["history"][0]["to_state"] == "proposed"
    second_offer = make_offer(community)
    api.login(people["coordinator"])
    again = api.post(f"{C}/matches", {"request": help_request.pk, "offer": second_offer.pk})
    assert again.status_code == 409 and again.json()["code"] == "request_taken"
    assert Match.objects.count() == 1


def test_coordinator_post_is_a_mediated_proposal(api, people, community):
    help_request = make_request(community, people["resident"], needs_mediation=True)
    offer = make_offer(community, people["helper"])
    api.login(people["coordinator"])
    response = api.post(f"{C}/matches", {"request": help_request.pk, "offer": offer.pk})
    assert response.status_code == 201 and response.json()["mode"] == "mediated"


def test_transition_endpoint_and_409(api, people, community):
    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    api.login(people["helper"])
    match_id = api.post(f"{C}/matches", {"request": help_request.pk, "offer": offer.pk}).json()[
        "id"
    ]
    path = f"{C}/matches/{match_id}/transition"
    waiting = api.post(path, {"to": "accepted"})  # the helper's yes is there, the asker's not
    assert waiting.status_code == 409 and waiting.json()["code"] == "consent_missing"
    assert api.post(path, {"to": "completed"}).json()["code"] == "invalid_transition"
    assert api.post(path, {"to": "flying"}).status_code == 422
    assert api.post(path, {"to": "accepted", "note": "x" * 501}).status_code == 422
    api.login(people["resident"])
    accepted = api.post(path, {"to": "accepted", "note": "Graag"})
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert accepted.json()["history"][-1]["note"] == "Graag"


def test_matches_list_is_scoped_to_the_sides(api, people, community):
    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    from naober.exchange import services

    services.respond(actor_of(people["helper"]), help_request, offer)
    stranger = make_person(community, "resident")
    api.login(stranger)
    assert api.get(f"{C}/matches").json()["count"] == 0
    api.login(people["resident"])
    assert api.get(f"{C}/matches").json()["count"] == 1
    api.login(people["coordinator"])
    assert api.get(f"{C}/matches", state="proposed").json()["count"] == 1


def test_contact_endpoint_only_after_acceptance_and_with_consent(api, people, community):
    from naober.exchange import services

    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    match = services.respond(actor_of(people["helper"]), help_request, offer)
    api.login(people["helper"])
    assert api.get(f"{C}/matches/{match.pk}/contact").status_code == 409
    services.transition(actor_of(people["resident"]), match, "accepted")
    without = api.get(f"{C}/matches/{match.pk}/contact").json()
    assert without["via_coordinator"] is True and without["phone"] == ""
    assert len(without["advice"]) == 3
    Consent.objects.create(
        person=people["resident"], purpose="contact", granted=True, method="online"
    )
    shared = api.get(f"{C}/matches/{match.pk}/contact").json()
    assert shared["phone"] == people["resident"].phone and shared["via_coordinator"] is False


def test_suggestions_endpoint_is_for_coordinators(api, people, community):
    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    api.login(people["resident"])
    assert api.get(f"{C}/requests/{help_request.pk}/suggestions").status_code == 403
    api.login(people["coordinator"])
    rows = api.get(f"{C}/requests/{help_request.pk}/suggestions").json()
    assert rows[0]["offer"] == offer.pk and rows[0]["person"] == people["helper"].pk
    assert 0 < rows[0]["score"] <= 1 and rows[0]["reasons"]
    assert api.get(f"{C}/requests/{help_request.pk}/suggestions", limit=0).status_code == 422


def test_contact_log_api(api, people, community):
    help_request = make_request(community, people["resident"])
    body = {
        "person": people["resident"].pk,
        "kind": "call",
        "outcome": "reached",
        "request": help_request.pk,
        "note": "Teruggebeld",
    }
    api.login(people["helper"])
    assert api.post(f"{C}/contact-log", body).status_code == 403
    assert api.get(f"{C}/contact-log").status_code == 403
    api.login(people["coordinator"])
    before = counts()
    assert api.post(f"{C}/contact-log", {**body, "kind": "pigeon"}).status_code == 422
    assert api.post(f"{C}/contact-log", {**body, "request": None}).status_code == 422
    assert counts() == before
    assert api.post(f"{C}/contact-log", body).status_code == 201
    listed = api.get(f"{C}/contact-log", request=help_request.pk).json()
    assert listed["count"] == 1 and listed["items"][0]["note"] == "Teruggebeld"
    help_request.refresh_from_db()
    assert help_request.first_response_at is not None


def test_followup_api(api, people, community):
    from naober.exchange import services

    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    match = services.respond(actor_of(people["helper"]), help_request, offer)
    services.transition(actor_of(people["resident"]), match, "accepted")
    services.transition(actor_of(people["helper"]), match, "active")
    followup = FollowUp.objects.get(match=match)
    api.login(people["helper"])
    assert api.get(f"{C}/followups").status_code == 403
    api.login(people["coordinator"])
    assert api.get(f"{C}/followups").json()["count"] == 1
    path = f"{C}/followups/{followup.pk}"
    assert api.post(path, {"would_help_others": "perhaps"}).status_code == 422
    done = api.post(path, {"how_did_it_go": "Goed", "would_help_others": "maybe"})
    assert done.status_code == 200 and done.json()["done_at"] is not None
    assert done.json()["would_help_others"] == "maybe"


def test_offer_first_accept_api(api, people, community):
    offer = make_offer(community, people["helper"])
    api.login(people["resident"])
    response = api.post(f"{C}/offers/{offer.pk}/accept", {"title": "Gras maaien"})
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "proposed" and response.json()["mode"] == "self"
    assert response.json()["requester_yes_at"] and response.json()["helper_yes_at"] is None
    before = counts()
    assert api.post(f"{C}/offers/{offer.pk}/accept", {"category": "vervoer"}).status_code == 422
    assert counts() == before


@pytest.mark.parametrize(
    "path",
    [
        "requests",
        "requests/{request}",
        "requests/{request}/suggestions",
        "offers",
        "offers/{offer}",
        "matches",
        "matches/{match}",
        "matches/{match}/contact",
        "contact-log",
        "followups",
        "reports/summary",
    ],
)
def test_another_community_is_not_found(api, people, community, other_community, path):
    from naober.exchange import services

    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    match = services.respond(actor_of(people["helper"]), help_request, offer)
    outsider = make_person(other_community, "coordinator")
    api.login(outsider)
    filled = path.format(request=help_request.pk, offer=offer.pk, match=match.pk)
    assert api.get(f"{C}/{filled}").status_code == 404
    if "{" in path:  # the same ids asked in the outsider's own community are unknown there too
        assert api.get(f"c/elders/{filled}").status_code == 404
    else:
        listed = api.get(f"c/elders/{filled}").json()
        assert listed.get("count", 0) == 0 or listed.get("requests") == 0


def test_writes_with_another_communitys_ids_are_404(api, people, community, other_community):
    help_request = make_request(community, people["resident"])
    offer = make_offer(community, people["helper"])
    outsider = make_person(other_community, "coordinator")
    api.login(outsider)
    before = counts()
    assert (
        api.post("c/elders/matches", {"request": help_request.pk, "offer": offer.pk}).status_code
        == 404
    )
    assert api.patch(f"c/elders/requests/{help_request.pk}", {"title": "x"}).status_code == 404
    assert api.patch(f"c/elders/offers/{offer.pk}", {"available": False}).status_code == 404
    assert (
        api.post(
            "c/elders/contact-log",
            {"person": people["resident"].pk, "kind": "call", "outcome": "reached"},
        ).status_code
        == 422
    )
    assert counts() == before


@pytest.mark.parametrize("bad", ["requests/0", f"requests/{2**63}", "matches/-1", "offers/abc"])
def test_ids_out_of_range_are_422_not_500(api, people, bad):
    api.login(people["coordinator"])
    assert api.get(f"{C}/{bad}").status_code == 422
