"""Writes of help requests: the default categories, posting a request (on the web or entered by a
coordinator), changing or cancelling it, and the waiting list.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from naober.base.errors import Conflict, InvalidTransition
from naober.communities.context import Actor
from naober.communities.models import Role
from naober.communities.permissions import Action
from naober.exchange import integrations, policy
from naober.exchange.defaults import DEFAULT_CATEGORIES
from naober.exchange.models import (
    OPEN_STATES,
    Category,
    Channel,
    HelpRequest,
    Match,
    MatchState,
    Recurrence,
    RequestStatus,
    Rhythm,
    Urgency,
    Weekday,
)
from naober.exchange.services._common import (
    _category_of,
    _is_staff,
    _lock_request,
    _person_of,
    _record_step,
    _same_person,
    _text,
)
from naober.people.models import Person

REQUEST_FIELDS = (
    "category",
    "title",
    "description",
    "channel",
    "urgency",
    "recurrence",
    "rhythm",
    "weekday",
    "needs_mediation",
    "preferred_helper",
    "disclosure",
    "referred_by",
    "referred_by_text",
    "publish",
)


# What a requester may still change about their own request while it is open.
REQUESTER_EDITABLE = {"title", "description", "urgency", "publish"}


def ensure_default_categories(community) -> list[Category]:
    """Give a community the standard categories; existing ones (perhaps renamed) are kept."""
    existing = set(Category.objects.filter(community=community).values_list("code", flat=True))
    Category.objects.bulk_create(
        Category(
            community=community,
            code=code,
            label=label,
            label_en=label_en,
            kind=kind,
            in_scope=in_scope,
            position=position,
        )
        for position, (code, label, label_en, kind, in_scope) in enumerate(DEFAULT_CATEGORIES)
        if code not in existing
    )
    return list(Category.objects.filter(community=community))


def _check_referrer(actor: Actor, referred_by: Person | None, errors: dict) -> None:
    """Who referred a request: a professional registered as a partner, named by a coordinator
    who entered it, or a partner naming themselves. Nobody else names anyone (issue 12.8)."""
    if referred_by is None:
        return
    if not referred_by.memberships.filter(role=Role.PARTNER).exists():
        errors["referred_by"] = [_("Choose a professional who is registered here as a partner.")]
    elif not (actor.can(Action.ENTER_FOR_OTHERS) or _same_person(actor, referred_by)):
        errors["referred_by"] = [_("Only a coordinator can say who referred a request.")]


def _new_code(community) -> str:
    """A short request number such as V-4821, unique in the community (more digits once busy)."""
    digits = 4 if HelpRequest.objects.filter(community=community).count() < 3000 else 6
    for attempt in range(50):
        code = f"V-{secrets.randbelow(9 * 10 ** (digits - 1)) + 10 ** (digits - 1)}"
        if not HelpRequest.objects.filter(community=community, code=code).exists():
            return code
        if attempt % 10 == 9:  # ten taken in a row at this length: the numbers are running out
            digits = min(digits + 1, 9)
    raise Conflict(_("No free request number was found. Please try again."), "busy")


def _clean_request(community, data: dict, errors: dict) -> dict:
    """Normalise request fields present in `data`; add messages to `errors` keyed by field."""
    cleaned = {}
    if "category" in data:
        cleaned["category"] = _category_of(community, data["category"], errors)
    if "title" in data:
        cleaned["title"] = _text(data["title"], 120, "title", errors=errors)
        if not cleaned["title"]:
            errors["title"] = [_("Say in a few words what you need help with.")]
    if "description" in data:
        cleaned["description"] = _text(
            data["description"], 4000, "description", one_line=False, errors=errors
        )
    if "disclosure" in data:
        cleaned["disclosure"] = _text(
            data["disclosure"], 1000, "disclosure", one_line=False, errors=errors
        )
    if "referred_by_text" in data:
        cleaned["referred_by_text"] = _text(
            data["referred_by_text"], 120, "referred_by_text", errors=errors
        )
    for field, choices, message in (
        ("channel", Channel.values, _("Choose how the request came in.")),
        ("urgency", Urgency.values, _("Choose how urgent it is.")),
        ("recurrence", Recurrence.values, _("Choose once or more often.")),
    ):
        if field in data:
            if data[field] not in choices:
                errors[field] = [message]
            cleaned[field] = data[field]
    if "rhythm" in data:
        cleaned["rhythm"] = data["rhythm"] or ""
        if cleaned["rhythm"] and cleaned["rhythm"] not in Rhythm.values:
            errors["rhythm"] = [_("Choose every week, every two weeks or every month.")]
    if "weekday" in data:
        cleaned["weekday"] = data["weekday"]
        if cleaned["weekday"] is not None and cleaned["weekday"] not in Weekday.values:
            errors["weekday"] = [_("Choose a day of the week.")]
    for flag in ("needs_mediation", "publish"):
        if flag in data:
            cleaned[flag] = bool(data[flag])
    for field in ("preferred_helper", "referred_by"):
        if field in data:
            cleaned[field] = _person_of(community, data[field], field, errors)
    return cleaned


def _check_rhythm(request: HelpRequest, errors: dict) -> None:
    """A rhythm belongs to recurring help only, and recurring help has one: a helper must know how
    often they say yes to (page, API and phone intake alike; the ask form has no rule of its own).
    A weekday needs a rhythm."""
    if request.recurrence == Recurrence.ONE_OFF and (request.rhythm or request.weekday is not None):
        errors.setdefault("rhythm", [_("Only help that comes back more often has a rhythm.")])
    elif request.recurrence == Recurrence.RECURRING and not request.rhythm:
        errors.setdefault("rhythm", [_("Choose how often you need help.")])
        if request.weekday is not None:
            errors.setdefault("weekday", [_("Choose how often first, then the day.")])


def mediation_forced(requester: Person) -> bool:
    """Requests of vulnerable people and of people not online always go via a coordinator."""
    return bool(requester.vulnerable or not requester.digital)


@transaction.atomic
def create_request(
    actor: Actor, data: dict, *, requester: Person | None = None, entered_via: str | None = None
) -> HelpRequest:
    """Post a request: `create_request(actor, data, requester=None) -> HelpRequest`.

    `data` holds any of REQUEST_FIELDS (category as code or Category, people as Person or id).
    Permission: ASK_HELP for one's own request on the web; ENTER_FOR_OTHERS for a request of
    someone else or from another channel (phone, walk-in, ...); `entered_via` a house visit or a
    referral: that channel, under the action of that task (exchange.policy.ENTERED_VIA).
    Effects: a short code (V-1234); needs_mediation forced on for vulnerable or offline requesters;
    an in-scope request is `open` and the requester is told the answer deadline
    ("request_received"); an out-of-scope one is `referred` and a referral is recorded.
    Errors: PermissionDenied, ValidationError (keyed by field).
    """
    requester = requester or actor.person
    data = {**data, "channel": entered_via} if entered_via else data
    web = (data.get("channel") or Channel.WEB) == Channel.WEB
    own = Action.ASK_HELP if web else Action.ENTER_FOR_OTHERS
    policy.require_may_enter(actor, requester, own, entered_via=entered_via)
    errors: dict = {}
    if requester is None or requester.community_id != actor.community.pk or requester.erased_at:
        raise Http404
    fields = {k: v for k, v in data.items() if k in REQUEST_FIELDS}
    fields.setdefault("channel", Channel.WEB)
    for required in ("category", "title"):
        fields.setdefault(required, "")
    cleaned = _clean_request(actor.community, fields, errors)
    _check_referrer(actor, cleaned.get("referred_by"), errors)
    request = HelpRequest(
        community=actor.community, requester=requester, entered_by=actor.person, **cleaned
    )
    if mediation_forced(requester):
        request.needs_mediation = True
    _check_rhythm(request, errors)
    if errors:
        raise ValidationError(errors)
    request.status = RequestStatus.OPEN if request.category.in_scope else RequestStatus.REFERRED
    for _attempt in range(3):
        request.code = _new_code(actor.community)
        try:
            with transaction.atomic():
                request.save()
            break
        except IntegrityError:  # someone took the same code a moment ago
            request.pk = None
    else:
        raise Conflict(_("No free request number was found. Please try again."), "busy")
    if request.status == RequestStatus.REFERRED:
        integrations.refer(actor, request, note=_("Neighbours cannot help with this kind of help."))
    else:
        integrations.notify(
            requester,
            "request_received",
            {"request": request, "deadline_hours": actor.community.response_deadline_hours},
        )
    return request


@transaction.atomic
def update_request(actor: Actor, request: HelpRequest, changes: dict) -> HelpRequest:
    """Change a request: `update_request(actor, request, changes) -> HelpRequest`.

    Permission: a coordinator (MANAGE_EXCHANGE) may change every field of REQUEST_FIELDS; the
    requester only title, description and urgency, and only while the request is open.
    `changes["status"]` may be "cancelled" (requester or coordinator: live matches are stopped),
    and for a coordinator "waiting_list" or "open" (see move_to_waiting_list).
    needs_mediation cannot be switched off for a vulnerable or offline requester.
    Errors: PermissionDenied, ValidationError, Conflict ("invalid_transition") for a closed request.
    """
    actor.require(Action.VIEW_EXCHANGE)
    request = _lock_request(actor, request)
    staff = _is_staff(actor)
    if not policy.may_change_request(actor, request.requester_id):
        raise Http404
    changes = dict(changes)
    status = changes.pop("status", None)
    if not staff:
        forbidden = set(changes) - REQUESTER_EDITABLE
        if forbidden:
            raise ValidationError(
                {field: [_("Only a coordinator can change this.")] for field in sorted(forbidden)}
            )
        if changes and request.status != RequestStatus.OPEN:
            raise InvalidTransition(_("This request can no longer be changed."))
    errors: dict = {}
    cleaned = _clean_request(
        actor.community, {k: v for k, v in changes.items() if k in REQUEST_FIELDS}, errors
    )
    _check_referrer(actor, cleaned.get("referred_by"), errors)
    for field, value in cleaned.items():
        setattr(request, field, value)
    if mediation_forced(request.requester) and not request.needs_mediation:
        errors["needs_mediation"] = [_("This person's requests always go through a coordinator.")]
    _check_rhythm(request, errors)
    if errors:
        raise ValidationError(errors)
    request.save()
    if status is not None and status != request.status:
        _change_status(actor, request, status, staff=staff)
    return request


def _change_status(actor: Actor, request: HelpRequest, status: str, *, staff: bool) -> None:
    if status == RequestStatus.CANCELLED:
        _cancel(actor, request)
    elif staff and status == RequestStatus.WAITING_LIST:
        _set_waiting(request, waiting=True)
    elif staff and status == RequestStatus.OPEN:
        _set_waiting(request, waiting=False)
    elif status in RequestStatus.values:
        raise InvalidTransition(_("The status cannot be changed this way."))
    else:
        raise ValidationError({"status": [_("Unknown status.")]})


def _cancel(actor: Actor, request: HelpRequest) -> None:
    if request.status in (RequestStatus.DONE, RequestStatus.CANCELLED):
        raise InvalidTransition(_("This request is already closed."))
    for match in Match.objects.select_for_update().filter(request=request, state__in=OPEN_STATES):
        _record_step(actor, match, MatchState.STOPPED, _("The request was cancelled."))
    request.status = RequestStatus.CANCELLED
    request.save(update_fields=["status"])


def _set_waiting(request: HelpRequest, *, waiting: bool) -> None:
    before, after = (
        (RequestStatus.OPEN, RequestStatus.WAITING_LIST)
        if waiting
        else (RequestStatus.WAITING_LIST, RequestStatus.OPEN)
    )
    if request.status != before:
        raise InvalidTransition(_("Only an open request can go on the waiting list, and back."))
    request.status = after
    request.save(update_fields=["status"])


@transaction.atomic
def move_to_waiting_list(actor: Actor, request: HelpRequest) -> HelpRequest:
    """Put an open request on the waiting list (no helper for now). MANAGE_EXCHANGE.
    Errors: PermissionDenied, Conflict ("invalid_transition") unless the request is open."""
    actor.require(Action.MANAGE_EXCHANGE)
    request = _lock_request(actor, request)
    _set_waiting(request, waiting=True)
    return request


@transaction.atomic
def take_off_waiting_list(actor: Actor, request: HelpRequest) -> HelpRequest:
    """Open a waiting-list request again. MANAGE_EXCHANGE. Conflict unless it is on the list."""
    actor.require(Action.MANAGE_EXCHANGE)
    request = _lock_request(actor, request)
    _set_waiting(request, waiting=False)
    return request
