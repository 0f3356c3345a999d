"""A period of dates, from a start up to and including an end: one rule for every page, form,
API route and service that takes one.

Every period ends on or after its start. A period asked for figures or an export (`bounded`) also
spans at most three years, so that a query stays small, and lies between the years 2000 and 2200,
so that a mistyped year ("0224") is refused instead of counted.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_DAYS = 3 * 366


def period_errors(start: date | None, end: date | None, *, bounded: bool = True) -> dict:
    """What is wrong with this period, as {"start" or "end": message}; empty when it is right or
    when a date is missing (a missing date is the caller's business: required or open-ended)."""
    if start is None or end is None:
        return {}
    if end < start:
        return {"end": _("The end date cannot be before the start date.")}
    if bounded and (end - start).days > MAX_DAYS:
        return {"end": _("Choose a period of at most three years.")}
    if bounded and not 2000 <= start.year <= end.year <= 2200:
        return {"start": _("Choose dates between the years 2000 and 2200.")}
    return {}


def check_period(
    start: date | None,
    end: date | None,
    *,
    bounded: bool = True,
    fields: tuple[str, str] = ("start", "end"),
) -> None:
    """Raise a ValidationError keyed by the caller's own field names (`fields`: start, end)."""
    names = dict(zip(("start", "end"), fields, strict=True))
    errors = period_errors(start, end, bounded=bounded)
    if errors:
        raise ValidationError({names[key]: [message] for key, message in errors.items()})


class PeriodFormMixin:
    """For a Django form with two date fields named by `period_fields` (start, end)."""

    period_fields: tuple[str, str] = ("start", "end")

    def clean(self):
        cleaned = super().clean()
        start_field, end_field = self.period_fields
        start, end = cleaned.get(start_field), cleaned.get(end_field)
        for key, message in period_errors(start, end).items():
            self.add_error(start_field if key == "start" else end_field, message)
        return cleaned
