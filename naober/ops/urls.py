"""Operator paths, mounted at the site root (not under a community)."""

from django.urls import path

from naober.ops import views

app_name = "ops"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("ops/metrics", views.metrics_view, name="metrics"),
]
