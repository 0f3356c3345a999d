from django.urls import path

from naober.setup import views

app_name = "setup"
urlpatterns = [
    path("settings/", views.settings_page, name="settings"),
    path("people/invite/", views.invite_member_page, name="invite"),
    path("settings/categories/", views.categories_page, name="categories"),
    path("settings/categories/<slug:code>/", views.category_edit, name="category_edit"),
    path("settings/categories/<slug:code>/move/", views.category_move, name="category_move"),
    path("settings/areas/", views.areas_page, name="areas"),
    path("settings/areas/import/", views.areas_import, name="areas_import"),
    path("settings/areas/export.csv", views.areas_export, name="areas_export"),
]
