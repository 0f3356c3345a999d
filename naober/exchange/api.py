"""API of the exchange under /api/v1/c/{community}/: categories, requests, offers, matches,
suggestions, the contact log, follow-ups and the summary report (see shared/API.md).

Handlers parse and bound the input, then call a service or selector; permissions, rules and
privacy live there. Every id is bounded (1..2**62) and every string has a maximum length.
"""

from datetime import date, datetime, timedelta
from functools import partial
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, ErrorOut, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.api.patch import Patch
from naober.communities.permissions import Action
from naober.exchange import reports, selectors, services
from naober.exchange.models import (
    Channel,
    ContactKind,
    ContactOutcome,
    MatchMode,
    MatchState,
    Recurrence,
    RequestStatus,
    Rhythm,
    Urgency,
    WouldHelp,
)
from naober.exchange.suggestions import suggest_for_request
from naober.people.selectors import people_of

router = Router(tags=["exchange"])

Id = Field(None, ge=1, le=2**62)
ERRORS_409 = {**ERRORS, 409: ErrorOut}
MAX_REPORT_DAYS = 3 * 366
DATE_FROM, DATE_TO = Query(None, alias="from"), Query(None, alias="to")


# --- schemas -------------------------------------------------------------------------------------


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


class EventOut(Schema):
    from_state: str
    to_state: str
    by: int | None
    at: datetime
    note: str


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


class SuggestionOut(Schema):
    offer: int
    person: int
    name: str
    score: float
    reasons: list[str]


class ContactLogIn(Schema):
    person: int = Field(..., ge=1, le=2**62)
    kind: ContactKind
    outcome: ContactOutcome
    note: str = Field("", max_length=2000)
    request: int | None = Id
    match: int | None = Id


class ContactLogOut(Schema):
    id: int
    request: int | None
    match: int | None
    person: int
    kind: str
    outcome: str
    note: str
    by: int | None
    at: datetime


class FollowUpOut(Schema):
    id: int
    match: int
    kind: str
    due_at: datetime
    done_at: datetime | None
    by: int | None
    how_did_it_go: str
    would_help_others: str
    notes: str


class FollowUpIn(Schema):
    how_did_it_go: str = Field("", max_length=2000)
    would_help_others: WouldHelp | None = None
    notes: str = Field("", max_length=2000)


class ReportSummaryOut(Schema):
    from_: date = Field(..., alias="from")
    to: date
    requests: int
    requests_by_channel: dict[str, int]
    requests_by_status: dict[str, int]
    matches: int
    matches_by_mode: dict[str, int]
    matches_by_state: dict[str, int]
    median_hours_to_first_response: float | None
    answered_within_deadline: float | None
    people_asked: int
    people_helped: int
    people_helping: int


# --- helpers -------------------------------------------------------------------------------------


def _person_or_422(actor, person_id: int | None, field: str):
    if person_id is None:
        return None
    person = people_of(actor.community).filter(pk=person_id).first()
    if person is None:
        raise ValidationError({field: [_("Choose someone of this community.")]})
    return person


def _log_out(entry) -> dict:
    return {
        "id": entry.pk,
        "request": entry.request_id,
        "match": entry.match_id,
        "person": entry.person_id,
        "kind": entry.kind,
        "outcome": entry.outcome,
        "note": entry.note,
        "by": entry.by_id,
        "at": entry.at,
    }


def _followup_out(followup) -> dict:
    return {
        "id": followup.pk,
        "match": followup.match_id,
        "kind": followup.kind,
        "due_at": followup.due_at,
        "done_at": followup.done_at,
        "by": followup.by_id,
        "how_did_it_go": followup.how_did_it_go,
        "would_help_others": followup.would_help_others,
        "notes": followup.notes,
    }


# --- categories and requests ---------------------------------------------------------------------


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
        for s in suggest_for_request(actor, found, limit=limit)
    ]


# --- offers --------------------------------------------------------------------------------------


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


# --- matches -------------------------------------------------------------------------------------


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
    from naober.api.errors import Conflict

    actor = actor_for(request, community)
    match = selectors.match_get(actor, match_id)
    contact = selectors.match_contact(actor, match)
    if contact is None:
        raise Conflict(_("Contact details are shared only after both said yes."), "not_shared")
    return {**contact, "advice": [str(line) for line in selectors.SAFETY_ADVICE]}


# --- contact log and follow-ups ------------------------------------------------------------------


@router.get("/c/{community}/contact-log", response=list[ContactLogOut])
@paginate(Pagination)
def list_contact_log(
    request,
    community: str,
    request_id: int | None = Query(None, ge=1, le=2**62, alias="request"),
    match_id: int | None = Query(None, ge=1, le=2**62, alias="match"),
):
    actor = actor_for(request, community)
    actor.require(Action.VIEW_CONTACT_LOG)
    about_request = selectors.request_get(actor, request_id) if request_id else None
    about_match = selectors.match_get(actor, match_id) if match_id else None
    rows = selectors.contact_log(actor, request=about_request, match=about_match)
    return Mapped(rows, _log_out)


@router.post("/c/{community}/contact-log", response={201: ContactLogOut, **ERRORS})
def create_contact_log(request, community: str, payload: ContactLogIn):
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_EXCHANGE)
    about_request = selectors.request_get(actor, payload.request) if payload.request else None
    about_match = selectors.match_get(actor, payload.match) if payload.match else None
    person = _person_or_422(actor, payload.person, "person")
    entry = services.log_contact(
        actor,
        person=person,
        kind=payload.kind,
        outcome=payload.outcome,
        note=payload.note,
        request=about_request,
        match=about_match,
    )
    return 201, _log_out(entry)


@router.get("/c/{community}/followups", response=list[FollowUpOut])
@paginate(Pagination)
def list_followups(request, community: str, due: bool = False, done: bool = False):
    """Open follow-up calls, the earliest first (`due=true`: only those due now)."""
    actor = actor_for(request, community)
    rows = selectors.followups(actor, due_only=due, open_only=not done)
    return Mapped(rows, _followup_out)


@router.post("/c/{community}/followups/{followup_id}", response={200: FollowUpOut, **ERRORS})
def record_followup(
    request, community: str, payload: FollowUpIn, followup_id: int = Path(..., ge=1, le=2**62)
):
    actor = actor_for(request, community)
    followup = selectors.followup_get(actor, followup_id)
    followup = services.record_followup(
        actor,
        followup,
        how_did_it_go=payload.how_did_it_go,
        would_help_others=payload.would_help_others or "",
        notes=payload.notes,
    )
    return _followup_out(followup)


# --- report --------------------------------------------------------------------------------------


@router.get(
    "/c/{community}/reports/summary", response={200: ReportSummaryOut, **ERRORS}, by_alias=True
)
def summary(
    request,
    community: str,
    date_from: date | None = DATE_FROM,
    date_to: date | None = DATE_TO,
):
    """Counts for a period (default: the last 30 days). VIEW_REPORTS; aggregates only."""
    actor = actor_for(request, community)
    date_to = date_to or timezone.localdate()
    date_from = date_from or date_to - timedelta(days=30)
    if (
        date_from > date_to
        or (date_to - date_from).days > MAX_REPORT_DAYS
        or not 2000 <= date_from.year <= date_to.year <= 2200
    ):
        raise ValidationError(_("Choose a start date before the end date, at most three years."))
    return reports.summary(actor, date_from, date_to)


# Administrators add and change categories on this same router (POST shares the GET's path).
from naober.exchange import category_api  # noqa: E402, F401
