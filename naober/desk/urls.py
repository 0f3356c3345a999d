from django.urls import path

from naober.desk import intake, views

app_name = "desk"
urlpatterns = [
    path("desk/", views.desk_page, name="desk"),
    path("desk/intake/", intake.intake, name="intake"),
    path("desk/rota/", views.rota_page, name="rota"),
    path("desk/rota/<int:shift_id>/remove/", views.shift_remove, name="shift_remove"),
    path("desk/calls/", views.call_log, name="calls"),
    path("desk/callbacks/", views.callbacks_page, name="callbacks"),
    path("desk/callbacks/<int:callback_id>/done/", views.callback_done, name="callback_done"),
    path("desk/caller/", views.caller_lookup, name="lookup"),
    path("desk/caller/<int:person_id>/", views.caller_page, name="caller"),
    path("desk/ringing/", views.ringing, name="ringing"),
    path("desk/ringing/<int:call_id>/seen/", views.ringing_seen, name="ringing_seen"),
]
