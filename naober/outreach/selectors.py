"""Reads for outreach, always within the actor's community and shaped by what the actor may see.

Visit notes are read only through `visit_notes`, which checks who may read them and writes the
read to the audit trail. Who raised a signal, and whom it is about, is for the core group only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.directory.models import Referral
from naober.exchange.models import HelpRequest
from naober.outreach.integrations import audit_read
from naober.outreach.models import (
    HouseVisit,
    Meeting,
    Signal,
    SignalAction,
    SignalStatus,
    WalkEntry,
    WalkList,
)
from naober.outreach.policy import may_act_on, visible_visits
from naober.people.selectors import people_of, record_shown

NOTE_FIELDS = ["notes", "talents", "wishes", "could_offer", "needs", "trits"]


def walk_lists(actor: Actor) -> QuerySet[WalkList]:
    actor.require(Action.PLAN_VISITS)
    return WalkList.objects.filter(community=actor.community).select_related("area")


def walk_list_get(actor: Actor, walk_list_id: int) -> WalkList:
    walk_list = walk_lists(actor).filter(pk=walk_list_id).first()
    if walk_list is None:
        raise Http404
    return walk_list


def my_assignments(actor: Actor):
    """Addresses given to this visitor that have no visit yet."""
    return (
        WalkEntry.objects.filter(
            walk_list__community=actor.community, visitor=actor.person, visits__isnull=True
        )
        .select_related("walk_list", "person")
        .order_by("walk_list_id", "position")
    )


def shown_addresses(actor: Actor, rows, purpose: str) -> list:
    """`rows` (walk entries or visits, each with `person` and `address`) as a list, with one audit
    entry per resident whose postal address the list shows this actor."""
    rows = list(rows)
    record_shown(actor, [row.person for row in rows if row.address], purpose, ["address"])
    return rows


def walk_entries(actor: Actor, walk_list: WalkList, *, visitor_id: int | None = None) -> list:
    """The addresses of a walk list (page and print), their reading audited."""
    entries = walk_list.entries.select_related("person", "visitor").prefetch_related("visits")
    if visitor_id is not None:
        entries = entries.filter(visitor_id=visitor_id)
    return shown_addresses(actor, entries, "walk list")


def visit_list(actor: Actor, limit: int = 200) -> list:
    """The visits this actor may see, newest first, each with its address (audited)."""
    return shown_addresses(actor, visits_for(actor)[:limit], "visits list")


def assignment_list(actor: Actor, limit: int = 100) -> list:
    """The addresses given to this visitor and not yet visited (audited)."""
    return shown_addresses(actor, my_assignments(actor)[:limit], "my addresses to visit")


def visits_for(actor: Actor) -> QuerySet[HouseVisit]:
    """All visits for the roles that read notes; a visitor sees only their own."""
    if not (actor.can(Action.RECORD_VISIT) or actor.can(Action.VIEW_VISIT_NOTES)):
        raise PermissionDenied
    qs = (
        HouseVisit.objects.filter(community=actor.community)
        .select_related("person", "visitor")
        .order_by("-visited_on", "-id")
    )
    return visible_visits(actor, qs)


def visit_get(actor: Actor, visit_id: int) -> HouseVisit:
    visit = visits_for(actor).filter(pk=visit_id).first()
    if visit is None:
        raise Http404
    return visit


def visit_notes(actor: Actor, visit: HouseVisit, purpose: str) -> dict | None:
    """The notes and the five-domain answers, or None when this actor may not read them.

    Every read is recorded in the audit trail with its purpose.
    """
    if not may_act_on(actor, visit):
        return None
    audit_read(actor, visit, purpose, NOTE_FIELDS, person=visit.person)
    return {"notes": visit.notes, "domains": list(visit.domains.all())}


def visit_summary(visit: HouseVisit) -> dict:
    """What anyone who may see the visit at all sees: no notes, no answers."""
    return {
        "id": visit.pk,
        "person": visit.person_id,
        "address": visit.address,
        "visitor": visit.visitor_id,
        "visited_on": visit.visited_on,
        "outcome": visit.outcome,
        "converted": visit.converted_at is not None,
    }


def signals_for(actor: Actor) -> QuerySet[Signal]:
    """Every signal for the triage roles; one's own signals for everyone else."""
    qs = (
        Signal.objects.filter(community=actor.community)
        .select_related("raised_by", "assignee", "person_concerned", "organisation")
        .order_by("-created_at", "-id")
    )
    if actor.can(Action.TRIAGE_SIGNALS):
        return qs
    actor.require(Action.RAISE_SIGNAL)
    return qs.filter(raised_by=actor.person)


def new_signal_count(actor: Actor) -> int:
    """Signals that came in and wait for the core group's first decision."""
    actor.require(Action.TRIAGE_SIGNALS)
    return Signal.objects.filter(community=actor.community, status=SignalStatus.NEW).count()


def signal_get(actor: Actor, signal_id: int) -> Signal:
    signal = signals_for(actor).filter(pk=signal_id).first()
    if signal is None:
        raise Http404
    return signal


def triage_board(actor: Actor) -> dict[str, list[Signal]]:
    """Open and recently closed signals per status column, most urgent first."""
    actor.require(Action.TRIAGE_SIGNALS)
    order = {"acute": 0, "high": 1, "normal": 2, "low": 3}
    board = {status: [] for status in SignalStatus.values}
    for signal in signals_for(actor)[:500]:
        board[signal.status].append(signal)
    for column in board.values():
        column.sort(key=lambda s: (order.get(s.urgency, 9), s.created_at))
    return board


def signal_view(actor: Actor, signal: Signal) -> dict:
    """The raiser gets status and public outcome; the core group gets the whole signal."""
    data = {
        "id": signal.pk,
        "kind": signal.kind,
        "urgency": signal.urgency,
        "description": signal.description,
        "status": signal.status,
        "public_outcome": signal.public_outcome,
        "created_at": signal.created_at,
    }
    if not actor.can(Action.TRIAGE_SIGNALS):
        return data
    data.update(
        # Who raised a signal is for staff only, never for the core group (issue 15.3).
        raised_by=signal.raised_by_id if actor.can(Action.VIEW_CONTACT_DETAILS) else None,
        person_concerned=signal.person_concerned_id,
        assignee=signal.assignee_id,
        action=signal.action,
        due_on=signal.due_on,
        outcome=signal.outcome,
        organisation=signal.organisation_id,
    )
    return data


def meetings(actor: Actor) -> QuerySet[Meeting]:
    actor.require(Action.TRIAGE_SIGNALS)
    return Meeting.objects.filter(community=actor.community).prefetch_related("attendees")


def meeting_get(actor: Actor, meeting_id: int) -> Meeting:
    meeting = meetings(actor).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


def visit_candidates(actor: Actor):
    """Whom a visit can be recorded for: everyone for the roles that see the people list, and
    only the residents on one's own walk lists for a visitor (no list of all residents)."""
    qs = people_of(actor.community).select_related("area").order_by("name")
    if actor.can(Action.VIEW_PEOPLE):
        return qs
    return qs.filter(walk_entries__visitor=actor.person).distinct()


# A field whose label is a question ("what will we do?") reads as a statement in the history.
HISTORY_LABELS = {"action": _("decided"), "assignee": _("looked into by")}


def signal_history(signal: Signal) -> list[dict]:
    """The history in words: field labels and choice labels instead of codes."""
    choices = {"status": SignalStatus, "action": SignalAction}
    history = []
    for event in signal.events.select_related("by"):
        changes = []
        for field, value in event.changes.items():
            label = HISTORY_LABELS.get(field) or Signal._meta.get_field(field).verbose_name
            if field in choices and value in choices[field].values:
                value = choices[field](value).label
            changes.append((label, value))
        history.append({"at": event.at, "by": event.by, "changes": changes, "note": event.note})
    return history


def signal_followups(actor: Actor, signal: Signal) -> list[dict]:
    """What became of a "match with a neighbour" or "refer" decision: the requests entered and the
    referrals made for the person concerned since the signal came in, so the core group sees the
    loop closed (and the coordinator sees it was done) without asking around. A code, a status and
    a date only; a link for those who may open the row."""
    if signal.person_concerned_id is None:
        return []
    slug = actor.community.slug
    may_open_request = actor.can(Action.MANAGE_EXCHANGE)
    may_open_referral = actor.can(Action.MANAGE_REFERRALS)
    rows = []
    for item in HelpRequest.objects.filter(
        community=actor.community,
        requester_id=signal.person_concerned_id,
        created_at__gte=signal.created_at,
    ).order_by("created_at")[:10]:
        rows.append(
            {
                "kind": "request",
                "code": item.code,
                "status": item.get_status_display(),
                "at": item.created_at,
                "url": reverse(
                    "exchange:request_detail", kwargs={"slug": slug, "request_id": item.pk}
                )
                if may_open_request
                else "",
            }
        )
    for item in (
        Referral.objects.filter(
            community=actor.community,
            person_id=signal.person_concerned_id,
            created_at__gte=signal.created_at,
        )
        .select_related("organisation")
        .order_by("created_at")[:10]
    ):
        rows.append(
            {
                "kind": "referral",
                "organisation": item.organisation.name if item.organisation_id else "",
                "status": item.get_status_display(),
                "at": item.created_at,
                "url": reverse("directory:referral", kwargs={"slug": slug, "referral_id": item.pk})
                if may_open_referral
                else "",
            }
        )
    return rows


def joined_people(actor: Actor) -> list[QuerySet]:
    """The residents of the visits this actor may see and of the addresses given to them."""
    if not (actor.can(Action.RECORD_VISIT) or actor.can(Action.VIEW_VISIT_NOTES)):
        return []
    return [
        visits_for(actor).values("person_id"),
        WalkEntry.objects.filter(walk_list__community=actor.community, visitor=actor.person).values(
            "person_id"
        ),
    ]
