"""The coordinator's reads: the queues of the workbench (deadline order, waiting list,
mediation, self-made matches), the contact log and the follow-up calls with whom to call.
"""

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    OPEN_STATES,
    ContactLog,
    FollowUp,
    HelpRequest,
    Match,
    MatchMode,
    RequestStatus,
)
from naober.exchange.selectors.matches import visible_matches
from naober.exchange.selectors.requests import with_deadline
from naober.people.models import Person
from naober.people.selectors import record_shown


def _staff_requests(actor: Actor) -> QuerySet[HelpRequest]:
    actor.require(Action.MANAGE_EXCHANGE)
    return with_deadline(
        actor,
        HelpRequest.objects.filter(community=actor.community).select_related(
            "requester__area", "category", "community"
        ),
    )


def open_requests_by_deadline(actor: Actor) -> QuerySet[HelpRequest]:
    """Open requests, the first to run out of time first, each with an `overdue` flag.

    Every request of a community has the same answer time, so deadline order is creation order.
    """
    return _staff_requests(actor).filter(status=RequestStatus.OPEN).order_by("created_at", "id")


def requests_for_offer(actor: Actor, offer) -> QuerySet[HelpRequest]:
    """Requests this offer's helper could be proposed for, the first to run out of time first:
    open or on the waiting list, of a kind the offer covers, not the helper's own (the offer
    page, where a coordinator who thinks of a helper first proposes them)."""
    return (
        _staff_requests(actor)
        .filter(
            status__in=(RequestStatus.OPEN, RequestStatus.WAITING_LIST),
            category__in=offer.categories.all(),
        )
        .exclude(requester_id=offer.helper_id)
        .order_by("created_at", "id")
    )


def waiting_list(actor: Actor) -> QuerySet[HelpRequest]:
    return (
        _staff_requests(actor)
        .filter(status=RequestStatus.WAITING_LIST)
        .order_by("created_at", "id")
    )


def mediation_queue(actor: Actor) -> QuerySet[HelpRequest]:
    """Open requests that need a coordinator to arrange the match."""
    return (
        _staff_requests(actor)
        .filter(status=RequestStatus.OPEN, needs_mediation=True, category__in_scope=True)
        .order_by("created_at", "id")
    )


def self_matches(actor: Actor, *, flagged_only: bool = False) -> QuerySet[Match]:
    """Matches residents made themselves, open ones first, for the coordinator's oversight."""
    actor.require(Action.MANAGE_EXCHANGE)
    qs = visible_matches(actor).filter(mode=MatchMode.SELF)
    if flagged_only:
        qs = qs.filter(review_flag=True)
    return qs.annotate(
        still_open=Case(
            When(state__in=OPEN_STATES, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    ).order_by("-review_flag", "-still_open", "-created_at", "-id")


def contact_log(
    actor: Actor, *, request: HelpRequest | None = None, match: Match | None = None
) -> QuerySet[ContactLog]:
    """The logbook (VIEW_CONTACT_LOG), newest first; for one request (with its matches) or match."""
    actor.require(Action.VIEW_CONTACT_LOG)
    qs = ContactLog.objects.filter(community=actor.community).select_related("person", "by")
    if request is not None:
        qs = qs.filter(Q(request_id=request.pk) | Q(match__request_id=request.pk))
    if match is not None:
        qs = qs.filter(match_id=match.pk)
    return qs.order_by("-at", "-id")


def followups(
    actor: Actor, *, due_only: bool = False, open_only: bool = True
) -> QuerySet[FollowUp]:
    """Follow-up calls (MANAGE_EXCHANGE), the earliest due first."""
    actor.require(Action.MANAGE_EXCHANGE)
    qs = FollowUp.objects.filter(match__community=actor.community).select_related(
        "match__request__requester", "match__helper"
    )
    if open_only:
        qs = qs.filter(done_at__isnull=True)
    if due_only:
        qs = qs.filter(due_at__lte=timezone.now())
    return qs.order_by("due_at", "id")


def followup_get(actor: Actor, followup_id: int) -> FollowUp:
    followup = followups(actor, open_only=False).filter(pk=followup_id).first()
    if followup is None:
        raise Http404
    return followup


def followup_caller(actor: Actor, followup: FollowUp) -> dict:
    """Whom the coordinator calls back, and how to reach them (the read audited).

    Someone without a phone is not a dead end: the page then shows their e-mail address, their
    postal address (a letter or a visit) and how they prefer to be contacted.
    """
    requester = followup.match.request.requester
    reach = {"phone": requester.phone}
    if not requester.phone:
        reach.update(email=requester.email, address=requester.address)
    shown = [field for field, value in reach.items() if value]
    if shown:
        record_shown(actor, [requester], "follow-up call", shown)
    return {
        "name": requester.name,
        "phone": "",
        "email": "",
        "address": "",
        **reach,
        "channel": requester.get_preferred_channel_display(),
        "via_coordinator": requester.reachable_via_coordinator,
    }


def coordinators_of(community) -> list[Person]:
    """The community's coordinators: they receive what needs a person in the middle."""
    return list(
        Person.objects.filter(
            community=community,
            memberships__role="coordinator",
            erased_at__isnull=True,
        ).distinct()
    )
