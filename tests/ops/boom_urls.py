"""Views that fail on purpose, for the error-page tests (mounted with pytest.mark.urls)."""

from django.db import OperationalError
from django.urls import path

from naober.urls import urlpatterns as site


def boom(request):
    raise RuntimeError("a bug")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


urlpatterns = [
    path("boom/", boom),
    path("gone/", database_gone),
    path("api/v1/gone", database_gone),
    path("api/v1/boom", boom),
    *site,
]
handler500 = "naober.ops.errors.server_error"
