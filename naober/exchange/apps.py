from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "naober.exchange"

    def ready(self):
        # Who may see whose person card is the people app's rule; this app says which of its
        # rows join two people (see naober.people.access).
        from naober.communities.signals import community_created
        from naober.exchange.selectors import joined_people
        from naober.exchange.services import ensure_default_categories
        from naober.people.access import register_join

        register_join("exchange", joined_people)
        # Every new community starts with the standard categories (naober.communities.signals).
        community_created.connect(
            lambda sender, community, **kwargs: ensure_default_categories(community),
            weak=False,
            dispatch_uid="exchange.default_categories",
        )
