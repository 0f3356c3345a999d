from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "naober.outreach"

    def ready(self):
        # Who may see whose person card is the people app's rule; this app says which of its
        # rows join two people (see naober.people.access).
        from naober.outreach.selectors import joined_people
        from naober.people.access import register_join

        register_join("outreach", joined_people)
