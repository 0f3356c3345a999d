"""Who the exchange joins to whom (for people.access): the people an actor may see through the
requests, offers and matches they may see.
"""

from django.db.models import QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.selectors.matches import visible_matches
from naober.exchange.selectors.offers import visible_offers
from naober.exchange.selectors.requests import visible_requests


def joined_people(actor: Actor) -> list[QuerySet]:
    """The people a request, offer or match shows this actor: requesters of the requests they
    may see, helpers of the offers they may see, and the other side of their own matches."""
    if not actor.can(Action.VIEW_EXCHANGE):
        return []
    matches = visible_matches(actor)
    return [
        visible_requests(actor).values("requester_id"),
        visible_offers(actor).values("helper_id"),
        matches.values("helper_id"),
        matches.values("request__requester_id"),
    ]
