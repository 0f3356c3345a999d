"""Reads of the message log, always within the actor's community and for staff only."""

from django.db.models import QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.notify.models import Message, MessageStatus
from naober.people.models import ContactChannel
from naober.people.selectors import record_shown

CALL_CHANNELS = (ContactChannel.PHONE, ContactChannel.VIA_COORDINATOR)


def message_log(
    actor: Actor, *, channel: str = "", status: str = "", person_id: int | None = None
) -> QuerySet[Message]:
    """The community's messages, newest first; unknown filter values are ignored."""
    actor.require(Action.MANAGE_EXCHANGE)
    qs = Message.objects.filter(community=actor.community).select_related("person")
    if channel in ContactChannel.values:
        qs = qs.filter(channel=channel)
    if status in MessageStatus.values:
        qs = qs.filter(status=status)
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    return qs.order_by("-created_at", "-id")


def letters_to_print(actor: Actor, limit: int = 200) -> list[Message]:
    """Letters waiting for the printer, oldest first (the order they were written). Each shows
    its addressee's postal address: one audit entry per person."""
    actor.require(Action.MANAGE_EXCHANGE)
    letters = list(
        Message.objects.filter(
            community=actor.community, channel=ContactChannel.LETTER, status=MessageStatus.QUEUED
        )
        .select_related("person")
        .order_by("created_at", "id")[:limit]
    )
    shown = [m.person for m in letters if m.person and m.person.address]
    record_shown(actor, shown, "letters to print", ["address"])
    return letters


def calls_to_make(actor: Actor, limit: int = 200) -> list[Message]:
    """Messages a coordinator passes on by phone or in person, oldest first. Each shows the
    person's phone number: one audit entry per person with a number shown."""
    actor.require(Action.MANAGE_EXCHANGE)
    calls = list(
        Message.objects.filter(
            community=actor.community,
            channel__in=CALL_CHANNELS,
            status=MessageStatus.HANDED_TO_COORDINATOR,
        )
        .select_related("person")
        .order_by("created_at", "id")[:limit]
    )
    record_shown(
        actor, [m.person for m in calls if m.person and m.person.phone], "calls to make", ["phone"]
    )
    return calls
