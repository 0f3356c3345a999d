"""Exchange rows for page tests, built through the backend's services like a real user would."""

from naober.exchange import services
from tests.exchange.helpers import actor_of, make_offer, make_request

__all__ = ["actor_of", "make_offer", "make_request", "matched"]


def matched(community, requester, helper, *, state="accepted", mediated=False, coordinator=None):
    """A request of `requester` answered by `helper`'s offer, moved on to `state`."""
    help_request = make_request(community, requester, title="Lamp ophangen", code="klussen")
    offer = make_offer(community, helper, codes=("klussen",))
    if mediated:
        match = services.propose(actor_of(coordinator), help_request, offer)
    else:
        match = services.respond(actor_of(helper), help_request, offer)
    path = {
        "proposed": [],
        "accepted": ["accepted"],
        "active": ["accepted", "active"],
        "completed": ["accepted", "active", "completed"],
    }[state]
    for step in path:
        if step == "accepted":  # both yeses: the helper's (already given when responding) first
            services.say_yes(actor_of(helper), match)
            match = services.say_yes(actor_of(requester), match)
            continue
        actor = actor_of(coordinator or requester)
        match = services.transition(actor, match, step)
    return match
