"""Rules about a person's data that forms and the API share, so both refuse the same input."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from naober.people.models import ContactChannel

PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9]$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
# The contact detail each preferred channel needs in order to work.
CHANNEL_FIELD = {
    ContactChannel.EMAIL: "email",
    ContactChannel.SMS: "phone",
    ContactChannel.PHONE: "phone",
    ContactChannel.LETTER: "address",
}


def clean_phone(value: str) -> str:
    value = (value or "").strip()
    if value and not PHONE_RE.match(value):
        raise ValidationError(_("Enter a phone number with digits only, such as 06 12345678."))
    return value


def clean_languages(values: list[str]) -> list[str]:
    cleaned = []
    for value in values or []:
        code = str(value).strip().lower()
        if not LANGUAGE_RE.match(code):
            raise ValidationError(_("Use language codes such as nl, en, tr or ar."))
        if code not in cleaned:
            cleaned.append(code)
    if len(cleaned) > 10:
        raise ValidationError(_("Give at most ten languages."))
    return cleaned


def clean_date_of_birth(value: date | None) -> date | None:
    if value is not None and not (date(1900, 1, 1) <= value <= date.today()):
        raise ValidationError(_("Enter a date of birth between 1900 and today."))
    return value


def check_reachable(data: dict) -> None:
    """A person must be reachable somehow, and their preferred channel must actually work.

    Raises a ValidationError keyed by field, so a form shows the message next to the right field.
    """
    errors: dict[str, str] = {}
    phone, email = data.get("phone"), data.get("email")
    address = data.get("address")
    via = data.get("reachable_via_coordinator") or (
        data.get("preferred_channel") == ContactChannel.VIA_COORDINATOR
    )
    if not (phone or email or address or via):
        errors["phone"] = _(
            "Give a phone number, an email address or a postal address, "
            "or tick 'reachable only through the coordinator'."
        )
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Enter a valid email address, such as name@example.nl.")
    channel = data.get("preferred_channel")
    needs = {
        ContactChannel.EMAIL: ("email", _("Give an email address to be contacted by email.")),
        ContactChannel.SMS: ("phone", _("Give a phone number to receive text messages.")),
        ContactChannel.PHONE: ("phone", _("Give a phone number to be called.")),
        ContactChannel.LETTER: ("address", _("Give a postal address to receive letters.")),
    }
    if channel in needs and "phone" not in errors and not via:
        field, message = needs[channel]
        if not data.get(field):
            errors.setdefault(field, message)
    if errors:
        raise ValidationError(errors)


def default_channel(data: dict) -> str:
    """The channel for someone registered without one: the first way given to reach them.

    The API's contract needs only a name and one way to reach them (shared/API.md); a person
    given only an address would otherwise get "phone call" and be refused for lacking a phone.
    """
    for field, channel in (
        ("phone", ContactChannel.PHONE),
        ("email", ContactChannel.EMAIL),
        ("address", ContactChannel.LETTER),
    ):
        if data.get(field):
            return channel
    return ContactChannel.PHONE  # no way given: check_reachable refuses, or via the coordinator


def effective_channel(data: dict) -> str:
    """The channel to store: 'through the coordinator' when that is the only way that works.

    Someone registered with a name and the box 'reachable only through the coordinator' keeps the
    form's default channel (a phone call) without a phone number; storing that would send
    reminders nowhere.
    """
    channel = data.get("preferred_channel")
    field = CHANNEL_FIELD.get(channel)
    if data.get("reachable_via_coordinator") and field and not data.get(field):
        return ContactChannel.VIA_COORDINATOR
    return channel
