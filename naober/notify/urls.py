from django.urls import path

from naober.notify import views

app_name = "notify"
urlpatterns = [
    path("messages/", views.message_log, name="log"),
    path("messages/person/<int:person_id>/", views.person_history, name="person"),
    path("messages/person/<int:person_id>/send/", views.send_message, name="send"),
    path("messages/letters/", views.letters, name="letters"),
    path("messages/calls/", views.calls, name="calls"),
    path("messages/calls/<int:message_id>/done/", views.call_done, name="call_done"),
]
