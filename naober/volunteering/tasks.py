"""Background work for volunteers: the VOG reminder, run by the task worker (for example weekly)."""

from django_tasks import task

from naober.communities.models import Community
from naober.volunteering.services import send_vog_reminders


@task()
def vog_reminders() -> int:
    """Remind the coordinators of every community of certificates that are about to expire."""
    return sum(send_vog_reminders(community) for community in Community.objects.all())
