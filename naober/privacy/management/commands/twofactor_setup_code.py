"""Print a one-time code that lets a login set up its code app (the first superuser, a lost phone).

Whoever can run this already controls the server; everyone else gets their code from an
administrator in the person's "Roles and login" page.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from naober.privacy import twofactor


class Command(BaseCommand):
    help = "Issue a one-time setup code for two-step login (valid 7 days, replaces earlier ones)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active login named {username!r}.")
        code, raw = twofactor.issue_setup_code(user)
        self.stdout.write(f"Setup code for {username}: {raw}")
        self.stdout.write(f"Valid until {code.expires_at:%Y-%m-%d %H:%M} UTC.")
        self.stdout.write(f"Or open: /security/2fa/setup/?code={raw}")
