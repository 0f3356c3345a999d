from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The front desk: who answers the phone when (rota), calls that are not a request, the caller
    look-up by phone number and the telephony provider's incoming-call webhook."""

    name = "naober.desk"
    label = "desk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from naober.desk.selectors import callbacks_due
        from naober.exchange import integrations

        # The workbench lists the call-backs that are due among its queues; the exchange sits
        # below this app and calls what is registered here.
        integrations.register(callbacks_due=callbacks_due)
