from django.urls import path

from naober.doors import views

app_name = "doors"
urlpatterns = [
    path("doors/talent/paper/", views.talent_paper, name="talent_paper"),
    path("doors/volunteers/", views.signups, name="signups"),
    path("doors/talents/", views.talents, name="talents"),
    path("doors/<slug:door>/", views.door, name="door"),
    path("doors/<slug:door>/thanks/", views.thanks, name="thanks"),
]
