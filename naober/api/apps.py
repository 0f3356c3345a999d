from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "naober.api"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import post_save

        from naober.api.tokens import revoke_on_password_change

        post_save.connect(
            revoke_on_password_change,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="api_tokens_end_with_password",
        )
