"""Reads of matches: which matches an actor may see, the history as they may read it, the other
side's contact details (only as far as shared), proposals awaiting a yes and "my help".
"""

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    CONTACT_STATES,
    HELPED_STATES,
    OPEN_STATES,
    Match,
    MatchEvent,
    MatchEventKind,
    MatchState,
)
from naober.exchange.selectors._common import _me, is_staff
from naober.people.models import ConsentPurpose, Person
from naober.people.selectors import has_consent, record_shown

# Safety advice shown with every shared contact and on the pages of a new match (BUUV brokers).
SAFETY_ADVICE = (
    _("For a first meeting, bring a neighbour or a friend, or meet in a public place."),
    _("If it does not feel right, stop. You never have to explain why."),
    _("Questions or worries? Call the coordinator."),
)


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


def _name(person: Person | None, *, me: int | None, staff: bool) -> str:
    """A side as the reader knows them: "U" for the reader themselves, the full name for staff,
    else the name neighbours see (as on the rest of the match page)."""
    if person is None:
        return ""
    if me is not None and person.pk == me:
        return pgettext("the reader, at the start of a sentence", "You")
    return person.name if staff else person.display_name


def step_text(match: Match, event: MatchEvent, *, me: int | None = None, staff: bool = True) -> str:
    """What happened at this step, in one plain sentence for this reader: "Voorgesteld door de
    coördinator", "Gerrit zei ja", "Truus zei ja (telefonisch, genoteerd door de coördinator)".

    Built from the row's kind, its state and whether one of the two sides took it, never from the
    note: a side never learns more than the page already shows (the other side's name, and that
    "the coordinator" did something, not which one)."""
    helper, requester = match.helper, match.request.requester
    by_side = {match.helper_id: helper, match.request.requester_id: requester}.get(event.by_id)
    if event.by_id is None:
        by_side = None
    kind, to = event.kind, event.to_state
    if kind in (MatchEventKind.HELPER_YES, MatchEventKind.REQUESTER_YES):
        side = helper if kind == MatchEventKind.HELPER_YES else requester
        name = _name(side, me=me, staff=staff)
        if event.by_id is not None and event.by_id != side.pk:
            return gettext("%(name)s said yes (on the phone, noted by the coordinator)") % {
                "name": name
            }
        return gettext("%(name)s said yes") % {"name": name}
    if kind == MatchEventKind.PAUSED:
        return gettext("Paused: the coordinator takes a look first")
    if kind == MatchEventKind.RESUMED:
        return gettext("The coordinator has looked at it; the pause is over")
    name = _name(by_side, me=me, staff=staff)
    if to == MatchState.PROPOSED:
        if by_side is not None and by_side.pk == match.helper_id:
            return gettext("%(name)s offered to help, and so said yes") % {"name": name}
        if by_side is not None:
            return gettext("%(name)s asked for this help, and so said yes") % {"name": name}
        if event.by_id is None:
            return gettext("Proposed")
        return gettext("Proposed by the coordinator")
    if to == MatchState.ACCEPTED:
        return gettext("Both said yes")
    if to == MatchState.INTRODUCED:
        return gettext("The introduction meeting is planned")
    if to == MatchState.ACTIVE:
        return gettext("The help has started")
    if to == MatchState.COMPLETED:
        return gettext("The help is finished")
    if to == MatchState.DECLINED:
        if by_side is not None:
            return gettext("%(name)s said no") % {"name": name}
        return gettext("Did not go ahead (noted by the coordinator)")
    if by_side is not None:  # stopped
        return gettext("%(name)s stopped the help") % {"name": name}
    if event.by_id is None:
        return gettext("Stopped")
    return gettext("Stopped by the coordinator")


def history(match: Match, *, staff: bool = True, me: int | None = None) -> list[dict]:
    """The steps of a match, as the reader may see them (see step_shown), each with what
    happened in words (step_text) for this reader."""
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
                "kind": e.kind,
                "text": step_text(match, e, me=me, staff=staff),
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
        "history": history(match, staff=is_staff(actor), me=_me(actor)),
    }
    if is_staff(actor):
        data.update(intro_notes=match.intro_notes, review_note=match.review_note)
    return data


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


def events_of(match: Match, *, staff: bool = True, me: int | None = None) -> list[MatchEvent]:
    """The steps for the match page, each with `text` (step_text, for this reader) and `who`
    (staff: the name of who took it, unless the text already says it); who and the note only
    where step_shown allows."""
    events = list(match.events.select_related("by").order_by("at", "id"))
    for event in events:
        event.text = step_text(match, event, me=me, staff=staff)
        name = event.by.name if staff and event.by else ""
        event.who = "" if name in event.text else name
        if not step_shown(match, event, staff=staff):
            event.note, event.by = "", None
    return events


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


def awaiting_my_yes(actor: Actor) -> list[Match]:
    """Proposals waiting for this person's own yes (as helper or as the one who asks)."""
    me = _me(actor)
    if me is None or not actor.can(Action.VIEW_EXCHANGE):
        return []
    return list(
        visible_matches(actor)
        .filter(state=MatchState.PROPOSED)
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
