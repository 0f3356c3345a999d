from django.apps import AppConfig


class VolunteeringConfig(AppConfig):
    name = "naober.volunteering"

    def ready(self) -> None:
        from naober.exchange import integrations
        from naober.volunteering.selectors import vog_concern

        # Proposing a helper shows their certificate of conduct (VOG) state; the exchange sits
        # below this app and calls what is registered here.
        integrations.register(vog_concern=vog_concern)
