"""Background task for the nightly retention run (enqueue it from cron or a scheduler)."""

from django_tasks import task

from naober.privacy.purge import purge


@task()
def purge_expired() -> int:
    return sum(item.count for item in purge())
