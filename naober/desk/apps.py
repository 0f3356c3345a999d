from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The front desk: who answers the phone when (rota), calls that are not a request, the caller
    look-up by phone number and the telephony provider's incoming-call webhook."""

    name = "naober.desk"
    label = "desk"
    default_auto_field = "django.db.models.BigAutoField"
