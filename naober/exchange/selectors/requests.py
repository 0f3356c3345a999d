"""Reads of help requests: which requests an actor may see, lists and filters, one request as
this actor may see it, the public board, and the answer deadline.
"""

from datetime import timedelta

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.base.errors import Conflict
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    HelpRequest,
    RequestStatus,
)
from naober.exchange.selectors._common import _board, _me, is_staff


def recent_open_requests(community, limit: int = 8) -> QuerySet[HelpRequest]:
    """Open requests for the public community page and anything else anyone may read without
    logging in (the printed notice-board sheet): only those the requester agreed to publish.
    Pages show them with the first name only, never with the street (issue 12.7)."""
    return (
        HelpRequest.objects.filter(_board(community), community=community, publish=True)
        .select_related("requester__area", "category")
        .order_by("-created_at", "-id")[:limit]
    )


def with_deadline(actor: Actor, qs: QuerySet[HelpRequest]) -> QuerySet[HelpRequest]:
    """Annotate `overdue`: still unanswered past the community's answer deadline."""
    threshold = timezone.now() - timedelta(hours=actor.community.response_deadline_hours)
    return qs.annotate(
        overdue=Case(
            When(
                first_response_at__isnull=True,
                created_at__lt=threshold,
                status__in=[RequestStatus.OPEN, RequestStatus.WAITING_LIST],
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def visible_requests(actor: Actor) -> QuerySet[HelpRequest]:
    """Every request this actor may see (see the module docstring)."""
    actor.require(Action.VIEW_EXCHANGE)
    qs = HelpRequest.objects.filter(community=actor.community)
    if not is_staff(actor):
        me = _me(actor)
        qs = qs.filter(
            _board(actor.community)
            | Q(requester_id=me)
            | Q(referred_by_id=me)
            | Q(matches__helper_id=me)
        ).distinct()
    return qs.select_related("requester__area", "category", "community")


def request_list(
    actor: Actor,
    *,
    status: str = "",
    category: str = "",
    channel: str = "",
    needs_mediation: bool | None = None,
    mine: bool = False,
    search: str = "",
) -> QuerySet[HelpRequest]:
    """Requests the actor may see, newest first, with optional filters."""
    qs = visible_requests(actor)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category__code=category)
    if channel:
        qs = qs.filter(channel=channel)
    if needs_mediation is not None:
        qs = qs.filter(needs_mediation=needs_mediation)
    if mine:
        qs = qs.filter(requester_id=_me(actor))
    if search:
        qs = qs.filter(Q(title__icontains=search) | Q(code__iexact=search))
    return with_deadline(actor, qs).order_by("-created_at", "-id")


def request_get(actor: Actor, request_id: int) -> HelpRequest:
    """One request the actor may see; otherwise 404."""
    request = with_deadline(actor, visible_requests(actor)).filter(pk=request_id).first()
    if request is None:
        raise Http404
    return request


def request_to_claim(actor: Actor, request_id: int) -> HelpRequest:
    """The request a helper answers or a coordinator proposes for.

    A request that was on the board and was taken a moment ago is no longer visible to a helper,
    but the one who lost the race hears 409 "request_taken" (as the API contract promises), not
    404: they saw it on the board, so its existence is no secret. Anything else stays 404.
    """
    try:
        return request_get(actor, request_id)
    except Http404:
        # Only someone who may answer lost a race; for anyone else it simply is not there.
        if not (actor.can(Action.OFFER_HELP) and taken_from_board(actor, request_id)):
            raise
    raise Conflict(_("Someone else is already helping with this request."), "request_taken")


def request_view(actor: Actor, request: HelpRequest) -> dict:
    """The request as this actor may see it: public fields for everyone; the disclosure for
    possible helpers, the requester and staff; bookkeeping fields for staff and the requester."""
    own = request.requester_id == _me(actor)
    staff = is_staff(actor)
    data = {
        "id": request.pk,
        "code": request.code,
        "requester": request.requester_id,
        "requester_name": request.requester.display_name,
        "requester_place": request.requester.public_place,
        "category": request.category.code,
        "category_label": request.category.display_label,
        "kind": request.category.kind,
        "title": request.title,
        "description": request.description,
        "channel": request.channel,
        "urgency": request.urgency,
        "needs_mediation": request.needs_mediation,
        "recurrence": request.recurrence,
        "rhythm": request.rhythm,
        "weekday": request.weekday,
        "status": request.status,
        "created_at": request.created_at,
        "answer_by": request.answer_by,
    }
    if staff or own or actor.can(Action.OFFER_HELP):
        data["disclosure"] = request.disclosure
    if staff or own:
        data.update(
            publish=request.publish,
            preferred_helper=request.preferred_helper_id,
            first_response_at=request.first_response_at,
            overdue=bool(getattr(request, "overdue", False)),
        )
    if staff:
        data.update(
            referred_by=request.referred_by_id,
            referred_by_text=request.referred_by_text,
            entered_by=request.entered_by_id,
        )
    return data


def board_requests(actor: Actor) -> QuerySet[HelpRequest]:
    """The public board for the browse page: open, in scope, not needing a coordinator."""
    actor.require(Action.VIEW_EXCHANGE)
    return (
        HelpRequest.objects.filter(_board(actor.community), community=actor.community)
        .select_related("requester__area", "category")
        .order_by("-created_at", "-id")
    )


def taken_from_board(actor: Actor, request_id: int) -> bool:
    """True when this request of the actor's community was on the board and now has a helper:
    a second helper who had the page open then hears "someone else helps", not "not found"."""
    return HelpRequest.objects.filter(
        community=actor.community,
        pk=request_id,
        needs_mediation=False,
        status__in=[RequestStatus.MATCHED, RequestStatus.DONE],
    ).exists()
