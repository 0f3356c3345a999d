"""A helper's load this month has one definition (exchange.models.LOAD_STATES): the offer list,
the matching engine's room and the volunteer overview agree on who has room left."""

from naober.exchange import selectors, services
from naober.exchange.models import MatchState
from naober.matchmaking.encode import helper_stats
from naober.volunteering import selectors as volunteering
from naober.volunteering import services as volunteering_services
from tests.exchange.helpers import actor_of, make_offer, make_request


def test_the_exchange_matchmaking_and_volunteering_count_the_same_load(community, person_factory):
    coordinator = actor_of(person_factory(community, "coordinator"))
    helper = person_factory(community, "volunteer")
    profile = volunteering_services.save_profile(coordinator, helper, {"max_per_month": 1})
    offer = make_offer(community, helper, max_per_month=1)
    for end in (MatchState.DECLINED, MatchState.STOPPED):
        match = services.propose(coordinator, make_request(community), offer)
        services.transition(coordinator, match, end)

    # The declined proposal does not count, the stopped match does: one, everywhere.
    assert selectors.helper_load(community, [helper.pk]) == {helper.pk: 1}
    assert helper_stats(community.pk, [helper.pk])[helper.pk]["used"] == 1
    assert services.offer_is_full(offer)
    assert selectors.standing_offers(actor_of(person_factory(community, "resident"))) == []
    assert (profile, "limit") not in volunteering.overloaded(coordinator)
