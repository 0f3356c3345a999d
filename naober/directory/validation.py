"""Rules for organisation and service data that forms, the API and the CSV import share."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from naober.directory.models import OrganisationKind
from naober.people.models import LifeDomain

# Organisations use short numbers too ("14 0528", "0800-1234"), so this is looser than a person's.
PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{1,18}[0-9]$")
LIMITS = {
    "name": 150,
    "description": 2000,
    "for_whom": 300,
    "where": 200,
    "phone": 30,
    "email": 254,
    "website": 300,
    "address": 200,
    "opening_hours": 300,
    "how_to_reach": 300,
}
ORGANISATION_FIELDS = (
    "name",
    "kind",
    "description",
    "for_whom",
    "where",
    "phone",
    "email",
    "website",
    "address",
    "opening_hours",
    "life_domains",
    "active",
)
SERVICE_FIELDS = (
    "name",
    "description",
    "for_whom",
    "where",
    "how_to_reach",
    "opening_hours",
    "life_domains",
)


def _squash(value) -> str:
    """Trim and collapse spaces in one-line fields; keeps line breaks out of names and numbers."""
    return " ".join(str(value or "").split())


def clean_life_domains(values) -> list[str]:
    cleaned = []
    for value in values or []:
        if value not in LifeDomain.values:
            raise ValidationError(_("Choose life domains from the list."))
        if value not in cleaned:
            cleaned.append(value)
    return cleaned


def clean_website(value: str) -> str:
    value = _squash(value)
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(_("Enter a web address such as www.example.nl.")) from None
    return value


def clean_fields(data: dict, allowed: tuple[str, ...]) -> dict:
    """Normalise the given fields; raises a ValidationError keyed by field for bad values."""
    cleaned: dict = {}
    errors: dict[str, list[str]] = {}
    for field, value in data.items():
        if field not in allowed:
            continue
        try:
            cleaned[field] = _clean_one(field, value)
        except ValidationError as exc:
            errors[field] = exc.messages
    if "name" in cleaned and not cleaned["name"]:
        errors["name"] = [_("Fill in a name.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_one(field: str, value):
    if field == "life_domains":
        return clean_life_domains(value)
    if field == "active":
        return bool(value)
    if field == "kind":
        if value not in OrganisationKind.values:
            raise ValidationError(_("Choose a kind of organisation from the list."))
        return value
    if field == "website":
        value = clean_website(value)
    elif field == "description":
        value = str(value or "").strip()
    else:
        value = _squash(value)
    if len(value) > LIMITS[field]:
        raise ValidationError(_("Use at most %(limit)d characters.") % {"limit": LIMITS[field]})
    if field == "phone" and value and not PHONE_RE.match(value):
        raise ValidationError(_("Enter a phone number with digits only, such as 0528 123456."))
    if field == "email" and value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                _("Enter a valid email address, such as name@example.nl.")
            ) from None
    return value
