from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Letting people in: invitations, activation, sign-up, login codes, password reset."""

    name = "naober.accounts"
    verbose_name = _("logins")
