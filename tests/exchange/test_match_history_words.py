"""A match's history says in words what happened at each step, for every reader (a helper walk
found "voorgesteld" three times: the two yeses kept the state and their meaning was only in a
note the sides may not read). The words come from the row's kind, state and whether a side took
it (selectors.step_text), so they never leak a coordinator's note or name."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.test import Client

from naober.exchange import selectors, services
from naober.exchange.models import MatchEvent, MatchEventKind
from naober.people.models import Consent
from tests.exchange.helpers import actor_of, make_offer, make_request

C = "c/wijk"
SECRET = "belde om 10 uur, klonk moe"


@pytest.fixture
def cast(community, person_factory):
    people = {
        "coordinator": person_factory(community, "coordinator", name="Carla Coördinator"),
        "requester": person_factory(community, "resident", name="Truus Jansen"),
        "helper": person_factory(community, "volunteer", name="Gerrit Groen"),
    }
    for who in ("requester", "helper"):
        Consent.objects.create(person=people[who], purpose="contact", granted=True, method="online")
    return people


@pytest.fixture
def walked(community, cast):
    """The walk: a coordinator proposes Gerrit, Gerrit says yes on the web, the coordinator
    records Truus's yes heard on the phone (with a note), then plans the introduction."""
    coordinator = actor_of(cast["coordinator"])
    help_request = make_request(community, cast["requester"])
    offer = make_offer(community, cast["helper"])
    match = services.propose(coordinator, help_request, offer, "past goed")
    services.say_yes(actor_of(cast["helper"]), match)
    services.say_yes(coordinator, match, "requester", SECRET)
    services.transition(coordinator, match, "introduced", intro_place="Buurthuis")
    return match


def texts(cast, who, match):
    actor = actor_of(cast[who])
    match = selectors.match_get(actor, match.pk)
    return [step["text"] for step in selectors.match_view(actor, match)["history"]]


def test_the_yeses_are_stored_as_what_they_are(walked):
    kinds = list(walked.events.values_list("kind", flat=True))
    assert kinds == ["step", "helper_yes", "requester_yes", "step", "step"]


def test_the_helper_reads_each_step_in_words_without_the_coordinators_note(cast, walked):
    assert texts(cast, "helper", walked) == [
        "Voorgesteld door de coördinator",
        "U zei ja",
        "Truus zei ja (telefonisch, genoteerd door de coördinator)",
        "Beiden zeiden ja: de hulp gaat door",
        "De kennismaking is gepland",
    ]
    page = as_client(cast["helper"]).get(f"/{C}/matches/{walked.pk}/").content.decode()
    assert "Truus zei ja (telefonisch, genoteerd door de coördinator)" in page
    assert "U zei ja" in page
    assert SECRET not in page and "past goed" not in page and "Carla" not in page


def test_the_requester_reads_the_helpers_yes_by_name(cast, walked):
    assert texts(cast, "requester", walked)[:3] == [
        "Voorgesteld door de coördinator",
        "Gerrit zei ja",
        "U zei ja (telefonisch, genoteerd door de coördinator)",
    ]
    page = as_client(cast["requester"]).get(f"/{C}/matches/{walked.pk}/").content.decode()
    assert "Gerrit zei ja" in page and SECRET not in page and "Carla" not in page


def test_the_coordinator_reads_full_names_who_and_the_note(cast, walked):
    assert texts(cast, "coordinator", walked)[:3] == [
        "Voorgesteld door de coördinator",
        "Gerrit Groen zei ja",
        "Truus Jansen zei ja (telefonisch, genoteerd door de coördinator)",
    ]
    page = as_client(cast["coordinator"]).get(f"/{C}/matches/{walked.pk}/").content.decode()
    assert "Truus Jansen zei ja (telefonisch, genoteerd door de coördinator)" in page
    assert SECRET in page and "(Carla Coördinator)" in page


def test_the_api_adds_kind_and_text_and_keeps_the_note_hidden_from_a_side(cast, walked, api):
    api.login(cast["helper"])
    history = api.get(f"{C}/matches/{walked.pk}").json()["history"]
    third = history[2]
    assert third["kind"] == "requester_yes" and third["note"] == "" and third["by"] is None
    assert third["text"] == "Truus zei ja (telefonisch, genoteerd door de coördinator)"
    assert {"from_state", "to_state", "by", "at", "note"} <= set(third)  # nothing removed


def test_a_side_that_responds_or_asks_said_yes_by_doing_so(community, cast):
    helper = actor_of(cast["helper"])
    match = services.respond(
        helper, make_request(community, cast["requester"]), make_offer(community, cast["helper"])
    )
    assert texts(cast, "requester", match) == ["Gerrit bood hulp aan en zei daarmee ja"]
    assert texts(cast, "helper", match) == ["U bood hulp aan en zei daarmee ja"]


def test_a_pause_for_review_is_said_without_its_reason(cast, walked):
    coordinator = actor_of(cast["coordinator"])
    services.flag_match(coordinator, walked, flagged=True, note="klacht van de buren")
    services.flag_match(coordinator, walked, flagged=False)
    assert texts(cast, "helper", walked)[-2:] == [
        "Even gepauzeerd: de coördinator kijkt eerst mee",
        "De coördinator heeft meegekeken; de pauze is voorbij",
    ]
    page = as_client(cast["helper"]).get(f"/{C}/matches/{walked.pk}/").content.decode()
    assert "klacht" not in page


def test_a_no_and_a_stop_say_who(community, cast):
    helper = actor_of(cast["helper"])
    offer = make_offer(community, cast["helper"])
    first = services.respond(helper, make_request(community, cast["requester"]), offer)
    services.transition(actor_of(cast["requester"]), first, "declined")
    assert texts(cast, "helper", first)[-1] == "Truus zei nee"
    second = services.propose(
        actor_of(cast["coordinator"]), make_request(community, cast["requester"]), offer
    )
    services.transition(actor_of(cast["coordinator"]), second, "stopped", "geen klik")
    assert texts(cast, "requester", second)[-1] == "Gestopt door de coördinator"


def test_the_notes_keep_only_what_the_person_wrote(walked):
    """The kind says whose yes it was: no label in the note to read twice."""
    notes = list(walked.events.values_list("note", flat=True))
    assert notes == ["past goed", "", SECRET, "", ""]


def test_the_migration_fills_the_kind_of_existing_rows(cast, walked):
    """Old rows: a side's own yes by who took it, a coordinator's recorded yes by the moment
    stored on the match, a review flag by the label the service wrote then (or in turns)."""
    coordinator = cast["coordinator"]
    later = walked.events.last().at + timedelta(hours=1)
    for hours, note in enumerate(
        ["Gepauzeerd om te bekijken: klacht", "Klaar met bekijken", "", ""], start=1
    ):
        row = MatchEvent.objects.create(
            match=walked, from_state="introduced", to_state="introduced", by=coordinator, note=note
        )
        MatchEvent.objects.filter(pk=row.pk).update(at=later + timedelta(hours=hours))
    MatchEvent.objects.update(kind=MatchEventKind.STEP)
    migration = importlib.import_module("naober.exchange.migrations.0008_matchevent_kind")
    migration.fill_kinds(apps, None)
    assert list(walked.events.values_list("kind", flat=True)) == [
        "step",
        "helper_yes",
        "requester_yes",
        "step",
        "step",
        "paused",
        "resumed",
        "paused",
        "resumed",
    ]


def as_client(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def test_planning_the_introduction_on_the_page_says_it_once(community, cast):
    """The introduction form wrote "Koppelingsgesprek" as the note: the sentence says it now."""
    coordinator = actor_of(cast["coordinator"])
    match = services.propose(
        coordinator,
        make_request(community, cast["requester"]),
        make_offer(community, cast["helper"]),
    )
    services.say_yes(coordinator, match, "helper")
    services.say_yes(coordinator, match, "requester")
    client = as_client(cast["coordinator"])
    client.post(
        f"/{C}/matches/{match.pk}/introduction/",
        {"intro_at": "2026-12-10T14:00", "intro_place": "Buurthuis", "intro_notes": ""},
    )
    last = match.events.last()
    assert last.to_state == "introduced" and last.note == ""
    page = client.get(f"/{C}/matches/{match.pk}/").content.decode()
    assert "De kennismaking is gepland (Carla Coördinator)</li>" in page
