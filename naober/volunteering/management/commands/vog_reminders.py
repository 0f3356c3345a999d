"""`manage.py vog_reminders`: tell coordinators which certificates of conduct expire soon.

Run it from cron, or enqueue `naober.volunteering.tasks.vog_reminders` for the task worker.
"""

from django.core.management.base import BaseCommand

from naober.communities.models import Community
from naober.volunteering.services import send_vog_reminders


class Command(BaseCommand):
    help = "Remind coordinators of certificates of conduct (VOG) that are about to become too old."

    def add_arguments(self, parser):
        parser.add_argument("--community", help="Only this community (its short name).")

    def handle(self, *args, community=None, **options):
        communities = Community.objects.all()
        if community:
            communities = communities.filter(slug=community)
        told = sum(send_vog_reminders(c) for c in communities)
        self.stdout.write(f"{told} coordinators reminded")
