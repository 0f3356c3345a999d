from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "naober.core"

    def ready(self):
        # In ready(): home_cache imports the models it watches, loadable only once apps are.
        from naober.core import home_cache

        home_cache.connect()
