from django.apps import AppConfig


class ReachConfig(AppConfig):
    """Reach (issue 15): a request sent out to fitting helpers at once (uitzetten); each answers
    yes or no through a link that needs no login or an SMS reply code, and the first yes wins."""

    name = "naober.reach"
    label = "reach"
    default_auto_field = "django.db.models.BigAutoField"
