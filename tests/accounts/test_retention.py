"""Sign-ups lose what the person typed after the retention period; waiting ones keep it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from naober.accounts.models import JoinRequest, JoinStatus
from naober.privacy.purge import purge

pytestmark = pytest.mark.django_db


def sign_up(community, status):
    return JoinRequest.objects.create(
        community=community,
        name="Kees Jansen",
        email="kees@voorbeeld.nl",
        address="Kerkstraat 8",
        wants=["ask"],
        accepted_rules_at=timezone.now(),
        status=status,
    )


def test_old_decided_and_unconfirmed_sign_ups_are_emptied(community, settings):
    settings.RETENTION_DAYS = 30
    old = [sign_up(community, s) for s in (JoinStatus.UNVERIFIED, JoinStatus.REJECTED)]
    waiting = sign_up(community, JoinStatus.PENDING)
    recent = sign_up(community, JoinStatus.REJECTED)
    JoinRequest.objects.exclude(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=31))
    purge()
    for row in old:
        row.refresh_from_db()
        assert (row.name, row.email, row.address) == ("", "", "")
    for row in (waiting, recent):
        row.refresh_from_db()
        assert row.email == "kees@voorbeeld.nl"
