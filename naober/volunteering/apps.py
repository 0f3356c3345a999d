from django.apps import AppConfig


class VolunteeringConfig(AppConfig):
    name = "naober.volunteering"
