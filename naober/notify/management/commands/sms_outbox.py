"""Show the local SMS stand-in's outbox ("SMS-uitbak"): what would have reached phones.

Only meaningful with SMS_BACKEND="local" (the demo and development); a real gateway keeps its own
records.
"""

from django.core.management.base import BaseCommand

from naober.notify.models import SmsOutbox


class Command(BaseCommand):
    help = "List the newest text messages recorded by the local SMS gateway."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--clear", action="store_true", help="empty the outbox afterwards")

    def handle(self, *args, limit: int, clear: bool, **options):
        texts = list(SmsOutbox.objects.order_by("-sent_at", "-id")[: max(1, min(limit, 1000))])
        if not texts:
            self.stdout.write("The SMS outbox is empty.")
        for sms in reversed(texts):
            self.stdout.write(
                f"{sms.sent_at:%Y-%m-%d %H:%M}  {sms.sender} → {sms.to}  "
                f"({len(sms.text)} chars)\n  {sms.text}"
            )
        if clear:
            SmsOutbox.objects.all().delete()
