"""API of the matching layer under /api/v1/c/{community}/ (an extension of shared/API.md):

- ``GET plan``: the batch plan over all open requests, ``[{"request", "offer", "person",
  "score", "reasons"}]``, urgent and vulnerable first (MANAGE_EXCHANGE). A plain list like
  ``requests/{id}/suggestions``: its length is bounded by the number of open requests the plan
  reads (selectors.PLAN_MAX_REQUESTS).
- ``GET/PUT requests/{id}/wish``: the requester's wish about the helper (MANAGE_EXCHANGE, or
  the requester for their own request; changing it only while the request is open).
"""

from typing import Literal

from ninja import Path, Router, Schema

from naober.api.deps import ERRORS, actor_for
from naober.matchmaking import plans, selectors, services

router = Router(tags=["matching"])


class PlanLineOut(Schema):
    request: int
    offer: int
    person: int
    score: float
    reasons: list[str]


class WishIn(Schema):
    gender: Literal["any", "only_women", "only_men", "prefer_women", "prefer_men"]


class WishOut(Schema):
    request: int
    gender: str


@router.get("/c/{community}/plan", response={200: list[PlanLineOut], **ERRORS})
def plan(request, community: str):
    actor = actor_for(request, community)
    return [
        {
            "request": line.request.pk,
            "offer": line.offer.pk,
            "person": line.person.pk,
            "score": line.score,
            "reasons": line.reasons,
        }
        for line in plans.current_lines(actor)
    ]


@router.get("/c/{community}/requests/{request_id}/wish", response={200: WishOut, **ERRORS})
def get_wish(request, community: str, request_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    help_request, wish = selectors.wish_of(actor, request_id)
    return {"request": help_request.pk, "gender": wish.gender}


@router.put("/c/{community}/requests/{request_id}/wish", response={200: WishOut, **ERRORS})
def put_wish(request, community: str, payload: WishIn, request_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    wish = services.save_wish(actor, request_id, payload.gender)
    return {"request": wish.request_id, "gender": wish.gender}
