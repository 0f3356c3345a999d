"""Background delivery: the task is only a prompt to look at the outbox (see delivery.py).

Losing a task loses no message (the sweep finds the row), and running one twice sends nothing
twice (the claim lets one through).
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

# delivery imports this module as well, to queue a retry; see there.
from naober.notify import delivery


@task()
def deliver_message(message_id: int) -> str:
    """Send one queued message; on passing trouble try again later (delivery.MAX_ATTEMPTS).

    Returns the new status (visible in the task result), or "skipped" when there was nothing to do.
    """
    return delivery.deliver(message_id)


def enqueue_delivery(message_id: int, *, delay: timedelta | None = None) -> None:
    """Queue the delivery task, later when the backend can defer (the immediate one cannot)."""
    job = deliver_message
    if delay is not None and job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + delay)
    job.enqueue(message_id)
