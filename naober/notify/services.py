"""Writes of notifications. `notify()` is the one entry point other apps call.

    from naober.notify.services import notify
    notify(person, "match_accepted", {"match": match, "shared_contact": "Jan, 06 12345678"})

Events and their context keys are listed in naober/notify/texts.py (EVENTS). `shared_contact` is
only shown for "match_accepted"; the caller passes it after checking consent.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.notify.channels import CHANNELS, channel_for
from naober.notify.models import Message, MessageStatus, new_key
from naober.notify.render import render
from naober.notify.tasks import enqueue_delivery
from naober.notify.texts import EVENTS
from naober.people.models import ContactChannel, Person

SUBJECT_MAX = 200
BODY_MAX = 2000
NOTE_MAX = 500


def _related(context: dict) -> str:
    """A plain-text pointer to what the message is about, such as "match:12"."""
    for key, value in context.items():
        pk = getattr(value, "pk", None)
        if pk is not None:
            return f"{key}:{pk}"[:60]
    return ""


def notify(person: Person, event: str, context: dict, *, key: str = "") -> Message | None:
    """Log a message for `person` on their preferred channel and start its delivery.

    Call it inside the transaction of the change that causes the message: the message row is the
    outbox, so the change and its message are stored together or not at all. Email and SMS are
    sent by the background task once that transaction commits (never before: a rolled-back
    change sends nothing); if the task is lost, the worker's sweep sends it anyway.

    `key` names the message for idempotency, e.g. "followup_due:12:34": a second call with the
    same key returns the message already logged instead of logging another. Without a key every
    call is a new message.
    Returns None for a person whose data was erased (there is nobody left to tell).
    Raises ValueError for an unknown event: that is a programming error, not bad input.
    """
    if event not in EVENTS:
        raise ValueError(f"Unknown notification event {event!r}; known: {sorted(EVENTS)}")
    if person.erased_at is not None:
        return None
    if key and (known := Message.objects.filter(idempotency_key=key).first()):
        return known
    channel = channel_for(person)
    rendered = render(person, event, context, channel)
    handler = CHANNELS[channel]
    message = Message(
        community_id=person.community_id,
        person=person,
        event=event,
        channel=channel,
        language=rendered.language,
        subject=rendered.subject,
        body=rendered.body,
        related=_related(context),
        idempotency_key=key or new_key(),
        due_at=timezone.now() if handler.background else None,
    )
    if not handler.background:
        message.status = handler.deliver(message)
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        known = Message.objects.filter(idempotency_key=message.idempotency_key).first()
        if key and known is not None:  # the same key, logged a moment ago by someone else
            return known
        raise
    if handler.background:
        # robust: a queue that cannot be reached now must not fail the committed change; the
        # sweep sends the message later.
        transaction.on_commit(lambda: enqueue_delivery(message.pk), robust=True)
    return message


def send_custom(actor: Actor, person: Person, *, subject: str, body: str) -> Message:
    """A coordinator's own message to one person, through that person's preferred channel."""
    actor.require(Action.MANAGE_EXCHANGE)
    if person.community_id != actor.community.pk:
        raise ValidationError(_("This person does not belong to this community."))
    subject = " ".join((subject or "").split())
    body = (body or "").strip()
    errors = {}
    if not body:
        errors["body"] = [_("Write a message.")]
    elif len(body) > BODY_MAX:
        errors["body"] = [_("Keep the message under %(max)s characters.") % {"max": BODY_MAX}]
    if len(subject) > SUBJECT_MAX:
        errors["subject"] = [_("Keep the subject under %(max)s characters.") % {"max": SUBJECT_MAX}]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        message = notify(person, "custom", {"subject": subject, "body": body})
    if message is None:
        raise ValidationError(_("This person's data has been erased."))
    return message


@transaction.atomic
def mark_letters_printed(actor: Actor, message_ids: list[int]) -> int:
    """Mark these waiting letters of the actor's community as printed; returns how many."""
    actor.require(Action.MANAGE_EXCHANGE)
    letters = list(
        Message.objects.select_for_update()
        .filter(
            community=actor.community,
            channel=ContactChannel.LETTER,
            status=MessageStatus.QUEUED,
            pk__in=message_ids[:500],
        )
        .values_list("pk", flat=True)
    )
    return Message.objects.filter(pk__in=letters).update(
        status=MessageStatus.PRINTED, sent_at=timezone.now(), handled_by=actor.person
    )


@transaction.atomic
def mark_call_done(actor: Actor, message_id: int, *, note: str = "") -> Message:
    """A coordinator passed the message on by phone or in person; the note says how it went."""
    from django.http import Http404

    actor.require(Action.MANAGE_EXCHANGE)
    note = " ".join((note or "").split())
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {"note": [_("Keep the note under %(max)s characters.") % {"max": NOTE_MAX}]}
        )
    message = (
        Message.objects.select_for_update()
        .filter(
            community=actor.community, pk=message_id, status=MessageStatus.HANDED_TO_COORDINATOR
        )
        .first()
    )
    if message is None:
        raise Http404
    message.status = MessageStatus.SENT
    message.sent_at = timezone.now()
    message.handled_by = actor.person
    message.handled_note = note
    message.save(update_fields=["status", "sent_at", "handled_by", "handled_note"])
    return message
