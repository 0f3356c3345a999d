from django.apps import AppConfig


class DoorsConfig(AppConfig):
    """Doors without a login on a community's public page: call me back, I want to help, I worry
    about a neighbour, what are you good at. Each door hands what it receives to the app that owns
    the queue (desk, outreach) or keeps it here for the coordinator's review (volunteer sign-ups,
    talents)."""

    name = "naober.doors"
    label = "doors"
    default_auto_field = "django.db.models.BigAutoField"
