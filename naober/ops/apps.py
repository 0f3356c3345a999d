from django.apps import AppConfig


class OpsConfig(AppConfig):
    """What an operator needs: health and readiness, request ids, metrics, shared counters."""

    name = "naober.ops"
    verbose_name = "Operations"
