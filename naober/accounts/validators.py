"""Password rules in plain Dutch.

Django 5.2's Dutch catalogue lacks the new wording of the minimum-length message, so residents
read it in English; this subclass says the same in our own catalogue. Registered in
settings.AUTH_PASSWORD_VALIDATORS, so activation, password reset and the admin all use it.
"""

from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLength
from django.utils.translation import ngettext


class MinimumLengthValidator(DjangoMinimumLength):
    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min)d character.",
            "This password is too short: use at least %(min)d characters.",
            self.min_length,
        ) % {"min": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Use at least %(min)d character.",
            "Use at least %(min)d characters.",
            self.min_length,
        ) % {"min": self.min_length}
