"""Matching pages under /c/<slug>/."""

from django.urls import path

from naober.matchmaking import views

app_name = "matchmaking"
urlpatterns = [
    path("workbench/plan/", views.plan, name="plan"),
    path("workbench/plan/propose/", views.plan_propose, name="plan_propose"),
    path("workbench/plan/refresh/", views.plan_refresh, name="plan_refresh"),
    path("matching/settings/", views.settings_page, name="settings"),
    path("requests/<int:request_id>/helper-wish/", views.wish, name="wish"),
]
