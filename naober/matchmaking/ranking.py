"""Suggestions for one request and a plan for all open requests, from the cached index.

The engine returns offer rows and reason codes; this module maps rows back to offers (re-read
within the community, so a stale row can never leak another community's offer or a deleted one)
and codes to Dutch sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import HelpOffer, HelpRequest
from naober.matching import plan, suggest
from naober.matching.reasons import reasons_for_row
from naober.matchmaking import selectors
from naober.matchmaking.cache import entry_for, forget
from naober.matchmaking.encode import NeedsRebuild, encode_request, requester_history
from naober.matchmaking.reasons import reason_texts

#: Plans use each request's 50 best helpers plus a maximum flow (exact in the number matched).
PLAN_MAX_CANDIDATES = 50


@dataclass(frozen=True)
class Ranked:
    offer: HelpOffer
    person: object
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class PlanLine:
    request: HelpRequest
    offer: HelpOffer
    person: object
    score: float
    reasons: list[str]
    priority: float


def _offers(community, offer_ids) -> dict[int, HelpOffer]:
    return (
        HelpOffer.objects.filter(community=community, pk__in=list(offer_ids))
        .select_related("helper__area")
        .in_bulk()
    )


def _encode(entry, help_request, community, **kwargs):
    try:
        return entry, encode_request(help_request, entry.codebook, **kwargs)
    except NeedsRebuild:  # the request's category is newer than the index
        forget(community.pk)
        entry = entry_for(community)
        return entry, encode_request(help_request, entry.codebook, **kwargs)


def suggestions(actor: Actor, help_request: HelpRequest, limit: int = 10) -> list[Ranked]:
    """The best `limit` helpers for this request, best first (permission: MANAGE_EXCHANGE)."""
    actor.require(Action.MANAGE_EXCHANGE)
    if help_request.community_id != actor.community.pk:
        return []
    entry, request = _encode(entry_for(actor.community), help_request, actor.community)
    found = suggest(entry.index, request, entry.weights, k=limit)
    offers = _offers(actor.community, (entry.offer_id(s.row) for s in found))
    ranked = []
    for s in found:
        offer = offers.get(entry.offer_id(s.row))
        if offer is None:  # deleted since the index was read
            continue
        ranked.append(Ranked(offer, offer.helper, round(s.score, 3), reason_texts(s.reasons)))
    return ranked


def batch_plan(actor: Actor) -> list[PlanLine]:
    """The engine's plan over every plannable request, urgent and vulnerable lines first.

    Permission: MANAGE_EXCHANGE. Requests nobody can serve are left out.
    """
    actor.require(Action.MANAGE_EXCHANGE)
    community = actor.community
    requests = list(selectors.plannable_requests(actor))
    if not requests:
        return []
    history = requester_history({r.requester_id for r in requests})
    entry = entry_for(community)
    encoded = []
    for help_request in requests:
        entry, request = _encode(entry, help_request, community, history=history)
        encoded.append(request)
    weights = entry.weights
    result = plan(entry.index, encoded, weights, max_candidates=PLAN_MAX_CANDIDATES)
    rows = result.rows.tolist()
    offers = _offers(community, (entry.offer_id(row) for row in rows if row >= 0))
    lines = []
    for help_request, request, row, score in zip(
        requests, encoded, rows, result.scores.tolist(), strict=True
    ):
        offer = offers.get(entry.offer_id(row)) if row >= 0 else None
        if offer is None:
            continue
        reasons = reasons_for_row(entry.index, row, request, weights)
        priority = request.priority(weights.urgency_weight, weights.vulnerable_weight)
        lines.append(
            PlanLine(
                help_request, offer, offer.helper, round(score, 3), reason_texts(reasons), priority
            )
        )
    lines.sort(key=lambda line: (-line.priority, line.request.created_at, line.request.pk))
    return lines
