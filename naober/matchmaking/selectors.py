"""Reads of the matching layer, always within the actor's community."""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import OPEN_STATES, HelpRequest, Match, RequestStatus
from naober.matching import Weights
from naober.matchmaking.models import MatchingSettings, RequestWish

#: The most open requests one plan looks at: a coordinator cannot read more lines anyway.
PLAN_MAX_REQUESTS = 500
WEIGHT_FIELDS = tuple(Weights.__dataclass_fields__)


def weights_of(row: MatchingSettings) -> Weights:
    """The engine's Weights from a settings row (raises ValueError when they are unusable)."""
    values = {name: getattr(row, name) for name in WEIGHT_FIELDS}
    values["room_saturation"] = int(values["room_saturation"])
    values["reliable_min_completed"] = int(values["reliable_min_completed"])
    return Weights(**values)


def settings_of(actor: Actor) -> MatchingSettings:
    """The community's settings row (unsaved, with the defaults, when there is none yet)."""
    actor.require(Action.MANAGE_COMMUNITY)
    found = MatchingSettings.objects.filter(community=actor.community).first()
    return found or MatchingSettings(community=actor.community)


def still_plannable(community) -> QuerySet[HelpRequest]:
    """Open requests without an open match, in scope: what a batch plan may assign (system
    read: the task worker plans without an actor; the callers below check the permission)."""
    live = Match.objects.filter(request=OuterRef("pk"), state__in=OPEN_STATES)
    return HelpRequest.objects.filter(
        community=community, status=RequestStatus.OPEN, category__in_scope=True
    ).exclude(Exists(live))


def requests_to_plan(community) -> QuerySet[HelpRequest]:
    """The oldest PLAN_MAX_REQUESTS plannable requests with what encoding them reads."""
    return (
        still_plannable(community)
        .select_related("requester__area", "requester__location", "category", "wish")
        .order_by("created_at", "id")[:PLAN_MAX_REQUESTS]
    )


def may_change_wish(actor: Actor, help_request: HelpRequest) -> bool:
    """Coordinators may set any request's wish; the requester their own, while it is open
    (after that the wish no longer steers anything and the history should stay as it was)."""
    if actor.can(Action.MANAGE_EXCHANGE):
        return True
    return (
        actor.can(Action.ASK_HELP)
        and help_request.requester_id == actor.person.pk
        and help_request.status == RequestStatus.OPEN
    )


def wish_of(actor: Actor, request_id: int) -> tuple[HelpRequest, RequestWish]:
    """A request of the actor's community and its wish row (unsaved when none); else 404.
    Coordinators and the requester may read it; anyone else gets 403."""
    help_request = HelpRequest.objects.filter(community=actor.community, pk=request_id).first()
    if help_request is None:
        raise Http404
    own = actor.person is not None and help_request.requester_id == actor.person.pk
    if not own:
        actor.require(Action.MANAGE_EXCHANGE)
    wish = RequestWish.objects.filter(request=help_request).first()
    return help_request, wish or RequestWish(request=help_request)
