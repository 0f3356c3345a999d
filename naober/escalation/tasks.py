"""The escalation sweep as a background task, for schedulers that enqueue tasks instead of cron."""

from django_tasks import task

from naober.escalation.sweep import sweep


@task()
def escalate() -> int:
    return sweep()
