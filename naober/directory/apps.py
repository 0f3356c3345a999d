from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "naober.directory"

    def ready(self):
        # Who may see whose person card is the people app's rule; this app says which of its
        # rows join two people (see naober.people.access).
        from naober.directory.selectors import joined_people
        from naober.directory.services import refer_request
        from naober.exchange import integrations
        from naober.people.access import register_join

        register_join("directory", joined_people)
        # The exchange refers a request neighbours cannot help with through the social map.
        integrations.register(refer_request=refer_request)
