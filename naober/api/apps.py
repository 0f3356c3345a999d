from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "naober.api"

    def ready(self) -> None:
        # Imported here, not at the top: tokens imports models, which may not be loaded before
        # the app registry is ready.
        from django.conf import settings
        from django.db.models.signals import post_save

        from naober.api.tokens import revoke_on_login_switched_off, revoke_on_password_change
        from naober.communities.signals import login_switched_off

        post_save.connect(
            revoke_on_password_change,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="api_tokens_end_with_password",
        )
        login_switched_off.connect(
            revoke_on_login_switched_off, dispatch_uid="api_tokens_end_with_login"
        )
