"""Text over its limit in outreach is refused, never cut (issue 14): house-visit notes, walk-list
entries, signals and meetings say so per field (TooLong), the page shows it in Dutch, the API
answers 422, and nothing is stored."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from naober.outreach import meetings, services, triage
from naober.outreach.models import (
    AgendaItem,
    Decision,
    HouseVisit,
    Meeting,
    Signal,
    SignalEvent,
    WalkEntry,
    WalkList,
)
from tests.outreach.conftest import actor_of

pytestmark = pytest.mark.django_db


def refused(call, field: str, limit: int) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.message_dict[field] == [f"Gebruik hooguit {limit} tekens (nu {limit + 1})."]


def visit(cast, **fields):
    return services.record_visit(
        actor_of(cast.visitor),
        person=cast.resident,
        visited_on=date(2026, 3, 2),
        outcome="held",
        **fields,
    )


@pytest.mark.parametrize(
    ("fields", "field", "limit"),
    [
        ({"notes": "x" * 4001}, "notes", 4000),
        ({"address": "x" * 201}, "address", 200),
        ({"domains": {"health": {"needs": "x" * 1001}}}, "health-needs", 1000),
    ],
)
def test_a_visit_with_text_over_its_limit_is_refused(cast, walk_list, fields, field, limit):
    refused(lambda: visit(cast, **fields), field, limit)
    assert HouseVisit.objects.count() == 0


def test_visit_notes_at_their_limit_are_kept_whole(cast, walk_list):
    notes = "regel\n" * 666 + "xxxx"  # 4000 characters with the line breaks
    assert len(visit(cast, notes=notes).notes) == 4000


def test_walk_list_entries_refuse_text_over_the_limit(community, cast, walk_list):
    planner = actor_of(cast.coordinator)
    refused(
        lambda: services.create_walk_list(planner, area=cast.resident.area, name="x" * 121),
        "name",
        120,
    )
    refused(
        lambda: services.add_number_range(planner, walk_list, street="x" * 151, first=1, last=3),
        "street",
        150,
    )
    refused(
        lambda: services.add_person(
            planner, walk_list, cast.core, kind="referred", referred_by="x" * 121
        ),
        "referred_by",
        120,
    )
    assert WalkList.objects.count() == 1 and WalkEntry.objects.count() == 1


def test_signals_refuse_text_over_the_limit(community, cast):
    raiser = actor_of(cast.visitor)
    refused(lambda: triage.raise_signal(raiser, description="x" * 4001), "description", 4000)
    refused(
        lambda: triage.raise_public_concern(community, about="x" * 201, description="Zorgen"),
        "about",
        200,
    )
    assert Signal.objects.count() == 0
    signal = triage.raise_signal(raiser, description="De gordijnen blijven dicht.")
    core = actor_of(cast.core)
    refused(
        lambda: triage.update_signal(core, signal, {"public_outcome": "x" * 1001}),
        "public_outcome",
        1000,
    )
    refused(
        lambda: triage.update_signal(core, signal, {"status": "discussing"}, note="x" * 201),
        "note",
        200,
    )
    signal.refresh_from_db()
    assert signal.status == "new" and signal.public_outcome == ""
    assert SignalEvent.objects.filter(signal=signal).count() == 1


def test_meetings_refuse_text_over_the_limit(cast):
    core = actor_of(cast.core)
    refused(
        lambda: meetings.create_meeting(core, held_on=date(2026, 3, 2), place="x" * 121),
        "place",
        120,
    )
    assert Meeting.objects.count() == 0
    meeting = meetings.create_meeting(core, held_on=date(2026, 3, 2), place="Buurthuis")
    refused(lambda: meetings.add_agenda_item(core, meeting, title="x" * 201), "title", 200)
    refused(
        lambda: meetings.record_decision(core, meeting, text="x" * 2001, decided_by=[cast.core]),
        "text",
        2000,
    )
    assert AgendaItem.objects.filter(meeting=meeting).count() == 0
    assert Decision.objects.count() == 0


def test_the_visit_page_says_so_in_dutch_and_stores_nothing(cast, walk_list):
    client = Client()
    client.force_login(cast.visitor.user)
    response = client.post(
        "/c/wijk/visits/new/",
        {
            "person": cast.resident.pk,
            "visited_on": "2026-03-02",
            "outcome": "held",
            "notes": "x" * 4001,
        },
    )
    assert response.status_code == 200
    assert "niet meer dan 4000 tekens" in response.content.decode()
    assert HouseVisit.objects.count() == 0


def test_the_api_answers_422_to_long_notes_and_stores_nothing(api, cast, walk_list):
    api.login(cast.visitor)
    response = api.post(
        "c/wijk/visits",
        {
            "person": cast.resident.pk,
            "visited_on": "2026-03-02",
            "outcome": "held",
            "notes": "x" * 4001,
        },
    )
    assert response.status_code == 422
    assert HouseVisit.objects.count() == 0
