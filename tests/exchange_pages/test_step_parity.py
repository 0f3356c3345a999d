"""Page and API take a match's steps by one rule (services.allowed_transitions): the page shows
exactly the step buttons the service allows for this person, and a step posted on the page
succeeds or is refused exactly as the same step through the API."""

import pytest

from naober.exchange import services
from naober.exchange.models import Match, MatchState
from naober.exchange.steps import BY_OTHER_MEANS, next_steps
from tests.exchange.helpers import actor_of, make_offer, make_request
from tests.factories import ApiClient

TARGETS = (MatchState.ACTIVE, MatchState.COMPLETED, MatchState.DECLINED, MatchState.STOPPED)


def _match(community, cast, state: str) -> Match:
    """A mediated match between the cast's requester and helper, brought to `state`."""
    coordinator = actor_of(cast["coordinator"])
    request = make_request(community, cast["requester"])
    match = services.propose(coordinator, request, make_offer(community, cast["helper"]))
    services.say_yes(actor_of(cast["helper"]), match)
    services.say_yes(actor_of(cast["requester"]), match)
    if state in (MatchState.INTRODUCED, MatchState.ACTIVE):
        services.transition(coordinator, match, MatchState.INTRODUCED)
    if state == MatchState.ACTIVE:
        services.transition(coordinator, match, MatchState.ACTIVE)
    match.refresh_from_db()
    assert match.state == state
    return match


@pytest.fixture
def cast(community, person_factory):
    return {
        "coordinator": person_factory(community, "coordinator"),
        "requester": person_factory(community, "resident"),
        "helper": person_factory(community, "volunteer"),
    }


@pytest.mark.parametrize("start", [MatchState.ACCEPTED, MatchState.ACTIVE])
@pytest.mark.parametrize("who", ["requester", "helper", "coordinator"])
def test_page_and_api_allow_and_refuse_the_same_steps(community, cast, as_person, start, who):
    person = cast[who]
    shown = _match(community, cast, start)
    allowed = services.allowed_transitions(actor_of(person), shown)
    buttons = {to for to, _label in next_steps(actor_of(person), shown)}
    assert buttons == set(allowed) - BY_OTHER_MEANS
    if start == MatchState.ACCEPTED:  # the service allows a no after the yeses: so does the page
        assert MatchState.DECLINED in buttons
    page, api = as_person(person), ApiClient().login(person)
    for to in TARGETS:
        on_page, via_api = _match(community, cast, start), _match(community, cast, start)
        page.post(f"/c/wijk/matches/{on_page.pk}/step/", {"to": to})
        response = api.post(f"c/wijk/matches/{via_api.pk}/transition", {"to": to})
        on_page.refresh_from_db()
        moved_on_page = on_page.state != start
        assert moved_on_page == (response.status_code == 200) == (to in allowed), (who, start, to)
        if not moved_on_page:
            assert on_page.state == start and response.status_code in (403, 409)
