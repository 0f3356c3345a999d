"""Background work of matchmaking: a new batch plan after a change (see plans.py for why)."""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from naober.communities.models import Community
from naober.matchmaking import plans
from naober.matchmaking.models import MatchingVersion

logger = logging.getLogger(__name__)

#: Seconds between a change and its new plan: the changes of one action (a proposal saves a
#: match, a request and a follow-up) and of a busy minute at the desk make one plan, not many.
PLAN_DELAY = 2
#: A task queued this long ago that has not started was lost (a worker gone, a backend
#: changed): the next change or visit queues another.
QUEUED_TOO_LONG = timedelta(minutes=10)


@task()
def refresh_plan(community_id: int) -> int:
    """Make the community's plan again unless it is current; returns its number of lines.

    Clears the queued mark first, so that a change during planning queues the next plan.
    """
    MatchingVersion.objects.filter(community_id=community_id).update(plan_queued_at=None)
    community = Community.objects.filter(pk=community_id).first()
    if community is None:
        return 0
    return len(plans.refresh(community).lines)


def waiting(queued_at) -> bool:
    """Whether a plan asked for at `queued_at` is still to be expected."""
    return queued_at is not None and queued_at >= timezone.now() - QUEUED_TOO_LONG


def queue_refresh(community_id: int) -> bool:
    """Ask the task worker for a new plan, unless one is already waiting; whether it asked.

    Call it after the change is committed (``transaction.on_commit``): the worker must see it.
    """
    now = timezone.now()
    claimed = (
        MatchingVersion.objects.filter(community_id=community_id)
        .filter(Q(plan_queued_at__isnull=True) | Q(plan_queued_at__lt=now - QUEUED_TOO_LONG))
        .update(plan_queued_at=now)
    )
    if not claimed:  # one is waiting, or nobody has ranked in this community yet
        return False
    job = refresh_plan
    if job.get_backend().supports_defer:
        job = job.using(run_after=now + timedelta(seconds=PLAN_DELAY))
    job.enqueue(community_id)
    return True
