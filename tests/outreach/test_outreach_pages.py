"""Outreach pages: who may open them, forms that refuse bad input, notes audited on the page."""

import pytest
from django.test import Client

from naober.exchange.models import Category, HelpOffer, HelpRequest
from naober.outreach import triage
from naober.outreach.models import HouseVisit, Meeting, Signal, WalkList
from tests.outreach.conftest import actor_of


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


PAGES = {
    "walk_lists": ("/c/wijk/walk-lists/", {"coordinator", "core"}),
    "visits": ("/c/wijk/visits/", {"coordinator", "core", "visitor", "other_visitor"}),
    "visit_new": ("/c/wijk/visits/new/", {"coordinator", "core", "visitor", "other_visitor"}),
    "signal_new": (
        "/c/wijk/signals/new/",
        {"coordinator", "core", "visitor", "other_visitor", "resident", "partner"},
    ),
    "my_signals": (
        "/c/wijk/signals/mine/",
        {"coordinator", "core", "visitor", "other_visitor", "resident", "partner"},
    ),
    "triage": ("/c/wijk/signals/", {"coordinator", "core"}),
    "meetings": ("/c/wijk/meetings/", {"coordinator", "core"}),
}
ROLES = ["coordinator", "core", "visitor", "other_visitor", "resident", "partner"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ROLES)
def test_page_permissions(cast, page, who):
    url, allowed = PAGES[page]
    response = client_for(getattr(cast, who)).get(url)
    assert response.status_code == (200 if who in allowed else 403)


def test_anonymous_is_sent_to_login(cast):
    assert Client().get("/c/wijk/visits/").status_code == 302


@pytest.mark.parametrize(
    "who,sees",
    [
        ("visitor", True),
        ("core", True),
        ("coordinator", True),
        ("other_visitor", False),
        ("partner", False),
        ("resident", False),
    ],
)
def test_visit_notes_on_the_page(cast, held_visit, audit_calls, who, sees):
    response = client_for(getattr(cast, who)).get(f"/c/wijk/visits/{held_visit.pk}/")
    if who in ("partner", "resident"):
        assert response.status_code == 403
    elif who == "other_visitor":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert "Woont alleen" in response.content.decode()
    assert bool(audit_calls) == sees
    if sees:
        assert audit_calls[0][1] == held_visit.pk


def test_record_visit_page_and_convert(cast, walk_list, community):
    client = client_for(cast.visitor)
    entry = walk_list.entries.get()
    data = {
        "person": cast.resident.pk,
        "address": "",
        "visited_on": "2026-03-02",
        "outcome": "held",
        "notes": "Fijn gesprek",
        "consent_notes": "yes",
        "consent_matching": "yes",
        "surroundings-needs": "Hulp met de heg",
        "surroundings-trits": "neighbours",
        "activities-could_offer": "Soep koken",
    }
    response = client.post(f"/c/wijk/visits/new/?entry={entry.pk}", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    visit = HouseVisit.objects.get()
    assert visit.entry == entry
    page = client.get(response.url).content.decode()
    assert "Hulp met de heg" in page
    tuin = Category.objects.get(community=community, code="tuin")
    koken = Category.objects.get(community=community, code="gezelschap")
    response = client.post(
        response.url,
        {
            "request-surroundings": "on",
            "request-surroundings-category": tuin.pk,
            "offer-activities": "on",
            "offer-activities-category": koken.pk,
        },
    )
    assert response.status_code == 302
    assert HelpRequest.objects.get().needs_mediation
    assert HelpOffer.objects.get().helper == cast.resident


def test_convert_needs_a_category(cast, held_visit):
    response = client_for(cast.visitor).post(
        f"/c/wijk/visits/{held_visit.pk}/", {"request-surroundings": "on"}
    )
    assert response.status_code == 200
    assert HelpRequest.objects.count() == 0


def test_no_convert_without_consent(cast, walk_list):
    client = client_for(cast.visitor)
    client.post(
        "/c/wijk/visits/new/",
        {
            "person": cast.resident.pk,
            "visited_on": "2026-03-02",
            "outcome": "held",
            "consent_matching": "no",
            "surroundings-needs": "Hulp met de heg",
        },
    )
    visit = HouseVisit.objects.get()
    response = client.post(f"/c/wijk/visits/{visit.pk}/", {"request-surroundings": "on"})
    assert response.status_code == 403
    assert HelpRequest.objects.count() == 0


def test_bad_visit_form_stores_nothing(cast, walk_list):
    response = client_for(cast.visitor).post(
        "/c/wijk/visits/new/",
        {
            "visited_on": "2099-01-01",
            "outcome": "held",
            "address": "Dorpsstraat 5",
            "health-trits": "everyone",
        },
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert HouseVisit.objects.count() == 0


def test_walk_list_pages(cast, community):
    client = client_for(cast.coordinator)
    area = cast.resident.area
    response = client.post(
        "/c/wijk/walk-lists/",
        {"name": "Ronde 1", "area": area.pk, "round": 1, "capacity_per_visitor": 1},
    )
    walk_list = WalkList.objects.get()
    url = f"/c/wijk/walk-lists/{walk_list.pk}/"
    assert response.url == url
    client.post(
        url,
        {
            "op": "range",
            "range-street": "Kerkstraat",
            "range-first": 1,
            "range-last": 3,
            "range-every": 1,
        },
    )
    ids = list(walk_list.entries.values_list("pk", flat=True))
    assert len(ids) == 3
    response = client.post(
        url, {"op": "assign", "assign-visitor": cast.visitor.pk, "assign-entries": ids[:2]}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not walk_list.entries.filter(visitor__isnull=False).exists()
    printed = client.get(f"{url}print/").content.decode()
    assert "Kerkstraat 3" in printed and "walk_list_print.css" in printed


def test_bad_walk_list_form_stores_nothing(cast):
    response = client_for(cast.core).post(
        "/c/wijk/walk-lists/", {"name": "", "area": 999999, "round": 0}
    )
    assert response.status_code == 200
    assert WalkList.objects.count() == 0


def test_raise_signal_page_and_my_signals(cast):
    client = client_for(cast.partner)
    response = client.post(
        "/c/wijk/signals/new/",
        {"description": "Vocht in de flat", "urgency": "high", "kind": "structural"},
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.raised_by == cast.partner
    triage.update_signal(
        actor_of(cast.core),
        signal,
        {"status": "closed", "public_outcome": "De woningcorporatie pakt het op."},
    )
    page = client.get("/c/wijk/signals/mine/").content.decode()
    assert "De woningcorporatie pakt het op." in page


def test_resident_cannot_name_a_person_in_a_signal(cast):
    page = client_for(cast.resident).get("/c/wijk/signals/new/").content.decode()
    assert 'name="person_concerned"' not in page
    page = client_for(cast.coordinator).get("/c/wijk/signals/new/").content.decode()
    assert 'name="person_concerned"' in page


def test_bad_signal_form_stores_nothing(cast):
    response = client_for(cast.resident).post(
        "/c/wijk/signals/new/", {"description": "", "urgency": "x", "kind": "individual"}
    )
    assert response.status_code == 200
    assert Signal.objects.count() == 0


def test_triage_page_updates_and_passes_on(cast, welzijn):
    signal = triage.raise_signal(actor_of(cast.resident), description="Eenzaam")
    client = client_for(cast.core)
    url = f"/c/wijk/signals/{signal.pk}/"
    response = client.post(
        url,
        {
            "op": "triage",
            "triage-status": "discussing",
            "triage-assignee": cast.core.pk,
            "triage-action": "match",
        },
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == "discussing" and signal.assignee == cast.core
    response = client.post(url, {"op": "pass", "pass-organisation": welzijn.pk})
    text = response.content.decode()
    assert "Welzijn Hoogeveen" in text and signal.events.count() == 3
    assert cast.resident.name not in text.split("<pre")[1].split("</pre>")[0]
    response = client.post(url, {"op": "triage", "triage-status": "bogus"})
    assert response.status_code == 200
    signal.refresh_from_db()
    assert signal.status == "discussing"


def test_meeting_pages(cast):
    triage.raise_signal(actor_of(cast.resident), description="Donkere steeg")
    client = client_for(cast.core)
    response = client.post(
        "/c/wijk/meetings/",
        {"held_on": "2026-03-05", "place": "Buurthuis", "attendees": [cast.core.pk]},
    )
    meeting = Meeting.objects.get()
    url = f"/c/wijk/meetings/{meeting.pk}/"
    assert response.url == url
    assert "Donkere steeg" in client.get(url).content.decode()
    item = meeting.agenda.get()
    response = client.post(
        url,
        {
            "op": "decision",
            "decision-item": item.pk,
            "decision-text": "Lantaarn aanvragen",
            "decision-action": "pass_to_provider",
            "decision-decided_by": [cast.core.pk],
        },
    )
    assert response.status_code == 302
    assert meeting.decisions.get().signals.get().action == "pass_to_provider"
    response = client.post(url, {"op": "decision", "decision-text": ""})
    assert response.status_code == 200 and meeting.decisions.count() == 1


def test_other_communitys_objects_are_404_on_pages(
    cast, held_visit, other_community, person_factory
):
    signal = triage.raise_signal(actor_of(cast.resident), description="x")
    client = client_for(person_factory(other_community, "coordinator"))
    assert client.get(f"/c/elders/visits/{held_visit.pk}/").status_code == 404
    assert client.get(f"/c/elders/signals/{signal.pk}/").status_code == 404
    assert client.get("/c/wijk/signals/").status_code == 404
