"""Signals: raising, triage with history, feedback to the raiser, passing on without the source."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from naober.outreach import selectors, triage
from naober.outreach.models import Signal, SignalEvent
from tests.outreach.conftest import actor_of


@pytest.fixture
def signal(cast):
    return triage.raise_signal(
        actor_of(cast.resident),
        description="Mevrouw op nr 3 is eenzaam",
        urgency="high",
        kind="individual",
    )


@pytest.mark.parametrize("who", ["resident", "visitor", "partner", "core", "coordinator"])
def test_every_member_and_partner_may_raise(cast, who):
    signal = triage.raise_signal(
        actor_of(getattr(cast, who)), description="Losse stoeptegels", kind="structural"
    )
    assert signal.status == "new" and signal.events.count() == 1


def test_funder_may_not_raise(community, person_factory):
    with pytest.raises(PermissionDenied):
        triage.raise_signal(actor_of(person_factory(community, "funder")), description="x")
    assert Signal.objects.count() == 0


@pytest.mark.parametrize(
    "bad", [{"description": "  "}, {"urgency": "whenever"}, {"kind": "cosmic"}]
)
def test_bad_signal_input_stores_nothing(cast, bad):
    data = {"description": "Iets gezien"} | bad
    with pytest.raises(ValidationError):
        triage.raise_signal(actor_of(cast.resident), **data)
    assert Signal.objects.count() == 0


def test_lifecycle_history_and_feedback(signal, cast, monkeypatch):
    told = []
    monkeypatch.setattr(
        "naober.outreach.triage.send_notice",
        lambda person, kind, ctx: told.append((person, kind, ctx["signal"].pk)),
    )
    core = actor_of(cast.core)
    triage.update_signal(core, signal, {"status": "discussing", "assignee": cast.core})
    triage.update_signal(
        core, signal, {"status": "in_progress", "action": "match", "due_on": date(2026, 12, 1)}
    )
    triage.update_signal(
        core,
        signal,
        {
            "status": "closed",
            "outcome": "Buurvrouw Ans komt koffie drinken",
            "public_outcome": "Er is een buur gevonden.",
        },
    )
    signal.refresh_from_db()
    assert signal.status == "closed" and signal.assignee == cast.core
    history = list(SignalEvent.objects.filter(signal=signal))
    assert [e.changes.get("status") for e in history] == [
        "new",
        "discussing",
        "in_progress",
        "closed",
    ]
    assert history[1].changes["assignee"] == cast.core.name and history[1].by == cast.core
    assert told == [(cast.resident, "signal_outcome", signal.pk)] * 3
    mine = selectors.signal_view(actor_of(cast.resident), signal)
    assert mine["public_outcome"] == "Er is een buur gevonden." and mine["status"] == "closed"
    assert "outcome" not in mine and "assignee" not in mine and "raised_by" not in mine


def test_invalid_transition_is_refused(signal, cast):
    core = actor_of(cast.core)
    triage.update_signal(core, signal, {"status": "closed"})
    with pytest.raises(ValidationError):
        triage.update_signal(core, signal, {"status": "in_progress"})
    signal.refresh_from_db()
    assert signal.status == "closed"


def test_assignee_must_be_core_group_or_staff(signal, cast):
    with pytest.raises(ValidationError):
        triage.update_signal(actor_of(cast.core), signal, {"assignee": cast.visitor})
    signal.refresh_from_db()
    assert signal.assignee is None


@pytest.mark.parametrize("who", ["resident", "visitor", "partner"])
def test_only_triage_roles_triage(signal, cast, who):
    with pytest.raises(PermissionDenied):
        triage.update_signal(actor_of(getattr(cast, who)), signal, {"status": "discussing"})
    signal.refresh_from_db()
    assert signal.status == "new"


def test_raiser_sees_own_signals_only(signal, cast):
    other = triage.raise_signal(actor_of(cast.visitor), description="Zwerfvuil", kind="structural")
    assert list(selectors.signals_for(actor_of(cast.resident))) == [signal]
    assert set(selectors.signals_for(actor_of(cast.core))) == {signal, other}
    with pytest.raises(Http404):
        selectors.signal_get(actor_of(cast.resident), other.pk)


def test_signals_of_another_community_are_never_returned(signal, other_community, person_factory):
    elsewhere = actor_of(person_factory(other_community, "core_group"))
    assert not selectors.signals_for(elsewhere).exists()
    with pytest.raises(Http404):
        selectors.signal_get(elsewhere, signal.pk)
    with pytest.raises(Signal.DoesNotExist):
        triage.update_signal(elsewhere, signal, {"status": "discussing"})


def test_passing_on_hides_the_raiser(signal, cast, welzijn):
    text = triage.pass_to_organisation(actor_of(cast.coordinator), signal, organisation=welzijn)
    assert "Mevrouw op nr 3 is eenzaam" in text
    for secret in (
        cast.resident.name,
        cast.resident.display_name,
        cast.resident.address,
        cast.resident.phone,
        cast.resident.email,
    ):
        assert secret not in text
    signal.refresh_from_db()
    assert signal.organisation == welzijn and signal.action == "pass_to_provider"
    assert selectors.signal_view(actor_of(cast.core), signal)["organisation"] == welzijn.pk


def test_passing_on_to_another_communitys_organisation_is_refused(signal, cast, other_community):
    from naober.directory.models import Organisation

    foreign = Organisation.objects.create(community=other_community, name="Elders", kind="welfare")
    with pytest.raises(ValidationError):
        triage.pass_to_organisation(actor_of(cast.coordinator), signal, organisation=foreign)
    signal.refresh_from_db()
    assert signal.organisation is None


def test_triage_board_orders_by_urgency(cast):
    low = triage.raise_signal(actor_of(cast.resident), description="a", urgency="low")
    acute = triage.raise_signal(actor_of(cast.resident), description="b", urgency="acute")
    board = selectors.triage_board(actor_of(cast.coordinator))
    assert board["new"] == [acute, low]
    with pytest.raises(PermissionDenied):
        selectors.triage_board(actor_of(cast.visitor))
