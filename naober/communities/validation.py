"""The rules for a community's own fields, written once for the pages, the API and the seed."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from naober.base.text import UNSTORABLE
from naober.communities.models import SelfSignup

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9]$")
MAX_HOURS = 24 * 30

# field: (max length, one line)
TEXT_FIELDS = {
    "name": (120, True),
    "municipality": (120, True),
    "phone": (20, True),
    "email": (254, True),
    "opening_hours": (200, True),
    "outside_hours": (200, True),
    "house_rules": (5000, False),
}


def clean_text(value, limit: int, *, one_line: bool = True) -> str:
    """Trimmed text; refuses what is too long or what no database can store."""
    text = str(value if value is not None else "").strip()
    if UNSTORABLE.search(text):
        raise ValidationError(_("This text contains characters that cannot be stored."))
    if one_line:
        text = " ".join(text.split())
    if len(text) > limit:
        raise ValidationError(
            _("Use at most %(limit)s characters (now %(count)s).")
            % {"limit": limit, "count": len(text)}
        )
    return text


def clean_slug(value) -> str:
    slug = str(value or "").strip().lower()
    if not SLUG_RE.match(slug):
        raise ValidationError(
            _(
                "Use 1 to 60 small letters, digits and dashes, such as hoogeveen-zuid "
                "(no spaces, not starting or ending with a dash)."
            )
        )
    return slug


def clean_settings(data: dict) -> dict:
    """Check every given settings field; raise one ValidationError keyed by field, or return
    the cleaned values. Only the keys present in `data` are checked and returned."""
    cleaned, errors = {}, {}
    for field, value in data.items():
        try:
            cleaned[field] = _clean_field(field, value)
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_field(field: str, value):
    if field in TEXT_FIELDS:
        limit, one_line = TEXT_FIELDS[field]
        text = clean_text(value, limit, one_line=one_line)
        if field in ("name", "municipality") and not text:
            raise ValidationError(_("This field is required."))
        if field == "phone" and text and not PHONE_RE.match(text):
            raise ValidationError(_("Enter a phone number with digits only, such as 0528 123 456."))
        if field == "email" and text:
            validate_email(text)
        return text
    if field == "response_deadline_hours":
        if isinstance(value, bool):
            raise ValidationError(_("Give a whole number of hours."))
        try:
            hours = int(value)
        except (TypeError, ValueError):
            raise ValidationError(_("Give a whole number of hours.")) from None
        if not 1 <= hours <= MAX_HOURS:
            raise ValidationError(
                _("Give a number of hours from 1 to %(max)s.") % {"max": MAX_HOURS}
            )
        return hours
    if field == "self_signup":
        if value not in SelfSignup.values:
            raise ValidationError(_("Choose closed, approval or open."))
        return value
    raise ValidationError(_("This setting does not exist."))
