from django.urls import path

from naober.directory import referral_views, views

app_name = "directory"
urlpatterns = [
    path("social-map/", views.search, name="search"),
    path("social-map/new/", views.edit, name="create"),
    path("social-map/import/", views.import_csv, name="import"),
    path("social-map/export/", views.export_csv, name="export"),
    path("social-map/<int:organisation_id>/", views.detail, name="detail"),
    path("social-map/<int:organisation_id>/edit/", views.edit, name="edit"),
    path(
        "social-map/<int:organisation_id>/services/new/", views.service_edit, name="service_create"
    ),
    path(
        "social-map/<int:organisation_id>/services/<int:service_id>/",
        views.service_edit,
        name="service_edit",
    ),
    path("referrals/", referral_views.referral_list, name="referrals"),
    path("referrals/mine/", referral_views.my_referrals, name="my_referrals"),
    path("referrals/out/", referral_views.refer_out, name="refer_out"),
    path("referrals/in/", referral_views.refer_in, name="refer_in"),
    path("referrals/<int:referral_id>/", referral_views.referral_detail, name="referral"),
]
