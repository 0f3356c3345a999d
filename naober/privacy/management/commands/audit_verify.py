"""`manage.py audit_verify [--community slug]`: check the audit chains; exit 1 at a break."""

import sys

from django.core.management.base import BaseCommand, CommandError

from naober.communities.models import Community
from naober.privacy.verify import verify_chain


class Command(BaseCommand):
    help = "Check that nobody changed, removed or reordered entries of the audit trail."

    def add_arguments(self, parser):
        parser.add_argument("--community", help="only this community (its short name)")

    def handle(self, *args, community=None, **options):
        communities = Community.objects.order_by("slug")
        if community:
            communities = communities.filter(slug=community)
            if not communities.exists():
                raise CommandError(f"No community with short name {community!r}.")
        broken = False
        for item in communities:
            report = verify_chain(item)
            if report.ok:
                self.stdout.write(f"{item.slug}: {report.checked} entries, chain intact")
            else:
                broken = True
                self.stderr.write(
                    f"{item.slug}: BROKEN at entry {report.broken_seq}: {report.reason} "
                    f"({report.checked} entries before it are intact)"
                )
        if broken:
            sys.exit(1)
