"""Reads of the message log, always within the actor's community and for staff only."""

from django.db.models import QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.notify.models import Message, MessageStatus
from naober.people.models import ContactChannel

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


def letters_to_print(actor: Actor) -> QuerySet[Message]:
    """Letters waiting for the printer, oldest first (the order they were written)."""
    actor.require(Action.MANAGE_EXCHANGE)
    return (
        Message.objects.filter(
            community=actor.community, channel=ContactChannel.LETTER, status=MessageStatus.QUEUED
        )
        .select_related("person")
        .order_by("created_at", "id")
    )


def calls_to_make(actor: Actor) -> QuerySet[Message]:
    """Messages a coordinator passes on by phone or in person, oldest first."""
    actor.require(Action.MANAGE_EXCHANGE)
    return (
        Message.objects.filter(
            community=actor.community,
            channel__in=CALL_CHANNELS,
            status=MessageStatus.HANDED_TO_COORDINATOR,
        )
        .select_related("person")
        .order_by("created_at", "id")
    )
