"""The one row the site layer keeps: the public home's version per community (issue 16.5)."""

import secrets

from django.db import models

from naober.communities.models import Community


def fresh_version() -> int:
    """A random start, so that a process's cache never mistakes a re-created community (the same
    id after a restore, or in a test database) for the one it cached."""
    return secrets.randbits(52)


class HomeVersion(models.Model):
    """Bumped by every change to what a community's public home shows (naober.core.home_cache).

    It lives in the database, not in a process's cache, so that every server process reads the
    same number (one primary-key query a visit) and shows a change on its very next visit.
    """

    community = models.OneToOneField(
        Community, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.BigIntegerField(default=fresh_version)

    def __str__(self) -> str:
        return f"{self.community_id}: {self.version}"
