"""Pages of the platform administrator (a Django superuser), outside any community."""

from django.urls import path

from naober.setup import views

urlpatterns = [
    path("communities/new/", views.community_create, name="setup_community_create"),
    path(
        "communities/<slug:slug>/administrator/",
        views.administrator_invite,
        name="setup_administrator",
    ),
]
