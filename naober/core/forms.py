"""Form helpers every app's pages share: the login form and showing a service's errors."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with plain-language labels and browser autofill hints."""

    error_messages = {
        "invalid_login": _("The user name or password is not right. Please try again."),
        "inactive": _("This account has been switched off. Contact your coordinator."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["password"].label = _("Password")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")


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
