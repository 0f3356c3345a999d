"""Run the escalation sweep once; schedule it every five minutes (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from naober.escalation.sweep import sweep


class Command(BaseCommand):
    help = "Raise unanswered requests to the coordinators before the answer promise breaks."

    def handle(self, *args, **options):
        sent = sweep()
        self.stdout.write(f"escalation: {sent} messages")
