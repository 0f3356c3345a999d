from django.urls import path

from naober.volunteering import views

app_name = "volunteering"
urlpatterns = [
    path("volunteers/", views.overview, name="overview"),
    path("volunteers/<int:profile_id>/", views.profile, name="profile"),
]
