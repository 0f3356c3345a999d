from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "naober.privacy"

    def ready(self) -> None:
        """Hand the audit trail's writer and the two-step login rule to the foundation apps below
        privacy (communities.auditing, api.second_factor); load every app's `privacy_topics`
        module: the registry of rows about a person; and check every app's retention list, so
        that a misspelt entry stops the start-up."""
        # Imported here, not at the top: these modules import models, which may not be loaded
        # before the app registry is ready.
        from django.utils.module_loading import autodiscover_modules

        from naober.api import second_factor
        from naober.communities import auditing

        # people_topics registers the person's own topics on import, before any other app's
        # `privacy_topics`: the person, their roles, consents and talents head the export.
        from naober.privacy import audit, people_topics, twofactor  # noqa: F401
        from naober.privacy.purge import registered

        auditing.connect(audit)
        second_factor.connect(twofactor)
        autodiscover_modules("privacy_topics")
        registered()
