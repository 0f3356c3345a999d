"""Background work of reach: SMS asks made in quiet hours are sent in the morning.

Running the task twice sends nothing twice (notify's idempotency key per ask).
"""

from datetime import datetime

from django_tasks import task

# services imports this module as well, to queue the morning send; see there.
from naober.reach import services


@task()
def send_waiting_asks(callout_id: int) -> int:
    return services.send_waiting(callout_id)


def schedule_waiting(callout_id: int, when: datetime) -> None:
    """Queue the morning send; a backend that cannot defer runs it now, which waits anyway."""
    job = send_waiting_asks
    if job.get_backend().supports_defer:
        job = job.using(run_after=when)
    job.enqueue(callout_id)
