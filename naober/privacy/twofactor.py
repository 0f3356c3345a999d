"""Two-factor authentication (TOTP, django-otp) for coordinators and administrators.

Decided strictness: a user with a confirmed device always enters a code after the password. With
settings.REQUIRE_2FA_FOR_STAFF (on in production, off under DEBUG and in tests) every coordinator
and administrator must set up a device before they can open any page.
"""

import base64
import re

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.communities.models import Membership, Role
from naober.people.models import Person

STAFF_ROLES = (Role.COORDINATOR, Role.ADMIN)
COMMUNITY_PATH = re.compile(r"^/c/([-a-zA-Z0-9_]+)/")


def is_staff_user(user) -> bool:
    return (
        user.is_superuser
        or Membership.objects.filter(
            person__user=user, person__erased_at__isnull=True, role__in=STAFF_ROLES
        ).exists()
    )


def pending_step(user) -> str | None:
    """'verify' or 'setup' when this logged-in user still owes a second factor, else None."""
    if user_has_device(user, confirmed=True):
        return "verify"
    if settings.REQUIRE_2FA_FOR_STAFF and is_staff_user(user):
        return "setup"
    return None


def community_for(user, path: str) -> str | None:
    """The community whose pages host the two-factor step: the one in the path, else the user's."""
    people = Person.objects.filter(user=user, erased_at__isnull=True)
    match = COMMUNITY_PATH.match(path)
    if match and people.filter(community__slug=match.group(1)).exists():
        return match.group(1)
    first = people.select_related("community").order_by("pk").first()
    return first.community.slug if first else None


def unconfirmed_device(user) -> TOTPDevice:
    """The device being set up: reused on reload, so the secret shown stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Naober", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32 groups of four, to type into an authenticator app."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
