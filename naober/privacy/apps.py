from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "naober.privacy"

    def ready(self) -> None:
        """Load every app's `privacy_topics` module: the registry of rows about a person; and
        check every app's retention list, so that a misspelt entry stops the start-up."""
        from django.utils.module_loading import autodiscover_modules

        from naober.privacy.purge import registered

        autodiscover_modules("privacy_topics")
        registered()
