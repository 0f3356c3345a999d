"""The coordinator's workbench: queues with counts (overdue, new today, a helper's answer,
introductions, follow-up calls, self-made matches, all open, waiting list), paginated; deadlines,
suggestions on request, proposing, introductions, the contact log, follow-up calls, review flags,
the waiting list and the code look-up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from naober.exchange.models import (
    ContactLog,
    FollowUp,
    HelpRequest,
    Match,
    MatchMode,
    MatchState,
    RequestStatus,
)
from tests.exchange_pages.builders import make_offer, make_request, matched

pytestmark = pytest.mark.django_db


def age(help_request, hours):
    HelpRequest.objects.filter(pk=help_request.pk).update(
        created_at=timezone.now() - timedelta(hours=hours)
    )


def test_workbench_orders_by_deadline_and_marks_overdue_in_text(community, coordinator, as_person):
    fresh = make_request(community, title="Vraag van vandaag")
    late = make_request(community, title="Vraag van drie dagen terug")
    age(late, 72)
    client = as_person(coordinator)
    html = client.get("/c/wijk/workbench/?queue=open").content.decode()
    assert html.index("Vraag van drie dagen terug") < html.index("Vraag van vandaag")
    overdue_at = html.index("Te laat: nog geen antwoord")
    assert html.index("Vraag van drie dagen terug") < overdue_at < html.index("Vraag van vandaag")
    assert fresh.code in html and late.code in html
    # The overdue queue holds only the late one (and is what the workbench opens with); new today
    # only the fresh one; the counts at the top link to each queue.
    first = client.get("/c/wijk/workbench/").content.decode()
    assert late.code in first and fresh.code not in first
    assert 'href="?queue=overdue" aria-current="page">Te laat (1)' in first
    assert 'href="?queue=new">Nieuw vandaag (1)' in first
    new = client.get("/c/wijk/workbench/?queue=new").content.decode()
    assert fresh.code in new and late.code not in new


def test_workbench_queues_are_paginated_ten_a_page(community, coordinator, as_person):
    requests = [make_request(community, title=f"Vraag nummer {n:02d}") for n in range(12)]
    for n, help_request in enumerate(requests):
        age(help_request, 100 - n)
    client = as_person(coordinator)
    first = client.get("/c/wijk/workbench/?queue=overdue").content.decode()
    assert "Te laat (12)" in first and "Pagina 1 van 2" in first
    assert "Vraag nummer 09" in first and "Vraag nummer 10" not in first
    assert 'href="?queue=overdue&amp;page=2"' in first
    second = client.get("/c/wijk/workbench/?queue=overdue&page=2").content.decode()
    assert "Vraag nummer 10" in second and "Vraag nummer 11" in second
    assert "Vraag nummer 09" not in second
    for bad in ("?queue=nonsense", "?queue=overdue&page=x", "?queue=overdue&page=999"):
        assert client.get(f"/c/wijk/workbench/{bad}").status_code == 200


def test_workbench_waiting_for_the_helpers_answer_and_introductions(
    community, coordinator, resident, volunteer, person_factory, as_person
):
    asked = matched(
        community, resident, volunteer, state="proposed", mediated=True, coordinator=coordinator
    )
    other = person_factory(community, "resident", name="Els Ander")
    to_plan = matched(
        community, other, volunteer, state="accepted", mediated=True, coordinator=coordinator
    )
    client = as_person(coordinator)
    answer = client.get("/c/wijk/workbench/?queue=answer").content.decode()
    assert f"/c/wijk/matches/{asked.pk}/" in answer and f"/matches/{to_plan.pk}/" not in answer
    Match.objects.filter(pk=asked.pk).update(helper_yes_at=timezone.now())
    answer = client.get("/c/wijk/workbench/?queue=answer").content.decode()
    assert f"/c/wijk/matches/{asked.pk}/" not in answer
    # the helper said yes: now the asker's yes is awaited (often heard on the phone)
    asker = client.get("/c/wijk/workbench/?queue=asker", HTTP_ACCEPT_LANGUAGE="nl")
    assert f"/c/wijk/matches/{asked.pk}/" in asker.content.decode()
    assert "Wacht op ja van de hulpvrager (1)" in asker.content.decode()
    Match.objects.filter(pk=asked.pk).update(requester_yes_at=timezone.now())
    asker = client.get("/c/wijk/workbench/?queue=asker").content.decode()
    assert f"/c/wijk/matches/{asked.pk}/" not in asker
    intro = client.get("/c/wijk/workbench/?queue=intro").content.decode()
    assert f"/c/wijk/matches/{to_plan.pk}/" in intro and f"/matches/{asked.pk}/" not in intro


def test_workbench_shows_suggestions_and_proposes_in_one_action(
    community, coordinator, person_factory, as_person
):
    offline = person_factory(community, "resident", login=False, digital=False)
    from naober.exchange import services
    from tests.exchange.helpers import actor_of

    help_request = services.create_request(
        actor_of(coordinator),
        {"category": "tuin", "title": "Heg knippen", "channel": "phone"},
        requester=offline,
    )
    helper = person_factory(community, "volunteer", name="Gerrit Groen")
    offer = make_offer(community, helper, codes=("tuin",))
    client = as_person(coordinator)
    html = client.get("/c/wijk/workbench/?queue=new").content.decode()
    # Suggestions are folded: the card links to them, they are computed only on that page.
    assert "Gerrit Groen" not in html
    url = f"/c/wijk/workbench/requests/{help_request.pk}/suggestions/"
    assert url in html
    html = client.get(url).content.decode()
    assert "Gerrit Groen" in html and "Gerrit voorstellen" in html
    response = client.post(
        "/c/wijk/workbench/propose/", {"request": help_request.pk, "offer": offer.pk}
    )
    match = Match.objects.get()
    assert (match.mode, match.state) == (MatchMode.MEDIATED, MatchState.PROPOSED)
    assert response["Location"] == f"/c/wijk/matches/{match.pk}/"
    again = client.post(
        "/c/wijk/workbench/propose/", {"request": help_request.pk, "offer": offer.pk}, follow=True
    )
    assert "Iemand anders helpt al met deze vraag" in again.content.decode()
    assert Match.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"request": "abc", "offer": "1"},
        {"request": "1", "offer": str(2**70)},
        {"request": "-1", "offer": "1"},
    ],
)
def test_propose_bad_input_stores_nothing(community, coordinator, as_person, data):
    response = as_person(coordinator).post("/c/wijk/workbench/propose/", data, follow=True)
    assert response.status_code == 200
    assert "Kies een hulpvraag en een helper." in response.content.decode()
    assert Match.objects.count() == 0


def test_propose_with_ids_of_another_community_is_not_found(
    community, other_community, coordinator, person_factory, as_person
):
    foreign_request = make_request(other_community, person_factory(other_community))
    foreign_offer = make_offer(other_community, person_factory(other_community, "volunteer"))
    response = as_person(coordinator).post(
        "/c/wijk/workbench/propose/", {"request": foreign_request.pk, "offer": foreign_offer.pk}
    )
    assert response.status_code == 404
    assert Match.objects.count() == 0


def test_resident_may_not_propose(community, resident, volunteer, as_person):
    help_request = make_request(community)
    offer = make_offer(community, volunteer)
    response = as_person(resident).post(
        "/c/wijk/workbench/propose/", {"request": help_request.pk, "offer": offer.pk}
    )
    assert response.status_code == 403
    assert Match.objects.count() == 0


def test_introduction_is_planned_and_bad_dates_are_refused(
    community, coordinator, resident, volunteer, as_person
):
    match = matched(
        community, resident, volunteer, state="accepted", mediated=True, coordinator=coordinator
    )
    client = as_person(coordinator)
    url = f"/c/wijk/matches/{match.pk}/introduction/"
    bad = client.post(url, {"intro_at": "morgen", "intro_place": "Buurthuis"})
    assert "Voer een geldige datum/tijd in" in bad.content.decode()
    match.refresh_from_db()
    assert match.state == MatchState.ACCEPTED and match.intro_place == ""
    client.post(
        url,
        {
            "intro_at": "2030-05-04T10:30",
            "intro_place": "Buurthuis De Kern",
            "intro_notes": "Klikte meteen.",
        },
    )
    match.refresh_from_db()
    assert match.state == MatchState.INTRODUCED
    assert match.intro_place == "Buurthuis De Kern" and match.intro_at.year == 2030


def test_contact_log_on_the_request_page(community, coordinator, resident, as_person):
    help_request = make_request(community, resident)
    client = as_person(coordinator)
    url = f"/c/wijk/requests/{help_request.pk}/log/"
    client.post(url, {"person": resident.pk, "kind": "pigeon", "outcome": "reached"})
    client.post(url, {"person": 999999, "kind": "call", "outcome": "reached"})
    assert ContactLog.objects.count() == 0
    client.post(
        url,
        {
            "person": resident.pk,
            "kind": "call",
            "outcome": "no_answer",
            "note": "Morgen weer proberen",
        },
    )
    entry = ContactLog.objects.get()
    assert (entry.kind, entry.outcome, entry.by) == ("call", "no_answer", coordinator)
    html = client.get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Morgen weer proberen" in html


def test_contact_log_is_for_staff_only(community, resident, volunteer, as_person):
    help_request = make_request(community, resident)
    response = as_person(resident).post(
        f"/c/wijk/requests/{help_request.pk}/log/",
        {"person": resident.pk, "kind": "call", "outcome": "reached"},
    )
    assert response.status_code == 403
    html = as_person(resident).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Contactlogboek" not in html
    assert ContactLog.objects.count() == 0


def test_followup_due_is_listed_and_recorded(
    community, coordinator, resident, volunteer, as_person
):
    match = matched(community, resident, volunteer, state="active", coordinator=coordinator)
    followup = FollowUp.objects.get(match=match)
    FollowUp.objects.filter(pk=followup.pk).update(due_at=timezone.now() - timedelta(hours=1))
    client = as_person(coordinator)
    html = client.get("/c/wijk/workbench/?queue=followups").content.decode()
    assert f"/c/wijk/workbench/follow-ups/{followup.pk}/" in html
    url = f"/c/wijk/workbench/follow-ups/{followup.pk}/"
    bad = client.post(url, {"how_did_it_go": "Goed", "would_help_others": "points"})
    assert "Selecteer een geldige keuze" in bad.content.decode()
    followup.refresh_from_db()
    assert followup.done_at is None
    client.post(url, {"how_did_it_go": "Heel fijn", "would_help_others": "yes"})
    followup.refresh_from_db()
    assert followup.done_at is not None and followup.would_help_others == "yes"
    after = client.get("/c/wijk/workbench/?queue=followups").content.decode()
    assert f"follow-ups/{followup.pk}/" not in after


def test_self_made_match_can_be_paused_for_review_and_stopped(
    community, coordinator, resident, volunteer, as_person
):
    match = matched(community, resident, volunteer, state="accepted")
    client = as_person(coordinator)
    assert match.request.title in client.get("/c/wijk/workbench/?queue=self").content.decode()
    client.post(
        f"/c/wijk/matches/{match.pk}/review/", {"review_flag": "on", "review_note": "Klopt dit?"}
    )
    match.refresh_from_db()
    assert match.review_flag and match.review_note == "Klopt dit?"
    client.post(f"/c/wijk/matches/{match.pk}/step/", {"to": "stopped"})
    match.refresh_from_db()
    assert match.state == MatchState.STOPPED
    assert (
        as_person(resident)
        .post(f"/c/wijk/matches/{match.pk}/review/", {"review_flag": "on"})
        .status_code
        == 403
    )


def test_waiting_list_moves_there_and_back(community, coordinator, as_person):
    help_request = make_request(community)
    client = as_person(coordinator)
    client.post(f"/c/wijk/requests/{help_request.pk}/waiting-list/", {"waiting": "1"})
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.WAITING_LIST
    assert help_request.title in client.get("/c/wijk/workbench/?queue=waiting").content.decode()
    client.post(f"/c/wijk/requests/{help_request.pk}/waiting-list/", {"waiting": "0"})
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.OPEN


def test_lookup_by_code(community, coordinator, volunteer, as_person):
    help_request = make_request(community)
    offer = make_offer(community, volunteer)
    client = as_person(coordinator)
    found = client.get("/c/wijk/workbench/lookup/", {"code": help_request.code.lower()})
    assert found["Location"] == f"/c/wijk/requests/{help_request.pk}/"
    found = client.get("/c/wijk/workbench/lookup/", {"code": f"A-{offer.pk}"})
    assert found["Location"] == f"/c/wijk/offers/{offer.pk}/"
    for code in ("V-0000", "A-99999999", "A-x", "x" * 13):
        response = client.get("/c/wijk/workbench/lookup/", {"code": code})
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()


def test_lookup_does_not_find_another_communitys_request(
    community, other_community, coordinator, person_factory, as_person
):
    foreign = make_request(other_community, person_factory(other_community))
    response = as_person(coordinator).get("/c/wijk/workbench/lookup/", {"code": foreign.code})
    assert "Niets gevonden met deze code" in response.content.decode()


def test_suggestions_page_is_for_staff_and_scoped_to_the_community(
    community, other_community, coordinator, resident, person_factory, as_person
):
    mine = make_request(community)
    foreign = make_request(other_community, person_factory(other_community))
    assert (
        as_person(resident).get(f"/c/wijk/workbench/requests/{mine.pk}/suggestions/").status_code
        == 403
    )
    response = as_person(coordinator).get(f"/c/wijk/workbench/requests/{foreign.pk}/suggestions/")
    assert response.status_code == 404
