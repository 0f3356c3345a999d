from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "naober.initiatives"
