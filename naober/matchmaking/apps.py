from django.apps import AppConfig


class MatchmakingConfig(AppConfig):
    name = "naober.matchmaking"

    def ready(self) -> None:
        # Keep every process's cached index in step with the database (see cache.py).
        from naober.matchmaking import signals  # noqa: F401
