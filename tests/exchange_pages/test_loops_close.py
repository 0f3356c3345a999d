"""Loops that close (issue 13.7): the follow-up call of someone without a phone shows how to reach
them; the call after the start closes when the help is finished; a coordinator proposing a helper
is warned when the requester was never asked about matching or the helper has no valid VOG; the
pause reason stays with the coordinators; a signal's "match with a neighbour" leads to an action;
an expired VOG is listed as expired."""

from datetime import date, timedelta

from naober.exchange import services
from naober.exchange.models import FollowUp, FollowUpKind
from naober.notify.models import Message
from naober.outreach import triage
from naober.people.models import Consent
from naober.volunteering.models import VolunteerProfile
from tests.exchange_pages.builders import actor_of, make_offer, make_request, matched


def test_a_follow_up_for_someone_without_a_phone_shows_how_to_reach_them(
    community, person_factory, volunteer, coordinator, as_person
):
    truus = person_factory(
        community,
        login=False,
        digital=False,
        name="Truus Offline",
        phone="",
        email="",
        address="Kerkstraat 4",
    )
    staff = actor_of(coordinator)
    help_request = services.create_request(
        staff, {"category": "klussen", "title": "Lamp", "channel": "phone"}, requester=truus
    )
    match = services.propose(
        staff, help_request, make_offer(community, volunteer, codes=("klussen",))
    )
    services.say_yes(staff, match, "helper")
    services.say_yes(staff, match, "requester")
    for step in ("introduced", "active"):
        match = services.transition(staff, match, step)
    followup = FollowUp.objects.get(match=match)
    html = as_person(coordinator).get(f"/c/wijk/workbench/follow-ups/{followup.pk}/").content
    html = html.decode()
    assert "Truus Offline heeft geen telefoonnummer" in html
    assert "Kerkstraat 4" in html and "brief" in html


def test_the_call_after_the_start_closes_when_the_help_is_finished(
    community, resident, volunteer, coordinator
):
    match = matched(community, resident, volunteer, state="active", coordinator=coordinator)
    start_call = FollowUp.objects.get(match=match, kind=FollowUpKind.AFTER_START)
    services.transition(actor_of(coordinator), match, "completed")
    start_call.refresh_from_db()
    assert start_call.done_at is not None and "afgerond" in start_call.notes
    after = FollowUp.objects.get(match=match, kind=FollowUpKind.AFTER_COMPLETION)
    assert after.done_at is None


def test_proposing_warns_about_missing_matching_consent_and_vog(
    community, resident, volunteer, coordinator, as_person
):
    help_request = make_request(community, resident, code="klussen")
    offer = make_offer(community, volunteer, codes=("klussen",))
    page = as_person(coordinator).post(
        "/c/wijk/workbench/propose/", {"request": help_request.pk, "offer": offer.pk}, follow=True
    )
    html = page.content.decode()
    assert "nog niet gevraagd" in html and "Annie de Vries" in html
    assert "geen Verklaring Omtrent het Gedrag" in html or "geen VOG" in html


def test_no_warning_once_asked_and_with_a_valid_vog(
    community, resident, volunteer, coordinator, as_person
):
    Consent.objects.create(person=resident, purpose="matching", granted=True, method="spoken")
    VolunteerProfile.objects.create(
        community=community, person=volunteer, vog_issued_on=date.today() - timedelta(days=30)
    )
    help_request = make_request(community, resident, code="klussen")
    offer = make_offer(community, volunteer, codes=("klussen",))
    html = (
        as_person(coordinator)
        .post(
            "/c/wijk/workbench/propose/",
            {"request": help_request.pk, "offer": offer.pk},
            follow=True,
        )
        .content.decode()
    )
    assert "nog niet gevraagd" not in html and "VOG" not in html


def test_an_expired_vog_is_listed_as_expired(community, volunteer, coordinator, as_person):
    VolunteerProfile.objects.create(
        community=community, person=volunteer, vog_issued_on=date.today() - timedelta(days=2000)
    )
    html = as_person(coordinator).get("/c/wijk/volunteers/").content.decode()
    assert "verlopen op" in html and "verloopt binnenkort" not in html.split("verlopen op")[1][:80]


def test_the_pause_reason_is_not_shown_to_the_helper(
    community, resident, volunteer, coordinator, as_person
):
    match = matched(community, resident, volunteer, state="accepted", coordinator=coordinator)
    services.flag_match(actor_of(coordinator), match, flagged=True, note="Klacht van de buurman")
    assert (
        "Klacht van de buurman"
        not in as_person(volunteer).get(f"/c/wijk/matches/{match.pk}/").content.decode()
    )
    assert (
        "Klacht van de buurman"
        in as_person(coordinator).get(f"/c/wijk/matches/{match.pk}/").content.decode()
    )


def test_a_signal_to_match_offers_the_request_and_the_core_group_can_ask_a_coordinator(
    community, person_factory, coordinator, as_person
):
    core = person_factory(community, "core_group", name="Kees Kern")
    about = person_factory(community, name="Mien Alleen")
    signal = triage.raise_signal(
        actor_of(core), description="Mien komt de deur niet meer uit.", person_concerned=about
    )
    triage.update_signal(actor_of(core), signal, {"action": "match"})
    staff_page = as_person(coordinator).get(f"/c/wijk/signals/{signal.pk}/").content.decode()
    assert f"/c/wijk/requests/new/?person={about.pk}" in staff_page
    enter = as_person(coordinator).get(f"/c/wijk/requests/new/?person={about.pk}").content
    assert f'value="{about.pk}" selected' in enter.decode()
    core_client = as_person(core)
    assert (
        "Vraag de coördinatoren"
        in core_client.get(f"/c/wijk/signals/{signal.pk}/").content.decode()
    )
    core_client.post(f"/c/wijk/signals/{signal.pk}/", {"op": "ask"})
    told = Message.objects.filter(person=coordinator, event="custom")
    assert told.exists() and "Mien Alleen" in told.first().body
