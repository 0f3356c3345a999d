"""Showing a service's errors on the form they came from: one helper for the pages of every app."""

from django.core.exceptions import ValidationError


def apply_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (others above the form).

    Services raise ValidationError keyed by field for bad input; pages show those messages on the
    form they came from, so the pages of every app use this one helper.
    """
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
