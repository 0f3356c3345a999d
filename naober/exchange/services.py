"""Writes in the exchange: requests, offers, matches, contact notes and follow-up calls.

Every service checks the actor's permission first (role x action table), then the object-level
rule (whose request, whose offer), validates, and runs in one transaction. Services that change a
request or a match lock the request row first (`select_for_update`), then the match: always in that
order, so two coordinators cannot deadlock and two helpers cannot claim the same request.

Errors: `PermissionDenied` (403) for a role or person who may not do this, `Http404` for a row of
another community, `ValidationError` (422) for bad input, `Conflict` (409) with code
"request_taken" (the request already has a live match or is not open) or "invalid_transition".
Notifications are sent only after the transaction commits.
"""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.api.errors import ApiError, Conflict
from naober.communities.context import Actor
from naober.communities.models import Role
from naober.communities.permissions import Action
from naober.exchange import integrations, states
from naober.exchange.defaults import DEFAULT_CATEGORIES
from naober.exchange.models import (
    AVAILABILITY_CODES,
    OPEN_STATES,
    RELEASING_STATES,
    Category,
    Channel,
    ContactKind,
    ContactLog,
    ContactOutcome,
    FollowUp,
    FollowUpKind,
    HelpOffer,
    HelpRequest,
    Match,
    MatchEvent,
    MatchMode,
    MatchState,
    Recurrence,
    RequestStatus,
    Rhythm,
    Urgency,
    Weekday,
    WouldHelp,
)
from naober.people.models import Person
from naober.people.validation import clean_languages
from naober.privacy import ratelimit

# A follow-up call a week after the help started, and three days after it finished (Middelsee:
# every recipient is phoned afterwards).
FOLLOWUP_AFTER_START = timedelta(days=7)
FOLLOWUP_AFTER_COMPLETION = timedelta(days=3)

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
OFFER_FIELDS = (
    "categories",
    "description",
    "availability",
    "max_per_month",
    "area",
    "radius_m",
    "languages",
    "available",
)


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


# --- helpers -------------------------------------------------------------------------------------


def _text(value, limit: int, *, one_line: bool = True) -> str:
    text = str(value or "").strip()
    if one_line:
        text = " ".join(text.split())
    return text[:limit]


def _is_staff(actor: Actor) -> bool:
    return actor.can(Action.MANAGE_EXCHANGE)


def _same_person(actor: Actor, person) -> bool:
    return actor.person is not None and person is not None and actor.person.pk == person.pk


def _person_of(community, value, field: str, errors: dict) -> Person | None:
    """A Person (or id) of this community, else an error on `field`."""
    if value in (None, ""):
        return None
    pk = value.pk if isinstance(value, Person) else value
    person = Person.objects.filter(community=community, pk=pk, erased_at__isnull=True).first()
    if person is None:
        errors[field] = [_("Choose someone of this community.")]
    return person


def _check_referrer(actor: Actor, referred_by: Person | None, errors: dict) -> None:
    """Who referred a request: a professional registered as a partner, named by a coordinator
    who entered it, or a partner naming themselves. Nobody else names anyone (issue 12.8)."""
    if referred_by is None:
        return
    if not referred_by.memberships.filter(role=Role.PARTNER).exists():
        errors["referred_by"] = [_("Choose a professional who is registered here as a partner.")]
    elif not (actor.can(Action.ENTER_FOR_OTHERS) or _same_person(actor, referred_by)):
        errors["referred_by"] = [_("Only a coordinator can say who referred a request.")]


def _category_of(community, value, errors: dict) -> Category | None:
    if isinstance(value, Category):
        value = value.code
    category = Category.objects.filter(community=community, code=str(value or "")[:40]).first()
    if category is None or not category.active:  # switched off by the administrators
        errors["category"] = [_("Choose one of the kinds of help.")]
    return category


def coordinators_of(community) -> list[Person]:
    """The community's coordinators: they receive what needs a person in the middle."""
    return list(
        Person.objects.filter(
            community=community,
            memberships__role="coordinator",
            erased_at__isnull=True,
        ).distinct()
    )


def _new_code(community) -> str:
    """A short request number such as V-4821, unique in the community (more digits once busy)."""
    digits = 4 if HelpRequest.objects.filter(community=community).count() < 3000 else 6
    for _attempt in range(50):
        code = f"V-{secrets.randbelow(9 * 10 ** (digits - 1)) + 10 ** (digits - 1)}"
        if not HelpRequest.objects.filter(community=community, code=code).exists():
            return code
        digits = min(digits + 1, 9)
    raise Conflict(_("No free request number was found. Please try again."), "busy")


# --- requests ------------------------------------------------------------------------------------


def _clean_request(community, data: dict, errors: dict) -> dict:
    """Normalise request fields present in `data`; add messages to `errors` keyed by field."""
    cleaned = {}
    if "category" in data:
        cleaned["category"] = _category_of(community, data["category"], errors)
    if "title" in data:
        cleaned["title"] = _text(data["title"], 120)
        if not cleaned["title"]:
            errors["title"] = [_("Say in a few words what you need help with.")]
    if "description" in data:
        cleaned["description"] = _text(data["description"], 4000, one_line=False)
    if "disclosure" in data:
        cleaned["disclosure"] = _text(data["disclosure"], 1000, one_line=False)
    if "referred_by_text" in data:
        cleaned["referred_by_text"] = _text(data["referred_by_text"], 120)
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
    """A rhythm belongs to recurring help only; a weekday needs a rhythm."""
    if request.recurrence == Recurrence.ONE_OFF and (request.rhythm or request.weekday is not None):
        errors.setdefault("rhythm", [_("Only help that comes back more often has a rhythm.")])
    elif request.weekday is not None and not request.rhythm:
        errors.setdefault("weekday", [_("Choose how often first, then the day.")])


def mediation_forced(requester: Person) -> bool:
    """Requests of vulnerable people and of people not online always go via a coordinator."""
    return bool(requester.vulnerable or not requester.digital)


@transaction.atomic
def create_request(actor: Actor, data: dict, *, requester: Person | None = None) -> HelpRequest:
    """Post a request: `create_request(actor, data, requester=None) -> HelpRequest`.

    `data` holds any of REQUEST_FIELDS (category as code or Category, people as Person or id).
    Permission: ASK_HELP for one's own request on the web; ENTER_FOR_OTHERS for a request of
    someone else or from another channel (phone, walk-in, ...).
    Effects: a short code (V-1234); needs_mediation forced on for vulnerable or offline requesters;
    an in-scope request is `open` and the requester is told the answer deadline
    ("request_received"); an out-of-scope one is `referred` and a referral is recorded.
    Errors: PermissionDenied, ValidationError (keyed by field).
    """
    requester = requester or actor.person
    channel = data.get("channel") or Channel.WEB
    if _same_person(actor, requester) and channel == Channel.WEB:
        actor.require(Action.ASK_HELP)
    else:
        actor.require(Action.ENTER_FOR_OTHERS)
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


def _lock_request(actor: Actor, request: HelpRequest) -> HelpRequest:
    """Lock and re-read the request row; another community's request is not found."""
    locked = (
        HelpRequest.objects.select_for_update()
        .filter(pk=request.pk, community=actor.community)
        .first()
    )
    if locked is None:
        raise Http404
    return locked


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
    own = _same_person(actor, request.requester)
    if not (staff or own):
        raise PermissionDenied
    changes = dict(changes)
    status = changes.pop("status", None)
    if not staff:
        forbidden = set(changes) - REQUESTER_EDITABLE
        if forbidden:
            raise ValidationError(
                {field: [_("Only a coordinator can change this.")] for field in sorted(forbidden)}
            )
        if changes and request.status != RequestStatus.OPEN:
            raise Conflict(_("This request can no longer be changed."), "invalid_transition")
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
        raise Conflict(_("The status cannot be changed this way."), "invalid_transition")
    else:
        raise ValidationError({"status": [_("Unknown status.")]})


def _cancel(actor: Actor, request: HelpRequest) -> None:
    if request.status in (RequestStatus.DONE, RequestStatus.CANCELLED):
        raise Conflict(_("This request is already closed."), "invalid_transition")
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
        raise Conflict(
            _("Only an open request can go on the waiting list, and back."), "invalid_transition"
        )
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


# --- offers --------------------------------------------------------------------------------------


def _clean_offer(community, data: dict, errors: dict) -> dict:
    cleaned = {}
    if "categories" in data:
        codes = [c.code if isinstance(c, Category) else str(c)[:40] for c in data["categories"]]
        found = list(Category.objects.filter(community=community, code__in=codes, active=True))
        if not codes or len(found) != len(set(codes)) or len(codes) > 20:
            errors["categories"] = [_("Choose one or more of the kinds of help.")]
        elif any(not c.in_scope for c in found):
            errors["categories"] = [_("Neighbours do not offer this kind of help here.")]
        cleaned["categories"] = found
    if "description" in data:
        cleaned["description"] = _text(data["description"], 4000, one_line=False)
        if not cleaned["description"]:
            errors["description"] = [_("Say in a few words what you can do.")]
    if "availability" in data:
        codes = list(dict.fromkeys(str(code) for code in (data["availability"] or [])))
        if any(code not in AVAILABILITY_CODES for code in codes):
            errors["availability"] = [_("Choose days and parts of the day from the list.")]
        cleaned["availability"] = sorted(
            codes, key=lambda c: AVAILABILITY_CODES.index(c) if c in AVAILABILITY_CODES else 0
        )
    if "max_per_month" in data:
        value = data["max_per_month"]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 31:
            errors["max_per_month"] = [_("Give a number from 1 to 31.")]
        cleaned["max_per_month"] = value
    if "radius_m" in data:
        value = data["radius_m"]
        if value is not None and (not isinstance(value, int) or not 0 <= value <= 100_000):
            errors["radius_m"] = [_("Give a distance from 0 to 100,000 metres.")]
        cleaned["radius_m"] = value
    if "area" in data:
        area = data["area"]
        if area is not None:
            pk = getattr(area, "pk", area)
            area = community.areas.filter(pk=pk).first()
            if area is None:
                errors["area"] = [_("Choose a street or neighbourhood of this community.")]
        cleaned["area"] = area
    if "languages" in data:
        try:
            cleaned["languages"] = clean_languages(data["languages"])
        except ValidationError as exc:
            errors["languages"] = exc.messages
    if "available" in data:
        cleaned["available"] = bool(data["available"])
    return cleaned


@transaction.atomic
def create_offer(actor: Actor, data: dict, *, helper: Person | None = None) -> HelpOffer:
    """Post a standing offer: `create_offer(actor, data, helper=None) -> HelpOffer`.

    `data` holds OFFER_FIELDS; categories (codes or Category) and description are required.
    Permission: OFFER_HELP for one's own offer, ENTER_FOR_OTHERS for someone else's.
    Errors: PermissionDenied, ValidationError (keyed by field).
    """
    helper = helper or actor.person
    if _same_person(actor, helper):
        actor.require(Action.OFFER_HELP)
    else:
        actor.require(Action.ENTER_FOR_OTHERS)
    if helper is None or helper.community_id != actor.community.pk or helper.erased_at:
        raise Http404
    fields = {k: v for k, v in data.items() if k in OFFER_FIELDS}
    fields.setdefault("categories", [])
    fields.setdefault("description", "")
    errors: dict = {}
    cleaned = _clean_offer(actor.community, fields, errors)
    if errors:
        raise ValidationError(errors)
    categories = cleaned.pop("categories")
    offer = HelpOffer.objects.create(community=actor.community, helper=helper, **cleaned)
    offer.categories.set(categories)
    return offer


@transaction.atomic
def update_offer(actor: Actor, offer: HelpOffer, changes: dict) -> HelpOffer:
    """Change an offer (pause it with available=False): the helper themselves (OFFER_HELP) or
    staff (ENTER_FOR_OTHERS). Errors: PermissionDenied, ValidationError, Http404."""
    offer = (
        HelpOffer.objects.select_for_update().filter(pk=offer.pk, community=actor.community).first()
    )
    if offer is None:
        raise Http404
    if _same_person(actor, offer.helper):
        actor.require(Action.OFFER_HELP)
    else:
        actor.require(Action.ENTER_FOR_OTHERS)
    errors: dict = {}
    cleaned = _clean_offer(
        actor.community, {k: v for k, v in changes.items() if k in OFFER_FIELDS}, errors
    )
    if errors:
        raise ValidationError(errors)
    categories = cleaned.pop("categories", None)
    for field, value in cleaned.items():
        setattr(offer, field, value)
    offer.save()
    if categories is not None:
        offer.categories.set(categories)
    return offer


# --- matches -------------------------------------------------------------------------------------


def _own_row(actor: Actor, row, model):
    """Re-read `row` within the actor's community (404 for another community's id)."""
    found = model.objects.filter(pk=row.pk, community=actor.community).first()
    if found is None:
        raise Http404
    return found


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
        note=_text(note, 500),
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
    Errors: PermissionDenied, ApiError 403, ValidationError, Conflict "request_taken".
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
        raise ApiError(
            403, "needs_mediation", _("A coordinator arranges the help for this request.")
        )
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


def _sides(actor: Actor, match: Match) -> set[str]:
    sides = set()
    if _same_person(actor, match.request.requester):
        sides.add(states.REQUESTER)
    if _same_person(actor, match.helper):
        sides.add(states.HELPER)
    return sides


def _record_step(actor: Actor, match: Match, to: str, note: str) -> None:
    """Move a locked match to `to`, write the history row and the effects on its request."""
    before = match.state
    match.state = to
    match.save()
    MatchEvent.objects.create(
        match=match, from_state=before, to_state=to, by=actor.person, note=_text(note, 500)
    )
    request = match.request
    if to == MatchState.COMPLETED:
        request.status = RequestStatus.DONE
    elif to in RELEASING_STATES and request.status == RequestStatus.MATCHED:
        request.status = RequestStatus.OPEN
    request.save(update_fields=["status"])


def _schedule_followup(match: Match, kind: str, delay: timedelta) -> FollowUp:
    """A follow-up call, and a reminder task for the coordinators when it falls due."""
    from naober.exchange.tasks import schedule_reminder

    followup = FollowUp.objects.create(match=match, kind=kind, due_at=timezone.now() + delay)
    transaction.on_commit(lambda: schedule_reminder(followup), robust=True)
    return followup


def _close_start_calls(actor: Actor, match: Match) -> None:
    """The call a week after the start is not due any more once the help is finished: the call
    after finishing replaces it (it would otherwise stay open on the workbench for ever)."""
    FollowUp.objects.filter(
        match=match, kind=FollowUpKind.AFTER_START, done_at__isnull=True
    ).update(
        done_at=timezone.now(),
        by=actor.person,
        notes=_("Closed without a call: the help was finished first."),
    )


def _tell_sides(match: Match, event: str) -> None:
    """Tell requester and helper; on acceptance each hears how to reach the other, as far as
    that person consented (see selectors.contact_line)."""
    from naober.exchange.selectors import contact_line

    requester, helper = match.request.requester, match.helper
    for person, other in ((requester, helper), (helper, requester)):
        context = {"match": match}
        if event == "match_accepted":
            context["shared_contact"] = contact_line(other)
        integrations.notify(person, event, context)


def _mark_yes(actor: Actor, match: Match, side: str) -> None:
    """Store one side's yes on a locked match (who recorded it: the side or a coordinator)."""
    field = "helper_yes" if side == states.HELPER else "requester_yes"
    setattr(match, f"{field}_at", timezone.now())
    setattr(match, f"{field}_by", actor.person)
    match.save(update_fields=[f"{field}_at", f"{field}_by", "updated_at"])


def missing_yes(match: Match) -> list[str]:
    """The sides whose yes to a proposal is still missing (helper first)."""
    missing = []
    if match.helper_yes_at is None:
        missing.append(states.HELPER)
    if match.requester_yes_at is None:
        missing.append(states.REQUESTER)
    return missing


def _lock_match(actor: Actor, match: Match) -> Match:
    match = _own_row(actor, match, Match)
    _lock_request(actor, match.request)
    return Match.objects.select_for_update().select_related("request__requester").get(pk=match.pk)


@transaction.atomic
def say_yes(actor: Actor, match: Match, side: str = "", note: str = "") -> Match:
    """One side says yes to a proposed match: `say_yes(actor, match, side="", note="") -> Match`.

    The helper's yes and the requester's yes are separate steps. A side says its own yes (side
    may be left empty); a coordinator (MANAGE_EXCHANGE) records either side's yes, for instance
    heard on the phone, and must say which. Once both have said yes the match becomes `accepted`
    and both hear how to reach each other; until then nobody sees the other's contact details.
    Saying yes twice changes nothing.
    Errors: Http404 (a stranger to the match), PermissionDenied (someone else's yes),
    ValidationError (unknown or missing side), Conflict "invalid_transition" (not proposed).
    """
    actor.require(Action.VIEW_EXCHANGE)
    match = _lock_match(actor, match)
    staff = _is_staff(actor)
    sides = _sides(actor, match)
    if not staff and not sides:
        raise Http404
    if side and side not in (states.HELPER, states.REQUESTER):
        raise ValidationError({"side": [_("Choose the helper or the person who asks.")]})
    if not side:
        if len(sides) != 1:
            message = _("Say whose yes this is: the helper's or the asker's.")
            raise ValidationError({"side": [message]})
        side = next(iter(sides))
    if side not in sides and not staff:
        raise PermissionDenied
    if match.state != MatchState.PROPOSED:
        raise Conflict(_("This match is no longer waiting for a yes."), "invalid_transition")
    if side not in missing_yes(match):
        return match
    _mark_yes(actor, match, side)
    who = _("The helper said yes.") if side == states.HELPER else _("The asker said yes.")
    if side not in sides:
        who = _("%(who)s Recorded by the coordinator.") % {"who": who}
    MatchEvent.objects.create(
        match=match,
        from_state=match.state,
        to_state=match.state,
        by=actor.person,
        note=_text(f"{who} {note}", 500),
    )
    if not missing_yes(match):
        _record_step(actor, match, MatchState.ACCEPTED, "")
        _tell_sides(match, "match_accepted")
    elif side == states.HELPER and match.mode == MatchMode.SELF and side in sides:
        integrations.notify(match.request.requester, "helper_responded", {"match": match})
    return match


@transaction.atomic
def transition(
    actor: Actor,
    match: Match,
    to: str,
    note: str = "",
    *,
    intro_at=None,
    intro_place: str = "",
    intro_notes: str = "",
) -> Match:
    """Move a match one step: `transition(actor, match, to, note="", intro_at=..., ...) -> Match`.

    Allowed steps and who may take them: see naober/exchange/states.py. A coordinator
    (MANAGE_EXCHANGE) may take every allowed step; the requester accepts; the requester or helper
    start (active), complete, decline or stop. Only a coordinator introduces (with intro_at,
    intro_place, intro_notes stored on the match).
    Effects: a history row; completed -> request `done` and a follow-up in 3 days; active -> a
    follow-up in 7 days; declined/stopped -> request `open` again; both sides are told.
    Errors: Http404, PermissionDenied, ValidationError (unknown state),
    Conflict "invalid_transition".
    """
    actor.require(Action.VIEW_EXCHANGE)
    if to not in MatchState.values:
        raise ValidationError({"to": [_("Unknown state.")]})
    match = _own_row(actor, match, Match)
    _lock_request(actor, match.request)
    match = Match.objects.select_for_update().select_related("request__requester").get(pk=match.pk)
    staff = _is_staff(actor)
    sides = _sides(actor, match)
    if not staff and not sides:
        raise Http404  # a stranger to the match does not learn it exists
    if not states.can_move(match.state, to, match.mode):
        raise Conflict(
            _("A match that is %(state)s cannot become %(to)s.")
            % {"state": MatchState(match.state).label, "to": MatchState(to).label},
            "invalid_transition",
        )
    if not staff and not (sides & states.SIDES_ALLOWED[to]):
        raise PermissionDenied
    if to == MatchState.ACCEPTED:
        for side in sides & set(missing_yes(match)):
            _mark_yes(actor, match, side)
        if missing_yes(match):
            raise Conflict(
                _("Both the helper and the asker must say yes first (matches/{id}/yes)."),
                "consent_missing",
            )
    if to == MatchState.INTRODUCED:
        match.intro_at = intro_at
        match.intro_place = _text(intro_place, 200)
        match.intro_notes = _text(intro_notes, 2000, one_line=False)
    _record_step(actor, match, to, note)
    if to == MatchState.ACTIVE:
        _schedule_followup(match, FollowUpKind.AFTER_START, FOLLOWUP_AFTER_START)
    elif to == MatchState.COMPLETED:
        _close_start_calls(actor, match)
        _schedule_followup(match, FollowUpKind.AFTER_COMPLETION, FOLLOWUP_AFTER_COMPLETION)
    event = {
        MatchState.ACCEPTED: "match_accepted",
        MatchState.COMPLETED: "match_completed",
        MatchState.DECLINED: "match_stopped",
        MatchState.STOPPED: "match_stopped",
    }.get(to)
    if event:
        _tell_sides(match, event)
    return match


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
    Conflict "offer_full"), and RATE_LIMITS["take_offer"] per person (ApiError 429 "rate_limited").
    Errors: PermissionDenied, ValidationError, Http404, Conflict, ApiError.
    """
    actor.require(Action.ASK_HELP)
    offer = _own_row(actor, offer, HelpOffer)
    if _same_person(actor, offer.helper):
        raise ValidationError({"offer": [_("Someone cannot help with their own request.")]})
    if not ratelimit.allow("take_offer", f"{actor.community.pk}:{getattr(actor.person, 'pk', 0)}"):
        raise ApiError(
            429, "rate_limited", _("You asked for help many times just now. Please wait a while.")
        )
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
            "title": _text(title, 120) or chosen.display_label,
            "description": description,
        },
    )
    request = _lock_request(actor, request)
    mode = MatchMode.MEDIATED if request.needs_mediation else MatchMode.SELF
    match = _open_match(actor, request, offer, mode, _("Asked for this offer directly."))
    _mark_yes(actor, match, states.REQUESTER)
    if mode == MatchMode.MEDIATED:
        for coordinator in coordinators_of(actor.community):
            integrations.notify(coordinator, "helper_responded", {"match": match})
    else:
        integrations.notify(offer.helper, "match_proposed", {"match": match})
    return match


def offer_is_full(offer: HelpOffer) -> bool:
    """True when the helper already has as many matches this calendar month as the offer's
    max_per_month (declined proposals do not count): the same rule that hides the offer from the
    list of standing offers (selectors.helper_load)."""
    from naober.exchange.selectors import helper_load

    used = helper_load(offer.community, [offer.helper_id]).get(offer.helper_id, 0)
    return used >= offer.max_per_month


@transaction.atomic
def flag_match(actor: Actor, match: Match, *, flagged: bool, note: str = "") -> Match:
    """Pause a match for review (flagged=True) or clear the flag: MANAGE_EXCHANGE.

    While flagged the match keeps its state, but contact details are not shared. The flag and
    its reason are written to the history (a row with the same from and to state).
    """
    actor.require(Action.MANAGE_EXCHANGE)
    match = _own_row(actor, match, Match)
    match = Match.objects.select_for_update().get(pk=match.pk)
    match.review_flag = flagged
    match.review_note = _text(note, 500) if flagged else ""
    match.save(update_fields=["review_flag", "review_note", "updated_at"])
    label = _("Paused for review") if flagged else _("Review finished")
    MatchEvent.objects.create(
        match=match,
        from_state=match.state,
        to_state=match.state,
        by=actor.person,
        note=_text(f"{label}: {note}" if note else label, 500),
    )
    return match


# --- contact log and follow-up -------------------------------------------------------------------


@transaction.atomic
def log_contact(
    actor: Actor,
    *,
    person: Person,
    kind: str,
    outcome: str,
    note: str = "",
    request: HelpRequest | None = None,
    match: Match | None = None,
) -> ContactLog:
    """Write a note in the logbook: `log_contact(actor, person=, kind=, outcome=, note="",
    request=None, match=None) -> ContactLog`. MANAGE_EXCHANGE.

    About a request or a match (at least one). The first note on a request counts as its first
    answer (first_response_at). Errors: PermissionDenied, ValidationError, Http404.
    """
    actor.require(Action.MANAGE_EXCHANGE)
    errors: dict = {}
    if match is not None:
        match = _own_row(actor, match, Match)
        request = request or match.request
    if request is not None:
        request = _lock_request(actor, request)
    if request is None:
        errors["request"] = [_("Say which request or match this is about.")]
    if kind not in ContactKind.values:
        errors["kind"] = [_("Choose how you were in contact.")]
    if outcome not in ContactOutcome.values:
        errors["outcome"] = [_("Choose the result.")]
    contacted = _person_of(actor.community, person, "person", errors)
    if contacted is None:
        errors.setdefault("person", [_("Choose someone of this community.")])
    if errors:
        raise ValidationError(errors)
    entry = ContactLog.objects.create(
        community=actor.community,
        request=request,
        match=match,
        person=contacted,
        kind=kind,
        outcome=outcome,
        note=_text(note, 2000, one_line=False),
        by=actor.person,
    )
    if request.first_response_at is None:
        request.first_response_at = entry.at
        request.save(update_fields=["first_response_at"])
    return entry


@transaction.atomic
def record_followup(
    actor: Actor,
    followup: FollowUp,
    *,
    how_did_it_go: str = "",
    would_help_others: str = "",
    notes: str = "",
) -> FollowUp:
    """Write down the follow-up call: `record_followup(actor, followup, how_did_it_go=,
    would_help_others="yes|no|maybe|", notes=) -> FollowUp`. MANAGE_EXCHANGE.

    Marks it done (the first time) by the actor. "Would you help someone else too?" is an answer,
    never a credit. Errors: PermissionDenied, ValidationError, Http404.
    """
    actor.require(Action.MANAGE_EXCHANGE)
    followup = (
        FollowUp.objects.select_for_update()
        .filter(pk=followup.pk, match__community=actor.community)
        .first()
    )
    if followup is None:
        raise Http404
    if would_help_others and would_help_others not in WouldHelp.values:
        raise ValidationError({"would_help_others": [_("Choose yes, no or maybe.")]})
    followup.how_did_it_go = _text(how_did_it_go, 2000, one_line=False)
    followup.would_help_others = would_help_others or ""
    followup.notes = _text(notes, 2000, one_line=False)
    if followup.done_at is None:
        followup.done_at = timezone.now()
        followup.by = actor.person
    followup.save()
    return followup


@transaction.atomic
def close_for_erasure(actor: Actor, person: Person) -> None:
    """Close what a person still has open before their data is erased (privacy.erasure).

    Their open requests are cancelled (off the public page, the workbench and the plan) and their
    offers paused. A proposed match is stopped; a match where the help had begun is ended as
    completed, because the help did take place and the figures must keep counting it. The other
    side hears that the help has stopped, and the coordinators get a note with the request number
    (no name), all through notify.
    """
    from django.db.models import Q

    note = _("Ended because the data of one of the two people was erased.")
    matches = (
        Match.objects.select_for_update()
        .filter(Q(helper=person) | Q(request__requester=person), community=actor.community)
        .filter(state__in=OPEN_STATES)
        .select_related("request__requester", "helper")
    )
    coordinators = coordinators_of(actor.community)
    for match in matches:
        begun = match.state != MatchState.PROPOSED
        _record_step(actor, match, MatchState.COMPLETED if begun else MatchState.STOPPED, note)
        other = match.request.requester if match.helper_id == person.pk else match.helper
        integrations.notify(other, "match_stopped", {"match": match})
        body = _(
            "The match for request %(code)s has stopped because the data of one of the two "
            "people was erased. Please look at what is needed now."
        ) % {"code": match.request.code or match.request.pk}
        for coordinator in coordinators:
            integrations.notify(
                coordinator, "custom", {"subject": _("A match has stopped"), "body": body}
            )
    HelpRequest.objects.filter(
        requester=person,
        status__in=[RequestStatus.OPEN, RequestStatus.MATCHED, RequestStatus.WAITING_LIST],
    ).update(status=RequestStatus.CANCELLED)
    for offer in HelpOffer.objects.select_for_update().filter(helper=person, available=True):
        offer.available = False
        offer.save(update_fields=["available"])  # saved one by one: the matching index hears it
