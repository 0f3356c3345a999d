from django.urls import path

from naober.outreach import views

app_name = "outreach"
urlpatterns = [
    path("walk-lists/", views.walk_list_index, name="walk_lists"),
    path("walk-lists/<int:walk_list_id>/", views.walk_list_detail, name="walk_list"),
    path("walk-lists/<int:walk_list_id>/print/", views.walk_list_print, name="walk_list_print"),
    path("visits/", views.visit_index, name="visits"),
    path("visits/new/", views.visit_create, name="visit_create"),
    path("visits/<int:visit_id>/", views.visit_detail, name="visit"),
    path("signals/new/", views.signal_create, name="signal_create"),
    path("signals/mine/", views.my_signals, name="my_signals"),
    path("signals/", views.triage_board, name="triage"),
    path("signals/<int:signal_id>/", views.signal_detail, name="signal"),
    path("meetings/", views.meeting_index, name="meetings"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting"),
]
