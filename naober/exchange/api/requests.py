"""API of categories and help requests: list, post, read and change a request, and the suggested
helpers for one request.
"""

from datetime import datetime
from functools import partial

from ninja import Field, Path, Query, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.communities.permissions import Action
from naober.exchange import integrations, selectors, services
from naober.exchange.api._common import ERRORS_409, Id, _person_or_422, router
from naober.exchange.models import (
    Channel,
    Recurrence,
    RequestStatus,
    Rhythm,
    Urgency,
)


class CategoryOut(Schema):
    code: str
    label: str
    kind: str
    in_scope: bool


class RequestOut(Schema):
    """Public fields for every member; the rest only for staff and the requester (left out)."""

    id: int
    code: str
    requester: int
    requester_name: str
    requester_place: str
    category: str
    category_label: str
    kind: str
    title: str
    description: str
    channel: str
    urgency: str
    needs_mediation: bool
    recurrence: str
    rhythm: str
    weekday: int | None
    status: str
    created_at: datetime
    answer_by: datetime
    disclosure: str | None = None
    preferred_helper: int | None = None
    first_response_at: datetime | None = None
    overdue: bool | None = None
    referred_by: int | None = None
    referred_by_text: str | None = None
    entered_by: int | None = None
    publish: bool | None = None


class RequestIn(Schema):
    category: str = Field(..., min_length=1, max_length=40)
    title: str = Field(..., min_length=1, max_length=120)
    description: str = Field("", max_length=4000)
    channel: Channel = Channel.WEB
    urgency: Urgency = Urgency.NORMAL
    recurrence: Recurrence = Recurrence.ONE_OFF
    rhythm: Rhythm | None = None
    weekday: int | None = Field(None, ge=0, le=6)
    needs_mediation: bool = False
    requester: int | None = Id
    preferred_helper: int | None = Id
    disclosure: str = Field("", max_length=1000)
    referred_by: int | None = Id
    referred_by_text: str = Field("", max_length=120)
    publish: bool = False


class RequestPatch(Schema):
    category: str | None = Field(None, min_length=1, max_length=40)
    title: str | None = Field(None, min_length=1, max_length=120)
    description: str | None = Field(None, max_length=4000)
    channel: Channel | None = None
    urgency: Urgency | None = None
    recurrence: Recurrence | None = None
    rhythm: Rhythm | None = None
    weekday: int | None = Field(None, ge=0, le=6)
    needs_mediation: bool | None = None
    preferred_helper: int | None = Id
    disclosure: str | None = Field(None, max_length=1000)
    referred_by_text: str | None = Field(None, max_length=120)
    status: RequestStatus | None = None
    publish: bool | None = None


class SuggestionOut(Schema):
    offer: int
    person: int
    name: str
    score: float
    reasons: list[str]


@router.get("/c/{community}/categories", response={200: list[CategoryOut], **ERRORS})
def list_categories(request, community: str):
    actor = actor_for(request, community)
    actor.require(Action.VIEW_EXCHANGE)
    return [
        {"code": c.code, "label": c.display_label, "kind": c.kind, "in_scope": c.in_scope}
        for c in selectors.categories_of(actor.community)
    ]


@router.get("/c/{community}/requests", response=list[RequestOut], exclude_unset=True)
@paginate(Pagination)
def list_requests(
    request,
    community: str,
    status: RequestStatus | None = None,
    category: str = Query("", max_length=40),
    channel: Channel | None = None,
    needs_mediation: bool | None = None,
    mine: bool = False,
    q: str = Query("", max_length=100),
):
    actor = actor_for(request, community)
    rows = selectors.request_list(
        actor,
        status=status or "",
        category=category,
        channel=channel or "",
        needs_mediation=needs_mediation,
        mine=mine,
        search=q,
    )
    return Mapped(rows, partial(selectors.request_view, actor))


@router.post(
    "/c/{community}/requests", response={201: RequestOut, **ERRORS_409}, exclude_unset=True
)
def create_request(request, community: str, payload: RequestIn):
    actor = actor_for(request, community)
    data = payload.dict()
    requester = _person_or_422(actor, data.pop("requester"), "requester")
    data["rhythm"] = data["rhythm"] or ""
    created = services.create_request(actor, data, requester=requester)
    return 201, selectors.request_view(actor, selectors.request_get(actor, created.pk))


@router.get(
    "/c/{community}/requests/{request_id}", response={200: RequestOut, **ERRORS}, exclude_unset=True
)
def get_request(request, community: str, request_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    return selectors.request_view(actor, selectors.request_get(actor, request_id))


@router.patch(
    "/c/{community}/requests/{request_id}",
    response={200: RequestOut, **ERRORS_409},
    exclude_unset=True,
)
def patch_request(
    request, community: str, payload: RequestPatch, request_id: int = Path(..., ge=1, le=2**62)
):
    actor = actor_for(request, community)
    found = selectors.request_get(actor, request_id)
    changes = payload.dict(exclude_unset=True)
    if "rhythm" in changes:
        changes["rhythm"] = changes["rhythm"] or ""
    services.update_request(actor, found, changes)
    return selectors.request_view(actor, selectors.request_get(actor, request_id))


@router.get(
    "/c/{community}/requests/{request_id}/suggestions",
    response={200: list[SuggestionOut], **ERRORS},
)
def request_suggestions(
    request,
    community: str,
    request_id: int = Path(..., ge=1, le=2**62),
    limit: int = Query(10, ge=1, le=50),
):
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_EXCHANGE)
    found = selectors.request_get(actor, request_id)
    return [
        {
            "offer": s.offer.pk,
            "person": s.person.pk,
            "name": s.person.display_name,
            "score": s.score,
            "reasons": s.reasons,
        }
        for s in integrations.suggestions(actor, found, limit=limit)
    ]
