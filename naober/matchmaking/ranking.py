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


@dataclass(frozen=True)
class _Planned:
    """One matched request of the plan before its offer, helper and reasons are read."""

    request: HelpRequest
    encoded: object  # the engine's Request
    row: int
    score: float
    priority: float


#: Per community, the last plan of this process: ((index version, encoded requests), Plan).
_plans: dict[int, tuple[tuple, object]] = {}


def _plan_for(entry, community_id: int, encoded: list):
    """The engine's plan, computed once per index version and set of requests: the plan is a
    pure function of the index, the weights (both fixed by the version) and the encoded
    requests (not in the version: a new or edited request changes them), so paging through the
    plan with nothing changed does not plan the whole community again."""
    key = (entry.version, tuple(encoded))
    cached = _plans.get(community_id)
    if cached is not None and cached[0] == key:
        return cached[1]
    result = plan(entry.index, encoded, entry.weights, max_candidates=PLAN_MAX_CANDIDATES)
    _plans[community_id] = (key, result)
    return result


class PlanLines:
    """The plan's lines in page order; offers, helpers and reasons are read only for the lines
    a slice asks for (a page shows 50 of up to 500), the count is the whole plan's."""

    def __init__(self, community, entry, planned: list[_Planned]):
        self.community, self.entry, self.planned = community, entry, planned
        if not planned:
            return
        live = set(
            HelpOffer.objects.filter(
                community=community, pk__in=[entry.offer_id(p.row) for p in planned]
            ).values_list("pk", flat=True)
        )  # offers deleted since the index was read drop out, as before
        self.planned = [p for p in planned if entry.offer_id(p.row) in live]

    def __len__(self) -> int:
        return len(self.planned)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1 or None][0]
        chosen = self.planned[key]
        entry = self.entry
        offers = _offers(self.community, (entry.offer_id(p.row) for p in chosen))
        lines = []
        for p in chosen:
            offer = offers.get(entry.offer_id(p.row))
            if offer is None:  # deleted since the count was taken
                continue
            reasons = reasons_for_row(entry.index, p.row, p.encoded, entry.weights)
            lines.append(
                PlanLine(
                    p.request,
                    offer,
                    offer.helper,
                    round(p.score, 3),
                    reason_texts(reasons),
                    p.priority,
                )
            )
        return lines


def plan_lines(actor: Actor) -> PlanLines:
    """The engine's plan over every plannable request, urgent and vulnerable lines first, read
    lazily per slice (see PlanLines).

    Permission: MANAGE_EXCHANGE. Requests nobody can serve are left out.
    """
    actor.require(Action.MANAGE_EXCHANGE)
    community = actor.community
    requests = list(selectors.plannable_requests(actor))
    if not requests:
        return PlanLines(community, None, [])
    history = requester_history({r.requester_id for r in requests})
    entry = entry_for(community)
    encoded = []
    for help_request in requests:
        entry, request = _encode(entry, help_request, community, history=history)
        encoded.append(request)
    weights = entry.weights
    result = _plan_for(entry, community.pk, encoded)
    planned = [
        _Planned(
            help_request,
            request,
            row,
            score,
            request.priority(weights.urgency_weight, weights.vulnerable_weight),
        )
        for help_request, request, row, score in zip(
            requests, encoded, result.rows.tolist(), result.scores.tolist(), strict=True
        )
        if row >= 0
    ]
    planned.sort(key=lambda p: (-p.priority, p.request.created_at, p.request.pk))
    return PlanLines(community, entry, planned)


def batch_plan(actor: Actor) -> list[PlanLine]:
    """Every line of the plan at once (the API's list); see plan_lines."""
    return plan_lines(actor)[:]
