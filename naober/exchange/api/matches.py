"""API of matches: list, make (respond or propose), read, take a step, say yes, pause for review,
and the other side's contact details once shared.
"""

from datetime import datetime
from functools import partial
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.base.errors import Conflict
from naober.communities.permissions import Action
from naober.exchange import selectors, services
from naober.exchange.api._common import ERRORS_409, router
from naober.exchange.models import (
    MatchMode,
    MatchState,
)


class EventOut(Schema):
    from_state: str
    to_state: str
    by: int | None
    at: datetime
    note: str
    kind: str = "step"
    text: str = ""


class MatchOut(Schema):
    id: int
    request: int
    offer: int
    helper: int
    helper_name: str
    requester: int
    requester_name: str
    mode: str
    state: str
    created_at: datetime
    intro_at: datetime | None
    intro_place: str
    review_flag: bool
    helper_yes_at: datetime | None = None
    requester_yes_at: datetime | None = None
    history: list[EventOut]
    intro_notes: str | None = None
    review_note: str | None = None


class MatchIn(Schema):
    request: int = Field(..., ge=1, le=2**62)
    offer: int = Field(..., ge=1, le=2**62)
    note: str = Field("", max_length=500)


class TransitionIn(Schema):
    to: MatchState
    note: str = Field("", max_length=500)
    intro_at: datetime | None = None
    intro_place: str = Field("", max_length=200)
    intro_notes: str = Field("", max_length=2000)


class YesIn(Schema):
    side: Literal["helper", "requester", ""] = ""
    note: str = Field("", max_length=500)


class ReviewIn(Schema):
    flagged: bool
    note: str = Field("", max_length=500)


class ContactOut(Schema):
    person: int
    name: str
    place: str
    via_coordinator: bool
    phone: str
    email: str
    address: str
    advice: list[str]


@router.get("/c/{community}/matches", response=list[MatchOut], exclude_unset=True)
@paginate(Pagination)
def list_matches(
    request,
    community: str,
    state: MatchState | None = None,
    mode: MatchMode | None = None,
    request_id: int | None = Query(None, ge=1, le=2**62, alias="request"),
    flagged: bool | None = None,
):
    actor = actor_for(request, community)
    rows = selectors.match_list(
        actor, state=state or "", mode=mode or "", request=request_id, flagged=flagged
    )
    return Mapped(rows, partial(selectors.match_view, actor))


@router.post("/c/{community}/matches", response={201: MatchOut, **ERRORS_409}, exclude_unset=True)
def create_match(request, community: str, payload: MatchIn):
    """A helper responding with their own offer (mode self) or a coordinator proposing
    (mode mediated). 409 "request_taken" when the request already has a live match."""
    actor = actor_for(request, community)
    help_request = selectors.request_to_claim(actor, payload.request)
    offer = selectors.offer_get(actor, payload.offer)
    match = services.create_match(actor, help_request, offer, payload.note)
    return 201, selectors.match_view(actor, selectors.match_get(actor, match.pk))


@router.get(
    "/c/{community}/matches/{match_id}", response={200: MatchOut, **ERRORS}, exclude_unset=True
)
def get_match(request, community: str, match_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    return selectors.match_view(actor, selectors.match_get(actor, match_id))


@router.post(
    "/c/{community}/matches/{match_id}/transition",
    response={200: MatchOut, **ERRORS_409},
    exclude_unset=True,
)
def transition_match(
    request, community: str, payload: TransitionIn, match_id: int = Path(..., ge=1, le=2**62)
):
    """Move the match one step; 409 "invalid_transition" when the step is not allowed."""
    actor = actor_for(request, community)
    match = selectors.match_get(actor, match_id)
    services.transition(
        actor,
        match,
        payload.to,
        payload.note,
        intro_at=payload.intro_at,
        intro_place=payload.intro_place,
        intro_notes=payload.intro_notes,
    )
    return selectors.match_view(actor, selectors.match_get(actor, match_id))


@router.post(
    "/c/{community}/matches/{match_id}/yes",
    response={200: MatchOut, **ERRORS_409},
    exclude_unset=True,
)
def say_yes(request, community: str, payload: YesIn, match_id: int = Path(..., ge=1, le=2**62)):
    """One side's yes to a proposed match: the helper's or the requester's own, or recorded by a
    coordinator for `side` (heard on the phone). The second yes makes the match `accepted`.
    409 "invalid_transition" when the match is no longer proposed."""
    actor = actor_for(request, community)
    match = selectors.match_get(actor, match_id)
    services.say_yes(actor, match, payload.side, payload.note)
    return selectors.match_view(actor, selectors.match_get(actor, match_id))


@router.post(
    "/c/{community}/matches/{match_id}/review",
    response={200: MatchOut, **ERRORS},
    exclude_unset=True,
)
def review_match(
    request, community: str, payload: ReviewIn, match_id: int = Path(..., ge=1, le=2**62)
):
    """Pause a match for review (contact sharing stops) or clear the flag. Coordinators only."""
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_EXCHANGE)
    match = selectors.match_get(actor, match_id)
    services.flag_match(actor, match, flagged=payload.flagged, note=payload.note)
    return selectors.match_view(actor, selectors.match_get(actor, match_id))


@router.get("/c/{community}/matches/{match_id}/contact", response={200: ContactOut, **ERRORS_409})
def match_contact(request, community: str, match_id: int = Path(..., ge=1, le=2**62)):
    """The other side's contact details, once accepted and as far as they consented.

    409 "not_shared" while the match is not accepted yet, closed or paused for review.
    """
    actor = actor_for(request, community)
    match = selectors.match_get(actor, match_id)
    contact = selectors.match_contact(actor, match)
    if contact is None:
        raise Conflict(_("Contact details are shared only after both said yes."), "not_shared")
    return {**contact, "advice": [str(line) for line in selectors.SAFETY_ADVICE]}
