from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "naober.impact"
