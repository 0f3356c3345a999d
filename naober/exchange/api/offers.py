"""API of standing offers: list (also the ones a resident can accept directly), post, read, change,
and accept an offer directly (offer-first).
"""

from datetime import datetime
from functools import partial

from ninja import Field, Path, Query, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, ErrorOut, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.api.patch import Patch
from naober.exchange import selectors, services
from naober.exchange.api._common import ERRORS_409, Id, _person_or_422, router
from naober.exchange.api.matches import MatchOut


class OfferOut(Schema):
    id: int
    helper: int
    helper_name: str
    helper_place: str
    categories: list[str]
    description: str
    available: bool
    max_per_month: int
    availability: list[str]
    area: int | None
    radius_m: int | None
    languages: list[str]
    created_at: datetime


class OfferIn(Schema):
    categories: list[str] = Field(..., min_length=1, max_length=20)
    description: str = Field(..., min_length=1, max_length=4000)
    available: bool = True
    max_per_month: int = Field(2, ge=1, le=31)
    availability: list[str] = Field(default_factory=list, max_length=21)
    area: int | None = Id
    radius_m: int | None = Field(None, ge=0, le=100_000)
    languages: list[str] = Field(default_factory=list, max_length=10)
    helper: int | None = Id


class OfferPatch(Patch):
    categories: list[str] | None = Field(None, min_length=1, max_length=20)
    description: str | None = Field(None, min_length=1, max_length=4000)
    available: bool | None = None
    max_per_month: int | None = Field(None, ge=1, le=31)
    availability: list[str] | None = Field(None, max_length=21)
    area: int | None = Id
    radius_m: int | None = Field(None, ge=0, le=100_000)
    languages: list[str] | None = Field(None, max_length=10)


class AcceptOfferIn(Schema):
    category: str = Field("", max_length=40)
    title: str = Field("", max_length=120)
    description: str = Field("", max_length=4000)


@router.get("/c/{community}/offers", response=list[OfferOut])
@paginate(Pagination)
def list_offers(
    request,
    community: str,
    category: str = Query("", max_length=40),
    available: bool | None = None,
    mine: bool = False,
    standing: bool = False,
):
    """`standing=true`: offers the caller can accept directly (room left, not their own)."""
    actor = actor_for(request, community)
    if standing:
        rows = selectors.standing_offers(actor, category=category)
    else:
        rows = selectors.offer_list(actor, category=category, available=available, mine=mine)
    return Mapped(rows, partial(selectors.offer_view, actor))


@router.post("/c/{community}/offers", response={201: OfferOut, **ERRORS})
def create_offer(request, community: str, payload: OfferIn):
    actor = actor_for(request, community)
    data = payload.dict()
    helper = _person_or_422(actor, data.pop("helper"), "helper")
    offer = services.create_offer(actor, data, helper=helper)
    return 201, selectors.offer_view(actor, selectors.offer_get(actor, offer.pk))


@router.get("/c/{community}/offers/{offer_id}", response={200: OfferOut, **ERRORS})
def get_offer(request, community: str, offer_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    return selectors.offer_view(actor, selectors.offer_get(actor, offer_id))


@router.patch("/c/{community}/offers/{offer_id}", response={200: OfferOut, **ERRORS})
def patch_offer(
    request, community: str, payload: OfferPatch, offer_id: int = Path(..., ge=1, le=2**62)
):
    actor = actor_for(request, community)
    offer = selectors.offer_get(actor, offer_id)
    services.update_offer(actor, offer, payload.dict(exclude_unset=True))
    return selectors.offer_view(actor, selectors.offer_get(actor, offer_id))


@router.post(
    "/c/{community}/offers/{offer_id}/accept",
    response={201: MatchOut, **ERRORS_409, 429: ErrorOut},
    exclude_unset=True,
)
def accept_offer(
    request, community: str, payload: AcceptOfferIn, offer_id: int = Path(..., ge=1, le=2**62)
):
    """Offer-first: ask this helper directly; a request is made on the fly (see services).

    The match stays `proposed` until the helper says yes (contact details only then); 409
    "offer_full" when the helper's monthly maximum is reached, 429 "rate_limited" when asked too
    often."""
    actor = actor_for(request, community)
    offer = selectors.offer_get(actor, offer_id)
    match = services.accept_offer(
        actor,
        offer,
        category=payload.category or None,
        title=payload.title,
        description=payload.description,
    )
    return 201, selectors.match_view(actor, selectors.match_get(actor, match.pk))
