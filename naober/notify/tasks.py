"""Background delivery with retries: a gateway that is down today must not lose a message."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from naober.notify.channels import CHANNELS
from naober.notify.errors import DeliveryError
from naober.notify.models import Message, MessageStatus

MAX_ATTEMPTS = 4
# Wait before attempt 2, 3 and 4.
BACKOFF = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30)]


@task()
def deliver_message(message_id: int) -> str:
    """Send one queued message; on passing trouble try again later, at most MAX_ATTEMPTS times.

    The row is locked while sending so that two workers never send the same message twice.
    Returns the new status (visible in the task result).
    """
    retry_after = None
    with transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .select_related("person", "community")
            .filter(pk=message_id, status=MessageStatus.QUEUED)
            .first()
        )
        if message is None:
            return "skipped"
        message.attempts += 1
        try:
            message.status = CHANNELS[message.channel].deliver(message)
        except DeliveryError as error:
            message.last_error = str(error)[:500]
            if error.retryable and message.attempts < MAX_ATTEMPTS:
                retry_after = BACKOFF[message.attempts - 1]
            else:
                message.status = MessageStatus.FAILED
        else:
            message.last_error = ""
            if message.status == MessageStatus.SENT:
                message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    if retry_after is not None:
        enqueue_delivery(message_id, delay=retry_after)
    return message.status


def enqueue_delivery(message_id: int, *, delay: timedelta | None = None) -> None:
    """Queue the delivery task, later when the backend can defer (the immediate one cannot)."""
    job = deliver_message
    if delay is not None and job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + delay)
    job.enqueue(message_id)
