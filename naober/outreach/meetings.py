"""Writes for core-group meetings: the agenda comes from open signals and open proposals.

Seed 003: the core group discusses the signals at each meeting and assigns a member to look into
each; decisions are kept with who took them and which signals they concern.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.outreach.models import (
    AgendaItem,
    AgendaKind,
    Decision,
    Meeting,
    Signal,
    SignalAction,
    SignalStatus,
)
from naober.outreach.triage import update_signal


def _foreign(actor: Actor, people) -> bool:
    return any(p.community_id != actor.community.pk for p in people)


def open_proposals(community) -> list[AgendaItem]:
    """Proposals from earlier meetings that have no decision yet: they come back on the agenda."""
    return list(
        AgendaItem.objects.filter(
            meeting__community=community,
            kind=AgendaKind.PROPOSAL,
            closed=False,
            decisions__isnull=True,
        )
        .order_by("title", "id")
        .distinct()
    )


@transaction.atomic
def create_meeting(actor: Actor, *, held_on: date, place: str = "", attendees=()) -> Meeting:
    """A new meeting with an agenda of every open signal and every open proposal."""
    actor.require(Action.TRIAGE_SIGNALS)
    attendees = list(attendees)
    errors = {}
    place = bounded_text(place, 120, "place", errors=errors)
    if held_on is None or not date(2000, 1, 1) <= held_on <= date(2100, 1, 1):
        errors["held_on"] = [_("Enter the date of the meeting.")]
    if _foreign(actor, attendees):
        errors["attendees"] = [_("Choose members of this community.")]
    if errors:
        raise ValidationError(errors)
    proposals = open_proposals(actor.community)
    meeting = Meeting.objects.create(community=actor.community, held_on=held_on, place=place)
    meeting.attendees.set(attendees)
    signals = (
        Signal.objects.filter(community=actor.community)
        .exclude(status=SignalStatus.CLOSED)
        .order_by("created_at", "id")
    )
    items = [
        AgendaItem(meeting=meeting, kind=AgendaKind.SIGNAL, signal=s, title=s.description[:200])
        for s in signals
    ]
    items += [
        AgendaItem(meeting=meeting, kind=AgendaKind.PROPOSAL, title=p.title) for p in proposals
    ]
    for position, item in enumerate(items, start=1):
        item.position = position
    AgendaItem.objects.bulk_create(items)
    if proposals:
        # The proposal moves to the new meeting; the old item is dealt with by moving it.
        AgendaItem.objects.filter(pk__in=[p.pk for p in proposals]).update(closed=True)
    return meeting


@transaction.atomic
def add_agenda_item(
    actor: Actor, meeting: Meeting, *, title: str, kind: str = AgendaKind.OTHER
) -> AgendaItem:
    actor.require(Action.TRIAGE_SIGNALS)
    title = bounded_text(title, 200, "title")
    if not title:
        raise ValidationError({"title": [_("Fill in the subject.")]})
    if kind not in (AgendaKind.PROPOSAL, AgendaKind.OTHER):
        raise ValidationError({"kind": [_("Choose a proposal or another subject.")]})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk, community=actor.community)
    return AgendaItem.objects.create(
        meeting=meeting, title=title, kind=kind, position=meeting.agenda.count() + 1
    )


@transaction.atomic
def record_decision(
    actor: Actor,
    meeting: Meeting,
    *,
    text: str,
    decided_by=(),
    item: AgendaItem | None = None,
    signals=(),
    action: str = "",
) -> Decision:
    """Keep a decision; a decided action is also set on the signals it concerns."""
    actor.require(Action.TRIAGE_SIGNALS)
    decided_by, signals = list(decided_by), list(signals)
    errors = {}
    text = bounded_text(text, 2000, "text", one_line=False, errors=errors)
    if not text and "text" not in errors:
        errors["text"] = [_("Write down what was decided.")]
    if not decided_by:
        errors["decided_by"] = [_("Choose who decided.")]
    elif _foreign(actor, decided_by):
        errors["decided_by"] = [_("Choose members of this community.")]
    if item is not None and item.meeting_id != meeting.pk:
        errors["item"] = [_("Choose a subject of this meeting.")]
    if any(s.community_id != actor.community.pk for s in signals):
        errors["signals"] = [_("Choose signals of this community.")]
    if (action or "") not in SignalAction.values:
        errors["action"] = [_("Choose what will be done.")]
    if errors:
        raise ValidationError(errors)
    if item is not None and item.signal is not None and item.signal not in signals:
        signals.append(item.signal)
    decision = Decision.objects.create(
        meeting=meeting, item=item, text=text, action=action or "", recorded_by=actor.person
    )
    decision.decided_by.set(decided_by)
    decision.signals.set(signals)
    if item is not None:
        AgendaItem.objects.filter(pk=item.pk).update(closed=True)
    note = _("decided in the meeting of %(date)s") % {"date": meeting.held_on.isoformat()}
    for signal in signals:
        changes = {"action": action} if action else {}
        if signal.status in (SignalStatus.NEW, SignalStatus.DISCUSSING) and action:
            changes["status"] = SignalStatus.IN_PROGRESS
        if changes:
            update_signal(actor, signal, changes, note=note)
    return decision
