"""Two-factor authentication (TOTP, django-otp) for coordinators, administrators and superusers.

Decided strictness: a user with a confirmed device always enters a code after the password (pages)
or sends it as `otp` (POST /api/v1/token). With settings.REQUIRE_2FA_FOR_STAFF (on in production,
off under DEBUG and in tests) every coordinator, administrator and superuser must set up a device
before they can open any page or get a token, and staff tokens issued without a code stop working.

Setting up a device needs a one-time setup code from an administrator (or from
`manage.py twofactor_setup_code` on the server): a password alone never registers a code app.
"""

import base64
import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.communities.models import Membership, Role
from naober.communities.permissions import Action
from naober.communities.roles import require_may_act_on
from naober.people.models import Person
from naober.privacy import audit
from naober.privacy.models import SecondFactorSetupCode

STAFF_ROLES = (Role.COORDINATOR, Role.ADMIN)
COMMUNITY_PATH = re.compile(r"^/c/([-a-zA-Z0-9_]+)/")


def is_staff_user(user) -> bool:
    """Coordinators and administrators anywhere, and every login that may open /beheer/."""
    return (
        user.is_superuser
        or user.is_staff
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


def token_needs_second_factor(user) -> bool:
    """True when an API token of this user is only good if it was issued with a code."""
    return settings.REQUIRE_2FA_FOR_STAFF and is_staff_user(user)


# Setup codes: 12 characters without look-alikes (0/O, 1/I), shown as ABCD-EFGH-JKLM.
SETUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SETUP_CODE_DAYS = 7
SESSION_KEY = "naober_2fa_setup_code"


def _hash(raw: str) -> str:
    """SHA-256 is enough: 60 random bits, expiring, rate-limited at entry."""
    return hashlib.sha256(normalise(raw).encode()).hexdigest()


def normalise(raw: str) -> str:
    return "".join(ch for ch in str(raw).upper() if ch.isalnum())[:32]


@transaction.atomic
def issue_setup_code(user, issued_by=None) -> tuple[SecondFactorSetupCode, str]:
    """A new one-time setup code for `user`; earlier unused codes stop working. Shown once."""
    raw = "".join(secrets.choice(SETUP_ALPHABET) for _ in range(12))
    SecondFactorSetupCode.objects.filter(user=user, used_at__isnull=True).delete()
    code = SecondFactorSetupCode.objects.create(
        user=user,
        code_hash=_hash(raw),
        issued_by=issued_by,
        expires_at=timezone.now() + timedelta(days=SETUP_CODE_DAYS),
    )
    return code, "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def issue_for(actor, person) -> tuple[SecondFactorSetupCode, str]:
    """An administrator gives a member of their community a setup code (audited)."""

    actor.require(Action.MANAGE_LOGINS)
    if person.community_id != actor.community.pk or person.erased_at is not None:
        raise Http404
    require_may_act_on(actor, person)
    if person.user_id is None:
        raise Http404
    issued = issue_setup_code(person.user, issued_by=actor.person)
    audit.record_change(actor, person, "code to set up two-step login issued", ["second_factor"])
    return issued


def allow_setup_after_activation(session, user) -> None:
    """Who just activated an invitation may set up the code app in this session, without a code.

    The invitation's one-time code came from an administrator, exactly like a setup code, and
    whoever held it chose the password: asking for a second code only stranded the first
    administrator of a new community (nobody inside it can issue one yet) and made every invited
    coordinator wait for a second message. Only for a login that owes a setup now.
    """
    if pending_step(user) != "setup":
        return
    code, _raw = issue_setup_code(user)
    session[SESSION_KEY] = code.pk


def setup_code_after_activation(user) -> str | None:
    """The same for an invitation activated through the API: a setup code to answer with, once.

    Without it the API's first administrator of a community held a token that every call refused
    (second factor required) and a setup page that asked for a code nobody could give her.
    """
    if pending_step(user) != "setup":
        return None
    _code, raw = issue_setup_code(user)
    return raw


def usable_setup_code(user, raw: str = "", pk: int | None = None) -> SecondFactorSetupCode | None:
    """The unused, unexpired setup code of `user` with this text (or this id), else None."""
    codes = SecondFactorSetupCode.objects.filter(
        user=user, used_at__isnull=True, expires_at__gt=timezone.now()
    )
    if pk is not None:
        return codes.filter(pk=pk).first()
    return codes.filter(code_hash=_hash(raw)).first() if normalise(raw) else None


@transaction.atomic
def confirm_device(user, device: TOTPDevice, setup_code: SecondFactorSetupCode) -> bool:
    """Use up the setup code and turn the new device on; other devices of the user stop.

    False when the code was used or expired meanwhile (another tab, another person).
    """
    code = (
        SecondFactorSetupCode.objects.select_for_update()
        .filter(pk=setup_code.pk, user=user, used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if code is None:
        return False
    code.used_at = timezone.now()
    code.save(update_fields=["used_at"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True
