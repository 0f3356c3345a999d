from django.apps import AppConfig


class SetupConfig(AppConfig):
    """Setting a community up without a shell: creating it, its settings, categories and areas."""

    name = "naober.setup"
