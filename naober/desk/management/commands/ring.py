"""Play the telephony provider: `manage.py ring demo 0528-123456` posts a signed incoming call
to the running server's webhook, so the desk's "... is calling" notice can be tried without a
phone line."""

import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from naober.desk.telephony import LocalTelephone


class Command(BaseCommand):
    help = "Send a signed incoming-call webhook to the server, as the telephony provider would."

    def add_arguments(self, parser):
        parser.add_argument("community")
        parser.add_argument("number")
        parser.add_argument("--url", default=settings.SITE_URL)

    def handle(self, *args, community, number, url, **options):
        secret = settings.TELEPHONY_WEBHOOK_SECRET
        if not secret:
            raise CommandError("Set TELEPHONY_WEBHOOK_SECRET (the same value as the server's).")
        status = LocalTelephone(url, secret).ring(community, f"local-{uuid.uuid4()}", number)
        self.stdout.write(f"{status}")
