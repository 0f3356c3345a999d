"""Making a match: a helper responds, a coordinator proposes, or a resident accepts a standing
offer. Each locks the request first and refuses a second live match ("request_taken").
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.base.errors import Conflict, NotAllowed, RateLimited
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange import integrations, states
from naober.exchange.models import (
    RELEASING_STATES,
    HelpOffer,
    HelpRequest,
    Match,
    MatchEvent,
    MatchMode,
    MatchState,
    RequestStatus,
)
from naober.exchange.selectors import coordinators_of
from naober.exchange.services._common import (
    NOTE_MAX,
    _is_staff,
    _lock_request,
    _own_row,
    _same_person,
    _text,
)
from naober.exchange.services.offers import offer_is_full
from naober.exchange.services.requests import create_request
from naober.exchange.services.transitions import _mark_yes
from naober.privacy import ratelimit


def _check_offer_for(request: HelpRequest, offer: HelpOffer) -> None:
    if not offer.available:
        raise ValidationError({"offer": [_("This offer is paused at the moment.")]})
    if offer.helper_id == request.requester_id:
        raise ValidationError({"offer": [_("Someone cannot help with their own request.")]})


def _claim(request: HelpRequest, *, statuses: tuple[str, ...]) -> None:
    """Refuse a second live match (409 "request_taken"). Call with the request row locked."""
    if (
        request.status not in statuses
        or Match.objects.filter(request=request).exclude(state__in=RELEASING_STATES).exists()
    ):
        raise Conflict(_("Someone else is already helping with this request."), "request_taken")


def _open_match(
    actor: Actor, request: HelpRequest, offer: HelpOffer, mode: str, note: str
) -> Match:
    """Create the match and its first history row; the request becomes `matched`."""
    try:
        with transaction.atomic():
            match = Match.objects.create(
                community=actor.community,
                request=request,
                offer=offer,
                helper=offer.helper,
                mode=mode,
                state=MatchState.PROPOSED,
                created_by=actor.person,
            )
    except IntegrityError as exc:  # the constraint: only reachable if a lock was bypassed
        raise Conflict(
            _("Someone else is already helping with this request."), "request_taken"
        ) from exc
    MatchEvent.objects.create(
        match=match,
        from_state="",
        to_state=MatchState.PROPOSED,
        by=actor.person,
        note=_text(note, NOTE_MAX, "note"),
    )
    request.status = RequestStatus.MATCHED
    request.first_response_at = request.first_response_at or timezone.now()
    request.save(update_fields=["status", "first_response_at"])
    return match


@transaction.atomic
def respond(actor: Actor, request: HelpRequest, offer: HelpOffer, note: str = "") -> Match:
    """A helper answers a request with their own offer: `respond(actor, request, offer, note)`.

    Permission: OFFER_HELP; the offer must be the actor's own and available, in a category of the
    request's kind; the helper is not the requester; the request is open and does not need
    mediation (those go through a coordinator: 403 "needs_mediation").
    Effects: a match (mode self, state proposed), request `matched`, first_response_at set, the
    requester is told ("helper_responded").
    Errors: PermissionDenied, NotAllowed "needs_mediation", ValidationError,
    Conflict "request_taken".
    """
    actor.require(Action.OFFER_HELP)
    offer = _own_row(actor, offer, HelpOffer)
    if not _same_person(actor, offer.helper):
        raise PermissionDenied
    request = _lock_request(actor, request)
    _check_offer_for(request, offer)
    if not offer.categories.filter(kind=request.category.kind).exists():
        raise ValidationError({"offer": [_("This offer is for another kind of help.")]})
    if request.needs_mediation:
        raise NotAllowed(_("A coordinator arranges the help for this request."), "needs_mediation")
    _claim(request, statuses=(RequestStatus.OPEN,))
    match = _open_match(actor, request, offer, MatchMode.SELF, note)
    _mark_yes(actor, match, states.HELPER)
    integrations.notify(request.requester, "helper_responded", {"match": match})
    return match


@transaction.atomic
def propose(actor: Actor, request: HelpRequest, offer: HelpOffer, note: str = "") -> Match:
    """A coordinator proposes a helper: `propose(actor, request, offer, note) -> Match`.

    Permission: MANAGE_EXCHANGE. The request is open or on the waiting list; the offer available
    and not the requester's own. Effects: a match (mode mediated, state proposed), request
    `matched`, the helper is asked ("match_proposed").
    Errors: PermissionDenied, ValidationError, Conflict "request_taken".
    """
    actor.require(Action.MANAGE_EXCHANGE)
    offer = _own_row(actor, offer, HelpOffer)
    request = _lock_request(actor, request)
    _check_offer_for(request, offer)
    _claim(request, statuses=(RequestStatus.OPEN, RequestStatus.WAITING_LIST))
    match = _open_match(actor, request, offer, MatchMode.MEDIATED, note)
    integrations.notify(offer.helper, "match_proposed", {"match": match})
    return match


def create_match(actor: Actor, request: HelpRequest, offer: HelpOffer, note: str = "") -> Match:
    """POST matches: a helper responding with their own offer (mode self), else a coordinator
    proposing (mode mediated). Same permissions and errors as `respond` and `propose`."""
    if _same_person(actor, offer.helper) or not _is_staff(actor):
        return respond(actor, request, offer, note)
    return propose(actor, request, offer, note)


@transaction.atomic
def accept_offer(
    actor: Actor, offer: HelpOffer, *, category=None, title: str = "", description: str = ""
) -> Match:
    """A resident accepts a standing offer directly (offer-first, for the shy asker).

    `accept_offer(actor, offer, category=None, title="", description="") -> Match`.
    Permission: ASK_HELP; the offer is available and not the actor's own. A request is created on
    the fly in `category` (default: the offer's first category; it must be one of the offer's).
    Asking is the requester's yes; the helper still says yes themselves (a standing offer is no
    promise to everyone), so the match (mode self) stays proposed and the helper is asked
    ("match_proposed"). Nobody sees the other's contact details until both said yes (say_yes).
    When the requester's requests need mediation, the match is mediated and the coordinators are
    told ("helper_responded") to arrange it.
    Limits: the offer's max_per_month (matches made on it this month, declined ones not counted:
    Conflict "offer_full"), and RATE_LIMITS["take_offer"] per person (RateLimited "rate_limited").
    Errors: PermissionDenied, ValidationError, Http404, Conflict, RateLimited.
    """
    actor.require(Action.ASK_HELP)
    offer = _own_row(actor, offer, HelpOffer)
    if _same_person(actor, offer.helper):
        raise ValidationError({"offer": [_("Someone cannot help with their own request.")]})
    if not ratelimit.allow("take_offer", f"{actor.community.pk}:{getattr(actor.person, 'pk', 0)}"):
        raise RateLimited(_("You asked for help many times just now. Please wait a while."))
    offer = HelpOffer.objects.select_for_update().get(pk=offer.pk)
    if not offer.available:
        raise ValidationError({"offer": [_("This offer is paused at the moment.")]})
    if offer_is_full(offer):
        raise Conflict(
            _("This neighbour already helps as often this month as they offered. Try another."),
            "offer_full",
        )
    categories = list(offer.categories.filter(in_scope=True))
    code = getattr(category, "code", category) or (categories[0].code if categories else "")
    chosen = next((c for c in categories if c.code == code), None)
    if chosen is None:
        raise ValidationError({"category": [_("Choose one of the kinds of help of this offer.")]})
    request = create_request(
        actor,
        {
            "category": chosen,
            "title": _text(title, 120, "title") or chosen.display_label,
            "description": description,
        },
    )
    request = _lock_request(actor, request)
    mode = MatchMode.MEDIATED if request.needs_mediation else MatchMode.SELF
    # the history says "... vroeg om deze hulp en zei daarmee ja" (selectors.step_text): no note
    match = _open_match(actor, request, offer, mode, "")
    _mark_yes(actor, match, states.REQUESTER)
    if mode == MatchMode.MEDIATED:
        for coordinator in coordinators_of(actor.community):
            integrations.notify(coordinator, "helper_responded", {"match": match})
    else:
        integrations.notify(offer.helper, "match_proposed", {"match": match})
    return match
