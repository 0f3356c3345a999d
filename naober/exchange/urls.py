"""Exchange pages under /c/<slug>/."""

from django.urls import path

from naober.exchange import views

app_name = "exchange"
urlpatterns = [
    path("ask/", views.ask, name="ask"),
    path("requests/", views.request_list, name="requests"),
    path("requests/new/", views.enter, name="enter"),
    path("requests/<int:request_id>/", views.request_detail, name="request_detail"),
    path("requests/<int:request_id>/sent/", views.sent, name="sent"),
    path("requests/<int:request_id>/referred/", views.referred, name="referred"),
    path("requests/<int:request_id>/edit/", views.request_edit, name="request_edit"),
    path("requests/<int:request_id>/cancel/", views.request_cancel, name="request_cancel"),
    path("requests/<int:request_id>/log/", views.request_log, name="request_log"),
    path("requests/<int:request_id>/waiting-list/", views.waiting_list, name="waiting_list"),
    path("offers/", views.offer_list, name="offers"),
    path("offers/new/", views.offer_new, name="offer_new"),
    path("offers/<int:offer_id>/", views.offer_detail, name="offer_detail"),
    path("offers/<int:offer_id>/edit/", views.offer_edit, name="offer_edit"),
    path("offers/<int:offer_id>/accept/", views.offer_accept, name="offer_accept"),
    path("offers/<int:offer_id>/pause/", views.offer_pause, name="offer_pause"),
    path("my-help/", views.my_help, name="my_help"),
    path("matches/<int:match_id>/", views.match_detail, name="match_detail"),
    path("matches/<int:match_id>/step/", views.match_step, name="match_step"),
    path("matches/<int:match_id>/end/", views.match_end, name="match_end"),
    path("matches/<int:match_id>/introduction/", views.match_introduce, name="match_introduce"),
    path("matches/<int:match_id>/review/", views.match_review, name="match_review"),
    path("matches/<int:match_id>/log/", views.match_log, name="match_log"),
    path("workbench/", views.workbench, name="workbench"),
    path("workbench/propose/", views.propose, name="propose"),
    path(
        "workbench/requests/<int:request_id>/suggestions/",
        views.workbench_suggestions,
        name="workbench_suggestions",
    ),
    path("workbench/lookup/", views.lookup, name="lookup"),
    path("workbench/follow-ups/<int:followup_id>/", views.followup, name="followup"),
    path(
        "workbench/follow-ups/<int:followup_id>/offer/",
        views.followup_offer,
        name="followup_offer",
    ),
    path("noticeboard/<int:area_id>/", views.noticeboard, name="noticeboard"),
    path("summary/", views.summary, name="summary"),
]
