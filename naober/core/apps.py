from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "naober.core"

    def ready(self):
        from naober.core import home_cache

        home_cache.connect()
