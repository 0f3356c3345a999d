"""Reads of the exchange, always scoped to the actor's community and shaped by what they may see.

Who sees which request: staff (MANAGE_EXCHANGE) everything; any other member the public board
(open, in scope, not needing mediation), their own requests, requests they help with and, for a
partner, the requests they referred. A request outside that set is "not found" (404), as is any
row of another community. Matches: staff all, others only the matches they are a side of.
"""

from datetime import timedelta

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.api.errors import Conflict
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    OPEN_STATES,
    Category,
    ContactLog,
    FollowUp,
    HelpOffer,
    HelpRequest,
    Match,
    MatchEvent,
    MatchMode,
    RequestStatus,
)
from naober.people.models import ConsentPurpose, Person
from naober.people.selectors import has_consent, record_shown

# Safety advice shown with every shared contact and on the pages of a new match (BUUV brokers).
SAFETY_ADVICE = (
    _("For a first meeting, bring a neighbour or a friend, or meet in a public place."),
    _("If it does not feel right, stop. You never have to explain why."),
    _("Questions or worries? Call the coordinator."),
)


def categories_of(community) -> QuerySet[Category]:
    return Category.objects.filter(community=community).order_by("position", "label")


def _board(community) -> Q:
    """Requests any member may see: open, in scope, not needing a coordinator."""
    return Q(status=RequestStatus.OPEN, category__in_scope=True, needs_mediation=False)


def recent_open_requests(community, limit: int = 8) -> QuerySet[HelpRequest]:
    """Open requests for the public community page and anything else anyone may read without
    logging in (the printed notice-board sheet): only those the requester agreed to publish.
    Pages show them with the first name only, never with the street (issue 12.7)."""
    return (
        HelpRequest.objects.filter(_board(community), community=community, publish=True)
        .select_related("requester__area", "category")
        .order_by("-created_at", "-id")[:limit]
    )


def recent_available_offers(community, limit: int = 8) -> QuerySet[HelpOffer]:
    return (
        HelpOffer.objects.filter(community=community, available=True)
        .select_related("helper__area")
        .prefetch_related("categories")
        .order_by("-created_at", "-id")[:limit]
    )


def is_staff(actor: Actor) -> bool:
    return actor.can(Action.MANAGE_EXCHANGE)


def _me(actor: Actor) -> int | None:
    return actor.person.pk if actor.person is not None else None


# --- requests ------------------------------------------------------------------------------------


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
        if not taken_from_board(actor, request_id):
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


# --- offers --------------------------------------------------------------------------------------


def visible_offers(actor: Actor) -> QuerySet[HelpOffer]:
    """Available offers for every member, paused ones only for their helper and staff."""
    actor.require(Action.VIEW_EXCHANGE)
    qs = HelpOffer.objects.filter(community=actor.community)
    if not is_staff(actor):
        qs = qs.filter(Q(available=True) | Q(helper_id=_me(actor)))
    return qs.select_related("helper__area", "area").prefetch_related("categories")


def offer_list(
    actor: Actor,
    *,
    category: str = "",
    available: bool | None = None,
    helper: int | None = None,
    mine: bool = False,
) -> QuerySet[HelpOffer]:
    qs = visible_offers(actor)
    if category:
        qs = qs.filter(categories__code=category).distinct()
    if available is not None:
        qs = qs.filter(available=available)
    if helper is not None:
        qs = qs.filter(helper_id=helper)
    if mine:
        qs = qs.filter(helper_id=_me(actor))
    return qs.order_by("-created_at", "-id")


def offer_get(actor: Actor, offer_id: int) -> HelpOffer:
    offer = visible_offers(actor).filter(pk=offer_id).first()
    if offer is None:
        raise Http404
    return offer


def month_start(now=None):
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def helper_load(community, person_ids) -> dict[int, int]:
    """How many matches each helper started this calendar month (declined ones do not count)."""
    rows = (
        Match.objects.filter(
            community=community, helper_id__in=list(person_ids), created_at__gte=month_start()
        )
        .exclude(state="declined")
        .values("helper_id")
        .annotate(n=Count("id"))
    )
    return {row["helper_id"]: row["n"] for row in rows}


def standing_offers(actor: Actor, *, category: str = "") -> list[HelpOffer]:
    """Offer-first: available offers a resident can accept directly (see services.accept_offer),
    not their own and from helpers with room left this month."""
    qs = offer_list(actor, category=category, available=True).exclude(helper_id=_me(actor))
    offers = list(qs[:200])
    load = helper_load(actor.community, {o.helper_id for o in offers})
    return [o for o in offers if load.get(o.helper_id, 0) < o.max_per_month]


def offer_view(actor: Actor, offer: HelpOffer) -> dict:
    return {
        "id": offer.pk,
        "helper": offer.helper_id,
        "helper_name": offer.helper.display_name,
        "helper_place": offer.helper.public_place,
        "categories": sorted(c.code for c in offer.categories.all()),
        "description": offer.description,
        "available": offer.available,
        "max_per_month": offer.max_per_month,
        "availability": offer.availability,
        "area": offer.area_id,
        "radius_m": offer.radius_m,
        "languages": offer.languages,
        "created_at": offer.created_at,
    }


# --- matches -------------------------------------------------------------------------------------


def visible_matches(actor: Actor) -> QuerySet[Match]:
    actor.require(Action.VIEW_EXCHANGE)
    qs = Match.objects.filter(community=actor.community)
    if not is_staff(actor):
        me = _me(actor)
        qs = qs.filter(Q(helper_id=me) | Q(request__requester_id=me))
    return qs.select_related(
        "request__requester__area", "request__category", "helper__area", "offer"
    )


def match_list(
    actor: Actor,
    *,
    state: str = "",
    mode: str = "",
    request: int | None = None,
    flagged: bool | None = None,
) -> QuerySet[Match]:
    qs = visible_matches(actor)
    if state:
        qs = qs.filter(state=state)
    if mode:
        qs = qs.filter(mode=mode)
    if request is not None:
        qs = qs.filter(request_id=request)
    if flagged is not None:
        qs = qs.filter(review_flag=flagged)
    return qs.prefetch_related("events").order_by("-created_at", "-id")


def match_get(actor: Actor, match_id: int) -> Match:
    match = visible_matches(actor).prefetch_related("events").filter(pk=match_id).first()
    if match is None:
        raise Http404
    return match


def step_shown(match: Match, event: MatchEvent, *, staff: bool) -> bool:
    """May the reader see who took this step and its note? Staff always; the two sides only for
    steps the sides took themselves: a coordinator's remark (such as why a match was paused) is
    not theirs to read, on any path (page, API, data export)."""
    return staff or event.by_id in (match.helper_id, match.request.requester_id)


def history(match: Match, *, staff: bool = True) -> list[dict]:
    """The steps of a match, as the reader may see them (see step_shown)."""
    steps = []
    for e in match.events.all():
        shown = step_shown(match, e, staff=staff)
        steps.append(
            {
                "from_state": e.from_state,
                "to_state": e.to_state,
                "by": e.by_id if shown else None,
                "at": e.at,
                "note": e.note if shown else "",
            }
        )
    return steps


def match_view(actor: Actor, match: Match) -> dict:
    data = {
        "id": match.pk,
        "request": match.request_id,
        "offer": match.offer_id,
        "helper": match.helper_id,
        "helper_name": match.helper.display_name,
        "requester": match.request.requester_id,
        "requester_name": match.request.requester.display_name,
        "mode": match.mode,
        "state": match.state,
        "created_at": match.created_at,
        "intro_at": match.intro_at,
        "intro_place": match.intro_place,
        "review_flag": match.review_flag,
        "helper_yes_at": match.helper_yes_at,
        "requester_yes_at": match.requester_yes_at,
        "history": history(match, staff=is_staff(actor)),
    }
    if is_staff(actor):
        data.update(intro_notes=match.intro_notes, review_note=match.review_note)
    return data


CONTACT_STATES = frozenset({"accepted", "introduced", "active"})


def shareable_contact(person: Person) -> dict:
    """The contact fields `person` agreed to share with the other side of a match, else empty."""
    if has_consent(person, ConsentPurpose.CONTACT) and not person.reachable_via_coordinator:
        return {"phone": person.phone, "email": person.email, "address": person.address}
    return {}


def contact_line(person: Person) -> str:
    """One line for a message ("06 1234 5678"): a phone number first, else an email address."""
    shared = shareable_contact(person)
    return shared.get("phone") or shared.get("email") or ""


def match_contact(actor: Actor, match: Match) -> dict | None:
    """The other side's contact details, or None when they may not be shared.

    Shared only while the match is accepted, introduced or active and not paused for review, only
    with one of the two sides (staff see both sides through the people pages), and only the
    fields that person consented to ("contact" consent). Without consent the answer says
    "through the coordinator" and gives no details.
    """
    me = _me(actor)
    if match.state not in CONTACT_STATES or match.review_flag:
        return None
    if me == match.helper_id:
        other = match.request.requester
    elif me == match.request.requester_id:
        other = match.helper
    else:
        return None
    data = {
        "person": other.pk,
        "name": other.display_name,
        "place": other.public_place,
        "via_coordinator": True,
        "phone": "",
        "email": "",
        "address": "",
    }
    shared = shareable_contact(other)
    if shared:
        data.update(via_coordinator=False, **shared)
        fields = [name for name, value in shared.items() if value]
        if fields:  # reading it is the audited event, on the page and in the API alike
            record_shown(actor, [other], "match contact", fields)
    return data


# --- coordinator workbench -----------------------------------------------------------------------


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


def events_of(match: Match, *, staff: bool = True) -> list[MatchEvent]:
    """The steps for the match page; who and the note only where step_shown allows."""
    events = list(match.events.select_related("by").order_by("at", "id"))
    for event in events:
        if not step_shown(match, event, staff=staff):
            event.note, event.by = "", None
    return events


# --- reads for the pages (ask form, board, my help, notice-board sheet, code look-up) -----------

HELPED_STATES = ("accepted", "introduced", "active", "completed")
OFFER_CODE_PREFIX = "A-"
SHEET_ITEMS = 20  # per kind on the notice board of one neighbourhood
SHEET_PAGE_ITEMS = 3  # on one A4 sheet, in type that is readable from a metre away


def earlier_helpers(actor: Actor, person: Person | None) -> QuerySet[Person]:
    """Who helped this person before (accepted or later): "the same helper as last time"."""
    if person is None:
        return Person.objects.none()
    helper_ids = Match.objects.filter(
        community=actor.community, request__requester_id=person.pk, state__in=HELPED_STATES
    ).values("helper_id")
    return (
        Person.objects.filter(community=actor.community, pk__in=helper_ids, erased_at__isnull=True)
        .select_related("area")
        .order_by("name")
    )


def board_requests(actor: Actor) -> QuerySet[HelpRequest]:
    """The public board for the browse page: open, in scope, not needing a coordinator."""
    actor.require(Action.VIEW_EXCHANGE)
    return (
        HelpRequest.objects.filter(_board(actor.community), community=actor.community)
        .select_related("requester__area", "category")
        .order_by("-created_at", "-id")
    )


def area_and_below(area) -> list[int]:
    """The ids of this area and every area under it (the tree is a few levels deep)."""
    from naober.communities.models import Area

    ids, frontier = [area.pk], [area.pk]
    while frontier:
        frontier = list(
            Area.objects.filter(community_id=area.community_id, parent_id__in=frontier).values_list(
                "pk", flat=True
            )
        )
        ids.extend(frontier)
    return ids


def awaiting_my_yes(actor: Actor) -> list[Match]:
    """Proposals waiting for this person's own yes (as helper or as the one who asks)."""
    me = _me(actor)
    if me is None or not actor.can(Action.VIEW_EXCHANGE):
        return []
    return list(
        visible_matches(actor)
        .filter(state="proposed")
        .filter(
            Q(helper_id=me, helper_yes_at__isnull=True)
            | Q(request__requester_id=me, requester_yes_at__isnull=True)
        )
        .order_by("created_at", "id")[:20]
    )


def my_matches(actor: Actor) -> QuerySet[Match]:
    """Matches the actor is a side of (also for staff: "my help" is personal), open ones first."""
    me = _me(actor)
    return (
        visible_matches(actor)
        .filter(Q(helper_id=me) | Q(request__requester_id=me))
        .annotate(
            still_open=Case(
                When(state__in=OPEN_STATES, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-still_open", "-created_at", "-id")
    )


def noticeboard_areas(community):
    """Neighbourhoods and villages: one notice-board sheet each."""
    from naober.communities.models import Area, AreaKind

    return Area.objects.filter(
        community=community, kind__in=[AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE]
    ).order_by("name")


def offer_code(offer: HelpOffer) -> str:
    """The short code of an offer on paper (A-12): derived from its number, nothing stored."""
    return f"{OFFER_CODE_PREFIX}{offer.pk}"


def normalise_code(code: str) -> str:
    """A code as printed (V-4821, A-12), however it was typed: "v4821", "V 4821" and "V–4821"
    all find the same request. Letters first, then the digits, joined by one dash."""
    squeezed = "".join(ch for ch in str(code or "").upper() if ch.isalnum())[:12]
    letters = squeezed.rstrip("0123456789")
    digits = squeezed[len(letters) :]
    return f"{letters}-{digits}" if letters and digits else squeezed


def find_by_code(actor: Actor, code: str) -> tuple[str, int] | None:
    """("request", id) for V-1234, ("offer", id) for A-12, None when this actor finds nothing."""
    code = normalise_code(code)
    if code.startswith(OFFER_CODE_PREFIX):
        number = code[len(OFFER_CODE_PREFIX) :]
        if number.isdigit() and len(number) <= 18:
            offer = visible_offers(actor).filter(pk=int(number)).first()
            return ("offer", offer.pk) if offer else None
        return None
    request = visible_requests(actor).filter(code__iexact=code).first()
    return ("request", request.pk) if request else None


def noticeboard(actor: Actor, area) -> dict:
    """Open requests and available offers of people living in `area` (or offers for it), for the
    printed sheet. The sheet hangs where anyone reads it, so it holds only the requests their
    requester agreed to publish, as the public community page does."""
    below = area_and_below(area)
    requests = board_requests(actor).filter(requester__area_id__in=below, publish=True)
    offers = (
        visible_offers(actor)
        .filter(available=True)
        .filter(Q(helper__area_id__in=below) | Q(area_id__in=below))
        .distinct()
        .order_by("-created_at", "-id")
    )
    return {"requests": list(requests[:SHEET_ITEMS]), "offers": list(offers[:SHEET_ITEMS])}


def noticeboard_sheets(board: dict) -> list[list[dict]]:
    """The items of a board cut into A4 sheets of SHEET_PAGE_ITEMS each, requests first: more
    items than fit go onto a next sheet instead of into smaller print. Every sheet carries the
    desk's number, so no sheet is ever without a way to answer."""
    items = [{"kind": "request", "item": r, "code": r.code} for r in board["requests"]]
    items += [{"kind": "offer", "item": o, "code": offer_code(o)} for o in board["offers"]]
    return [
        items[start : start + SHEET_PAGE_ITEMS] for start in range(0, len(items), SHEET_PAGE_ITEMS)
    ] or [[]]


def taken_from_board(actor: Actor, request_id: int) -> bool:
    """True when this request of the actor's community was on the board and now has a helper:
    a second helper who had the page open then hears "someone else helps", not "not found"."""
    return HelpRequest.objects.filter(
        community=actor.community,
        pk=request_id,
        needs_mediation=False,
        status__in=[RequestStatus.MATCHED, RequestStatus.DONE],
    ).exists()


# --- who is joined to whom (people.access) -------------------------------------------------------


def joined_people(actor: Actor) -> list[QuerySet]:
    """The people a request, offer or match shows this actor: requesters of the requests they
    may see, helpers of the offers they may see, and the other side of their own matches."""
    if not actor.can(Action.VIEW_EXCHANGE):
        return []
    matches = visible_matches(actor)
    return [
        visible_requests(actor).values("requester_id"),
        visible_offers(actor).values("helper_id"),
        matches.values("helper_id"),
        matches.values("request__requester_id"),
    ]
