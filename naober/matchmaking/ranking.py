"""Suggestions for one request and a plan for all open requests, from the cached index.

The engine returns offer rows and reason codes; this module maps rows back to offers (re-read
within the community, so a stale row can never leak another community's offer or a deleted one)
and codes to Dutch sentences. The plan is kept and shown by plans.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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


def planned_lines(community) -> tuple[datetime, list[list]]:
    """The engine's plan over the community's plannable requests (system read: the task worker
    calls it), and the month the index counted room from.

    Each line is ``[request id, offer id, score, priority, reasons]``, urgent and vulnerable
    first; the reasons are the engine's codes and parameters, made for every line here so that
    showing a page reads no index. Requests nobody can serve are left out.
    """
    requests = list(selectors.requests_to_plan(community))
    entry = entry_for(community)
    if not requests:
        return entry.month, []
    history = requester_history({r.requester_id for r in requests})
    encoded = []
    for help_request in requests:
        entry, request = _encode(entry, help_request, community, history=history)
        encoded.append(request)
    weights = entry.weights
    result = plan(entry.index, encoded, weights, max_candidates=PLAN_MAX_CANDIDATES)
    lines = []
    for help_request, request, row, score in zip(
        requests, encoded, result.rows.tolist(), result.scores.tolist(), strict=True
    ):
        if row < 0:
            continue
        priority = request.priority(weights.urgency_weight, weights.vulnerable_weight)
        reasons = [
            [code, {name: int(value) for name, value in params.items()}]
            for code, params in reasons_for_row(entry.index, row, request, weights)
        ]
        line = [help_request.pk, entry.offer_id(row), round(score, 3), priority, reasons]
        lines.append(((-priority, help_request.created_at, help_request.pk), line))
    lines.sort(key=lambda pair: pair[0])
    return entry.month, [line for _key, line in lines]
