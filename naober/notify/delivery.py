"""The outbox: how a logged message gets out exactly once, without blocking anybody.

A Message row is written in the same transaction as the change that causes it (notify()), with
status "queued" and a due time. Its delivery task is enqueued when that transaction commits; if
that hook is lost (a crash, the database gone a moment later), `sweep()` finds the row anyway.

Delivering one message is three short steps, and no transaction or row lock is held in between:

1. claim: one conditional UPDATE moves it from "queued" to "sending" with the claim time; only
   one worker can win it;
2. send: the channel talks to the mail server or SMS gateway, bounded by its timeout;
3. record: a conditional UPDATE writes the outcome, first thing after the send, and is retried
   while the database is briefly away, so that a delivered message is never sent again.

A worker killed between 1 and 3 leaves the message "sending"; after WORKER_RECLAIM_AFTER seconds
`sweep()` puts it back in the queue. It is then handed over again with the same idempotency key,
which the SMS gateway uses to send it only once (and e-mail carries as its Message-ID). Passing
trouble is retried after 1, 5 and 30 minutes; then the message is "failed" with the reason, for
a coordinator to see in the message log.
"""

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connection
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

# tasks imports this module as well: its task runs deliver(), which queues the task again. Both
# import the module, not its names, so either may be loaded first.
from naober.notify import tasks
from naober.notify.channels import CHANNELS
from naober.notify.errors import DeliveryError
from naober.notify.models import Message, MessageStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
# Wait before attempt 2, 3 and 4.
BACKOFF = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30)]
BACKGROUND = [name for name, channel in CHANNELS.items() if channel.background]
# Waits (seconds) between tries to record an outcome while the database is away.
RECORD_RETRIES = (0.5, 1, 2, 4, 8, 15, 30)
SWEEP_BATCH = 500


def reclaim_after() -> timedelta:
    """How long a claim or a due time may lie in the past before the sweep acts on it."""
    return timedelta(seconds=float(getattr(settings, "WORKER_RECLAIM_AFTER", 120)))


@dataclass(frozen=True)
class Outcome:
    status: str
    retry_after: timedelta | None = None


def claim(message_id: int) -> Message | None:
    """Take a queued message for sending (one UPDATE, committed at once); None if another worker
    has it, it was sent already, or it is not a background message."""
    now = timezone.now()
    taken = Message.objects.filter(
        pk=message_id, status=MessageStatus.QUEUED, channel__in=BACKGROUND
    ).update(status=MessageStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not taken:
        return None
    return Message.objects.select_related("person").get(pk=message_id)


def send(message: Message) -> Outcome:
    """Hand the claimed message to its channel; every failure becomes an outcome, never a crash."""
    try:
        status = CHANNELS[message.channel].deliver(message)
    except DeliveryError as error:
        return _failure(message, error)
    except Exception as error:  # noqa: BLE001 (an unforeseen failure must not leave it "sending")
        logger.exception("Delivery of message %s failed unexpectedly", message.pk)
        return _failure(message, DeliveryError(_("unexpected error"), detail=repr(error)))
    return Outcome(status)


def _failure(message: Message, error: DeliveryError) -> Outcome:
    with translation.override(settings.LANGUAGE_CODE):
        reason = error.text()
    message.last_error = reason
    if error.retryable and message.attempts < MAX_ATTEMPTS:
        return Outcome(MessageStatus.QUEUED, BACKOFF[message.attempts - 1])
    return Outcome(MessageStatus.FAILED)


def record(message: Message, outcome: Outcome) -> bool:
    """Write the outcome of this worker's claim; False if the claim was taken over meanwhile.

    Retried while the database is away (a restart takes seconds): an unrecorded success would be
    sent again after the reclaim timeout."""
    now = timezone.now()
    changes = {"status": outcome.status, "claimed_at": None}
    if outcome.status == MessageStatus.QUEUED:
        changes.update(last_error=message.last_error, due_at=now + outcome.retry_after)
    elif outcome.status == MessageStatus.FAILED:
        changes.update(last_error=message.last_error, due_at=None)
    else:
        changes.update(last_error="", due_at=None, sent_at=now)
    mine = Message.objects.filter(
        pk=message.pk, status=MessageStatus.SENDING, claimed_at=message.claimed_at
    )
    for wait in (*RECORD_RETRIES, None):
        try:
            return bool(mine.update(**changes))
        except (OperationalError, InterfaceError):
            if wait is None:
                raise
            logger.warning("Database away recording message %s; again in %ss", message.pk, wait)
            time.sleep(wait)
            if not connection.in_atomic_block:  # the worker runs in autocommit; tests may not
                close_old_connections()
    return False  # not reached: the last try raises


def deliver(message_id: int) -> str:
    """Claim, send and record one message; returns its new status ("skipped" if not claimed)."""
    message = claim(message_id)
    if message is None:
        return "skipped"
    outcome = send(message)
    if not record(message, outcome):
        return "skipped"
    if outcome.retry_after is not None:
        tasks.enqueue_delivery(message_id, delay=outcome.retry_after)
    return outcome.status


def sweep(now: datetime | None = None) -> int:
    """Put back what a lost task or a dead worker left behind; returns how many were re-queued.

    - "sending" whose claim is older than the reclaim time: the worker died mid-send. Queued
      again (or "failed" once it has had all its attempts: a message that kills its worker must
      not do so for ever).
    - "queued" whose due time is that far past: its task was lost. Its task is enqueued again
      and its due time moved to now, so the next sweep leaves it alone for a while.
    """
    now = now or timezone.now()
    stale = now - reclaim_after()
    with translation.override(settings.LANGUAGE_CODE):
        gave_up = str(_("sending was interrupted too often"))
    Message.objects.filter(
        status=MessageStatus.SENDING, claimed_at__lt=stale, attempts__gte=MAX_ATTEMPTS
    ).update(status=MessageStatus.FAILED, claimed_at=None, due_at=None, last_error=gave_up)
    Message.objects.filter(status=MessageStatus.SENDING, claimed_at__lt=stale).update(
        status=MessageStatus.QUEUED, claimed_at=None, due_at=stale
    )
    lost = list(
        Message.objects.filter(status=MessageStatus.QUEUED, channel__in=BACKGROUND)
        .filter(Q(due_at__lte=stale) | Q(due_at__isnull=True, created_at__lte=stale))
        .order_by("due_at", "id")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    requeued = 0
    for pk in lost:
        if Message.objects.filter(pk=pk, status=MessageStatus.QUEUED).update(due_at=now):
            tasks.enqueue_delivery(pk)
            requeued += 1
    if requeued:
        logger.warning("Outbox sweep: %s message(s) queued again", requeued)
    return requeued
