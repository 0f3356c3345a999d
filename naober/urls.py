"""URLs: pages per app under /c/<slug>/, the API under /api/v1/, auth under /accounts/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from naober.api.api import api
from naober.apps_registry import modules_named
from naober.core import views as core_views
from naober.core.forms import LoginForm
from naober.privacy import views_2fa

community_patterns = [
    path("", core_views.community_home, name="community_home"),
    *(path("", include(module)) for module in modules_named("urls")),
]

urlpatterns = [
    path("", core_views.landing, name="home"),
    path("c/<slug:slug>/", include(community_patterns)),
    path("platform/", include("naober.setup.platform_urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            template_name="core/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("naober.accounts.public_urls")),
    # Two-step login for a login that belongs to no community (a platform superuser).
    path("security/2fa/setup/", views_2fa.setup_anywhere, name="2fa_setup"),
    path("security/2fa/verify/", views_2fa.verify_anywhere, name="2fa_verify"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("beheer/", admin.site.urls),
    path("", include("naober.ops.urls")),
]

handler404 = "naober.core.views.error_404"
handler403 = "naober.core.views.error_403"
handler500 = "naober.ops.errors.server_error"
