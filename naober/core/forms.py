"""The site's login form (a service's errors on any form: naober/base/forms.py)."""

from django.contrib.auth.forms import AuthenticationForm
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
