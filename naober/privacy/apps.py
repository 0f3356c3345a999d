from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "naober.privacy"

    def ready(self) -> None:
        """Load every app's `privacy_topics` module: the registry of rows about a person."""
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("privacy_topics")
