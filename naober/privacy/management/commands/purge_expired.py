"""`manage.py purge_expired [--dry-run]`: empty free text older than RETENTION_DAYS."""

from django.conf import settings
from django.core.management.base import BaseCommand

from naober.privacy.purge import DEFAULT_RETENTION_DAYS, plan, purge


class Command(BaseCommand):
    help = "Remove the free text of finished requests and visit notes after the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only report what would go")

    def handle(self, *args, dry_run=False, **options):
        days = getattr(settings, "RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
        items = plan() if dry_run else purge()
        verb = "would purge" if dry_run else "purged"
        self.stdout.write(f"Retention period: {days} days")
        for item in items:
            self.stdout.write(f"{item.model}: {verb} {item.count} rows ({', '.join(item.fields)})")
        self.stdout.write(f"Total: {verb} {sum(i.count for i in items)} rows")
