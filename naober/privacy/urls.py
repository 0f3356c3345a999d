from django.urls import path

from naober.privacy import views, views_2fa, views_access

app_name = "privacy"
urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/erase/", views.my_erase, name="my_erase"),
    path("people/<int:person_id>/data/", views.person_data, name="person_data"),
    path("people/<int:person_id>/erase/", views.person_erase, name="person_erase"),
    path("audit/", views.audit_log, name="audit_log"),
    path("people/<int:person_id>/access/", views_access.person_access, name="person_access"),
    path(
        "people/<int:person_id>/access/setup-code/",
        views_access.person_setup_code,
        name="person_setup_code",
    ),
    path(
        "people/<int:person_id>/access/revoke/",
        views_access.person_revoke_tokens,
        name="person_revoke_tokens",
    ),
    path(
        "people/<int:person_id>/access/login/",
        views_access.person_login_active,
        name="person_login_active",
    ),
    path("security/2fa/setup/", views_2fa.setup, name="2fa_setup"),
    path("security/2fa/verify/", views_2fa.verify, name="2fa_verify"),
]
