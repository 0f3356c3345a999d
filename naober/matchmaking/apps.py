from django.apps import AppConfig


class MatchmakingConfig(AppConfig):
    name = "naober.matchmaking"

    def ready(self) -> None:
        # signals: keep every process's cached index in step with the database (see cache.py).
        from naober.exchange import integrations
        from naober.matchmaking import ranking, selectors, signals  # noqa: F401

        # The exchange's request pages and API show the suggested helpers and the wish about
        # the helper, but sit below this app: they call what is registered here.
        integrations.register(
            suggestions=ranking.suggestions, may_change_wish=selectors.may_change_wish
        )
