"""Pages under /c/<slug>/: inviting a person, signing up, the coordinators' sign-up queue."""

from django.urls import path

from naober.accounts import views

app_name = "accounts"
urlpatterns = [
    path("people/<int:person_id>/invite/", views.invite, name="invite"),
    path("people/<int:person_id>/invite/withdraw/", views.revoke, name="revoke"),
    path("join/", views.join, name="join"),
    path("join/sent/", views.join_sent, name="join_sent"),
    path("join/verify/", views.join_verify, name="join_verify"),
    path("join-requests/", views.join_requests, name="join_requests"),
    path(
        "join-requests/<int:join_id>/approve/",
        views.join_request_approve,
        name="join_request_approve",
    ),
    path(
        "join-requests/<int:join_id>/reject/",
        views.join_request_reject,
        name="join_request_reject",
    ),
]
