"""Pages under /accounts/ that belong to no community: activation, login codes, password reset,
and where a login lands. Mounted by naober/urls.py next to Django's login and logout."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from naober.accounts import views
from naober.accounts.forms import NaoberPasswordResetForm, NaoberSetPasswordForm
from naober.privacy.ratelimit import rate_limited

urlpatterns = [
    path("after-login/", views.after_login, name="after_login"),
    path("activate/", views.activate, name="activate"),
    path("login-code/", views.login_code_request, name="login_code"),
    path("login-code/enter/", views.login_code_enter, name="login_code_enter"),
    path(
        "password-reset/",
        rate_limited("public_form")(
            auth_views.PasswordResetView.as_view(
                form_class=NaoberPasswordResetForm,
                template_name="accounts/password_reset_form.html",
                email_template_name="accounts/password_reset_email.txt",
                subject_template_name="accounts/password_reset_subject.txt",
                success_url=reverse_lazy("password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        rate_limited("code")(
            auth_views.PasswordResetConfirmView.as_view(
                form_class=NaoberSetPasswordForm,
                template_name="accounts/password_reset_confirm.html",
                success_url=reverse_lazy("password_reset_complete"),
            )
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
