from django.urls import path

from naober.people import views

app_name = "people"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("people/", views.person_list, name="list"),
    path("people/new/", views.person_create, name="create"),
    path("people/<int:person_id>/", views.person_detail, name="detail"),
    path("people/<int:person_id>/edit/", views.person_edit, name="edit"),
    path("people/<int:person_id>/tags/", views.person_tag_add, name="tag_add"),
    path(
        "people/<int:person_id>/tags/<int:tag_id>/remove/",
        views.person_tag_remove,
        name="tag_remove",
    ),
]
