from django.apps import AppConfig


class EscalationConfig(AppConfig):
    name = "naober.escalation"
