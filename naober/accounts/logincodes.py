"""One-time login codes for residents who cannot keep a password: six digits by SMS or e-mail.

Asking for a code always answers the same, whether or not anyone matched, so the form cannot be
used to find out who has a login. A code lives LOGIN_CODE_MINUTES minutes and survives three
wrong tries; entry is also rate-limited per address by the views.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from naober.accounts import codes, delivery, texts
from naober.accounts.models import LoginCode
from naober.notify.errors import DeliveryError
from naober.people.models import Person
from naober.people.phone import normalise

MAX_ATTEMPTS = 3
PHONE_LIKE = re.compile(r"\+?[0-9][0-9 -]{6,20}")


def _reachable_person(identifier: str) -> Person | None:
    """The person with a login whose user name, e-mail or phone is `identifier`."""
    identifier = " ".join(str(identifier or "").split())[:254]
    if not identifier:
        return None
    people = Person.objects.filter(
        user__isnull=False, user__is_active=True, erased_at__isnull=True
    ).select_related("user", "community")
    match = Q(user__username__iexact=identifier)
    if "@" in identifier:
        match |= Q(email__iexact=identifier)
    elif PHONE_LIKE.fullmatch(identifier):
        match |= Q(phone_digits=normalise(identifier))  # kept by Person.save()
    found = people.filter(match).order_by("pk")
    # A phone or e-mail shared by two logins (a couple) is not enough to pick one.
    users = {p.user_id for p in found[:5]}
    if len(users) != 1:
        return None
    return next((p for p in found if p.email or p.phone), None)


def request_code(identifier: str) -> None:
    """Send a fresh login code to the matching person's e-mail (else phone); silent otherwise."""
    person = _reachable_person(identifier)
    if person is None:
        return
    code = codes.new_digits()
    minutes = settings.LOGIN_CODE_MINUTES
    with transaction.atomic():
        LoginCode.objects.filter(user=person.user, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        LoginCode.objects.create(
            user=person.user,
            code_hash=codes.hash_code(code, "login"),
            expires_at=timezone.now() + timedelta(minutes=minutes),
        )
    outgoing = texts.login_code(code=code, minutes=minutes, language=delivery.language_for(person))
    via = "email" if person.email else "sms"
    try:
        delivery.send(via, email=person.email, phone=person.phone, outgoing=outgoing)
    except DeliveryError:
        # Nothing to tell the anonymous visitor that would not reveal the account; the code
        # simply does not arrive and they can try again or call the desk.
        return


def _user_for(identifier: str):
    person = _reachable_person(identifier)
    return person.user if person is not None else None


def check_code(identifier: str, raw_code: str):
    """The user when this is their newest unused, unexpired code; None otherwise (uses it up)."""
    user = _user_for(identifier)
    if user is None or not codes.normalise(raw_code):
        return None
    with transaction.atomic():
        login_code = (
            LoginCode.objects.select_for_update()
            .filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        if login_code is None:
            return None
        if login_code.code_hash != codes.hash_code(raw_code, "login"):
            login_code.attempts += 1
            if login_code.attempts >= MAX_ATTEMPTS:
                login_code.used_at = timezone.now()
            login_code.save(update_fields=["attempts", "used_at"])
            return None
        login_code.used_at = timezone.now()
        login_code.save(update_fields=["used_at"])
    return get_user_model().objects.get(pk=user.pk)
