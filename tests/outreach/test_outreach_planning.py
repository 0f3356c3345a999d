"""Walk lists (every Nth house, ranges, sign-ups, referrals, capacity) and core-group meetings."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import translation

from naober.outreach import meetings, selectors, services, triage
from naober.outreach.models import AgendaItem, Decision, Meeting, WalkEntry, WalkList
from tests.factories import street
from tests.outreach.conftest import actor_of


@pytest.fixture
def plan(community, cast):
    return services.create_walk_list(
        actor_of(cast.coordinator),
        area=street(community),
        name="Dorpsstraat ronde 1",
        capacity_per_visitor=3,
    )


def test_every_nth_known_address(plan, community, person_factory, cast):
    for number in range(1, 21):
        person_factory(community, login=False, address=f"Dorpsstraat {number}")
    services.add_every_nth_resident(actor_of(cast.coordinator), plan, every=10, start=1)
    # The cast lives in Dorpsstraat too; numbers sort as numbers (9 before 10).
    addresses = list(plan.entries.values_list("address", flat=True))
    assert len(addresses) >= 2
    assert all(e.person is not None for e in plan.entries.all())


def test_number_range(plan, cast):
    services.add_number_range(
        actor_of(cast.core), plan, street="Kerkstraat", first=1, last=40, every=10
    )
    assert list(plan.entries.values_list("address", flat=True)) == [
        "Kerkstraat 1",
        "Kerkstraat 11",
        "Kerkstraat 21",
        "Kerkstraat 31",
    ]
    services.add_number_range(
        actor_of(cast.core), plan, street="Kerkstraat", first=1, last=40, every=10
    )
    assert plan.entries.count() == 4  # no duplicates


@pytest.mark.parametrize(
    "bad", [{"first": 10, "last": 5}, {"first": 1, "last": 5000}, {"every": 0}, {"street": " "}]
)
def test_bad_range_stores_nothing(plan, cast, bad):
    data = {"street": "Kerkstraat", "first": 1, "last": 10, "every": 1} | bad
    with pytest.raises(ValidationError):
        services.add_number_range(actor_of(cast.core), plan, **data)
    assert plan.entries.count() == 0


def test_self_registered_and_referred(plan, cast):
    coordinator = actor_of(cast.coordinator)
    entry = services.add_person(coordinator, plan, cast.resident, kind="self_registered")
    assert entry.kind == "self_registered" and entry.person == cast.resident
    with pytest.raises(ValidationError):
        services.add_person(coordinator, plan, cast.visitor, kind="referred", referred_by="")
    referred = services.add_person(
        coordinator, plan, cast.visitor, kind="referred", referred_by="Huisartsenpraktijk Zuid"
    )
    assert referred.referred_by == "Huisartsenpraktijk Zuid"


def test_capacity_per_visitor(plan, cast):
    coordinator = actor_of(cast.coordinator)
    services.add_number_range(coordinator, plan, street="Kerkstraat", first=1, last=5)
    ids = list(plan.entries.values_list("pk", flat=True))
    assert services.assign_visitor(coordinator, plan, ids[:3], cast.visitor) == 3
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.assign_visitor(coordinator, plan, ids[3:4], cast.visitor)
    assert "at most 3 per visitor" in error.value.message_dict["visitor"][0]
    assert plan.entries.filter(visitor=cast.visitor).count() == 3
    assert services.assign_visitor(coordinator, plan, ids[3:], cast.other_visitor) == 2


def test_only_visiting_roles_can_be_assigned(plan, cast):
    services.add_number_range(
        actor_of(cast.coordinator), plan, street="Kerkstraat", first=1, last=1
    )
    with pytest.raises(ValidationError):
        services.assign_visitor(
            actor_of(cast.coordinator),
            plan,
            list(plan.entries.values_list("pk", flat=True)),
            cast.resident,
        )
    assert not plan.entries.filter(visitor__isnull=False).exists()


@pytest.mark.parametrize("who", ["visitor", "resident", "partner"])
def test_planning_is_for_staff_and_core_group(community, cast, who):
    with pytest.raises(PermissionDenied):
        services.create_walk_list(actor_of(getattr(cast, who)), area=street(community), name="x")
    assert WalkList.objects.count() == 0


def test_walk_lists_of_another_community_are_hidden(plan, other_community, person_factory):
    elsewhere = actor_of(person_factory(other_community, "coordinator"))
    assert not selectors.walk_lists(elsewhere).exists()
    with pytest.raises(Http404):
        selectors.walk_list_get(elsewhere, plan.pk)


def test_walk_list_in_another_communitys_area_is_refused(cast, other_community):
    with pytest.raises(ValidationError):
        services.create_walk_list(
            actor_of(cast.coordinator), area=street(other_community), name="x"
        )
    assert WalkList.objects.count() == 0


def test_meeting_agenda_from_open_signals_and_proposals(cast):
    core = actor_of(cast.core)
    open_signal = triage.raise_signal(actor_of(cast.resident), description="Donkere steeg")
    closed = triage.raise_signal(actor_of(cast.resident), description="Opgelost")
    triage.update_signal(core, closed, {"status": "closed"})
    first = meetings.create_meeting(core, held_on=date(2026, 3, 1), attendees=[cast.core])
    meetings.add_agenda_item(core, first, title="Buurtbarbecue", kind="proposal")
    second = meetings.create_meeting(core, held_on=date(2026, 4, 1), place="Buurthuis")
    titles = [(i.kind, i.title, i.signal_id) for i in second.agenda.all()]
    assert ("signal", "Donkere steeg", open_signal.pk) in titles
    assert ("proposal", "Buurtbarbecue", None) in titles
    assert all(i.signal_id != closed.pk for i in second.agenda.all())


def test_decision_records_who_and_sets_the_signal_action(cast):
    core = actor_of(cast.core)
    signal = triage.raise_signal(actor_of(cast.resident), description="Eenzame buurman")
    meeting = meetings.create_meeting(core, held_on=date(2026, 3, 1))
    item = meeting.agenda.get(signal=signal)
    decision = meetings.record_decision(
        core,
        meeting,
        text="Koppelen aan een maatje",
        decided_by=[cast.core, cast.coordinator],
        item=item,
        action="match",
    )
    assert set(decision.decided_by.all()) == {cast.core, cast.coordinator}
    assert list(decision.signals.all()) == [signal]
    signal.refresh_from_db()
    assert signal.action == "match" and signal.status == "in_progress"
    assert AgendaItem.objects.get(pk=item.pk).closed


def test_bad_decision_stores_nothing(cast):
    core = actor_of(cast.core)
    meeting = meetings.create_meeting(core, held_on=date(2026, 3, 1))
    with pytest.raises(ValidationError):
        meetings.record_decision(core, meeting, text="", decided_by=[])
    with pytest.raises(ValidationError):
        meetings.record_decision(core, meeting, text="x", decided_by=[cast.core], action="launch")
    assert Decision.objects.count() == 0


def test_meetings_are_for_triage_roles_and_scoped(cast, other_community, person_factory):
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(actor_of(cast.visitor), held_on=date(2026, 3, 1))
    meeting = meetings.create_meeting(actor_of(cast.core), held_on=date(2026, 3, 1))
    elsewhere = actor_of(person_factory(other_community, "core_group"))
    assert not selectors.meetings(elsewhere).exists()
    with pytest.raises(Http404):
        selectors.meeting_get(elsewhere, meeting.pk)
    assert Meeting.objects.count() == 1
    assert WalkEntry.objects.count() == 0
