"""Background work of the exchange: remind coordinators of a follow-up call when it falls due."""

import logging

from django.db import transaction
from django_tasks import task

from naober.exchange.models import FollowUp
from naober.exchange.selectors import coordinators_of
from naober.notify.services import notify

logger = logging.getLogger(__name__)


@task()
def followup_reminder(followup_id: int) -> bool:
    """Tell the coordinators a follow-up call is due, unless someone already made it.

    Runs at the follow-up's due time; returns whether a reminder was sent. Safe to run twice (a
    worker that died mid-task has it run again): each coordinator's reminder has its own key.
    """
    followup = (
        FollowUp.objects.select_related("match__community")
        .filter(pk=followup_id, done_at__isnull=True)
        .first()
    )
    if followup is None:
        return False
    with transaction.atomic():
        for coordinator in coordinators_of(followup.match.community):
            key = f"followup_due:{followup.pk}:{coordinator.pk}"
            notify(coordinator, "followup_due", {"followup": followup}, key=key)
    return True


def schedule_reminder(followup) -> None:
    """Enqueue the reminder for the follow-up's due time.

    A backend that cannot defer (the immediate one) would remind at once, days too early; then
    nothing is queued and the workbench's list of due follow-ups is the reminder.
    """
    if not followup_reminder.get_backend().supports_defer:
        logger.info("Task backend cannot defer; follow-up %s is listed but not queued", followup.pk)
        return
    followup_reminder.using(run_after=followup.due_at).enqueue(followup.pk)
