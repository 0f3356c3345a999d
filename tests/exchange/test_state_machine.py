"""The match state machine: every allowed and every forbidden step, history, request status."""

import pytest

from naober.base.errors import Conflict
from naober.exchange import services
from naober.exchange.models import Match, MatchEvent, MatchMode, MatchState, RequestStatus
from naober.exchange.states import NEXT
from tests.exchange.helpers import actor_of, make_offer, make_request

S = MatchState
ALL = list(S.values)
# The path from proposed to each state, for a match of each mode.
PATHS = {
    S.PROPOSED: [],
    S.ACCEPTED: [S.ACCEPTED],
    S.INTRODUCED: [S.ACCEPTED, S.INTRODUCED],
    S.ACTIVE: [S.ACCEPTED, S.INTRODUCED, S.ACTIVE],
    S.COMPLETED: [S.ACCEPTED, S.INTRODUCED, S.ACTIVE, S.COMPLETED],
    S.DECLINED: [S.DECLINED],
    S.STOPPED: [S.STOPPED],
}
ALLOWED = {
    (S.PROPOSED, S.ACCEPTED),
    (S.PROPOSED, S.DECLINED),
    (S.PROPOSED, S.STOPPED),
    (S.ACCEPTED, S.INTRODUCED),
    (S.ACCEPTED, S.ACTIVE),
    (S.ACCEPTED, S.DECLINED),
    (S.ACCEPTED, S.STOPPED),
    (S.INTRODUCED, S.ACTIVE),
    (S.INTRODUCED, S.DECLINED),
    (S.INTRODUCED, S.STOPPED),
    (S.ACTIVE, S.COMPLETED),
    (S.ACTIVE, S.DECLINED),
    (S.ACTIVE, S.STOPPED),
}


@pytest.fixture
def setup(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    requester = person_factory(community, "resident")
    helper = person_factory(community, "volunteer")
    return community, coordinator, requester, helper


def _match_in(setup, state, mode=MatchMode.MEDIATED):
    community, coordinator, requester, helper = setup
    request = make_request(community, requester)
    offer = make_offer(community, helper)
    if mode == MatchMode.MEDIATED:
        match = services.propose(actor_of(coordinator), request, offer)
    else:
        match = services.respond(actor_of(helper), request, offer)
    for step in PATHS[state]:
        if mode == MatchMode.SELF and step == S.INTRODUCED:
            continue
        if step == S.ACCEPTED:  # both yeses, recorded by the coordinator from the phone
            services.say_yes(actor_of(coordinator), match, "helper")
            match = services.say_yes(actor_of(coordinator), match, "requester")
            continue
        match = services.transition(actor_of(coordinator), match, step, "stap")
    assert match.state == state
    return match


def test_the_table_is_what_the_contract_says():
    assert {(a, b) for a, nexts in NEXT.items() for b in nexts} == ALLOWED


@pytest.mark.parametrize("start,to", [(a, b) for a in ALL for b in ALL])
def test_every_step_is_allowed_or_refused_with_409(setup, start, to):
    # accepted -> active skips the introduction: allowed for self-made matches only (tested below).
    mode = MatchMode.SELF if (start, to) == (S.ACCEPTED, S.ACTIVE) else MatchMode.MEDIATED
    match = _match_in(setup, start, mode)
    coordinator = setup[1]
    if (start, to) == (S.PROPOSED, S.ACCEPTED):  # the step itself, once both have said yes
        Match.objects.filter(pk=match.pk).update(
            helper_yes_at=match.created_at, requester_yes_at=match.created_at
        )
    events = MatchEvent.objects.filter(match=match).count()
    if (start, to) in ALLOWED:
        moved = services.transition(actor_of(coordinator), match, to, "waarom")
        assert moved.state == to
        assert MatchEvent.objects.filter(match=match).count() == events + 1
    else:
        with pytest.raises(Conflict) as info:
            services.transition(actor_of(coordinator), match, to, "waarom")
        assert info.value.code == "invalid_transition"
        assert Match.objects.get(pk=match.pk).state == start
        assert MatchEvent.objects.filter(match=match).count() == events


def test_a_mediated_match_is_introduced_before_it_starts(setup):
    match = _match_in(setup, S.ACCEPTED, MatchMode.MEDIATED)
    with pytest.raises(Conflict):
        services.transition(actor_of(setup[1]), match, S.ACTIVE)


def test_a_self_made_match_may_start_without_introduction(setup):
    match = _match_in(setup, S.ACCEPTED, MatchMode.SELF)
    assert services.transition(actor_of(setup[3]), match, S.ACTIVE).state == S.ACTIVE


def test_completing_closes_the_request(setup):
    match = _match_in(setup, S.ACTIVE)
    services.transition(actor_of(setup[1]), match, S.COMPLETED)
    match.request.refresh_from_db()
    assert match.request.status == RequestStatus.DONE


@pytest.mark.parametrize("to", [S.STOPPED, S.DECLINED])
def test_stopping_or_declining_reopens_the_request(setup, to):
    match = _match_in(setup, S.ACCEPTED)
    match.request.refresh_from_db()
    assert match.request.status == RequestStatus.MATCHED
    services.transition(actor_of(setup[1]), match, to)
    match.request.refresh_from_db()
    assert match.request.status == RequestStatus.OPEN


def test_history_says_who_when_and_why(setup):
    community, coordinator, requester, helper = setup
    match = _match_in(setup, S.PROPOSED, MatchMode.SELF)
    services.transition(actor_of(requester), match, S.ACCEPTED, "Fijn, graag!")
    services.transition(actor_of(helper), match, S.STOPPED, "Ik ben ziek")
    rows = list(MatchEvent.objects.filter(match=match).order_by("at", "id"))
    assert [(r.from_state, r.to_state, r.by_id, r.note) for r in rows] == [
        ("", S.PROPOSED, helper.pk, ""),
        (S.PROPOSED, S.ACCEPTED, requester.pk, "Fijn, graag!"),
        (S.ACCEPTED, S.STOPPED, helper.pk, "Ik ben ziek"),
    ]
    assert all(r.at is not None for r in rows)


def test_introduction_details_are_stored(setup):
    from django.utils import timezone

    match = _match_in(setup, S.ACCEPTED)
    when = timezone.now()
    services.transition(
        actor_of(setup[1]),
        match,
        S.INTRODUCED,
        intro_at=when,
        intro_place="Buurthuis De Schakel",
        intro_notes="Klikte meteen",
    )
    match.refresh_from_db()
    assert (match.intro_at, match.intro_place, match.intro_notes) == (
        when,
        "Buurthuis De Schakel",
        "Klikte meteen",
    )


def test_unknown_state_is_a_validation_error(setup):
    from django.core.exceptions import ValidationError

    match = _match_in(setup, S.PROPOSED)
    with pytest.raises(ValidationError):
        services.transition(actor_of(setup[1]), match, "flying")
