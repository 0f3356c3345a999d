"""Ranked helpers for one request, from the matching engine (naober/matching via
naober/matchmaking): category and kind, distance or same street/neighbourhood/district,
availability, language, room this month, continuity, waiting time and reliability, with the
community's weights (naober/matchmaking MatchingSettings).

Keep the signature `suggest_for_request(actor, help_request, limit=10) -> list[Suggestion]` so
callers (the workbench, the request page, the API) do not change.

Never suggested (the engine's hard constraints): the requester, a paused offer, a helper who
reached their maximum this month, a helper the requester declined or stopped with, a helper
outside the requester's gender wish, another community's offer. One suggestion per helper.
"""

from typing import NamedTuple

from naober.communities.context import Actor
from naober.exchange.models import HelpOffer, HelpRequest


class Suggestion(NamedTuple):
    offer: HelpOffer
    person: object
    score: float
    reasons: list[str]


def suggest_for_request(actor: Actor, help_request: HelpRequest, limit: int = 10) -> list:
    """The best `limit` helpers for this request, best first, each with short Dutch reasons.

    Permission: MANAGE_EXCHANGE. Returns Suggestion(offer, person, score, reasons).
    """
    from naober.matchmaking.ranking import suggestions

    return [
        Suggestion(s.offer, s.person, s.score, s.reasons)
        for s in suggestions(actor, help_request, limit=limit)
    ]
