"""Pages under /c/<slug>/: a helper's yes or no (no login), a coordinator's send-out form."""

from django.urls import path

from naober.reach import views

app_name = "reach"
urlpatterns = [
    path("antwoord/<str:token>/", views.answer, name="answer"),
    path("requests/<int:request_id>/callout/", views.send_out, name="send_out"),
    path("settings/call-outs/", views.settings_page, name="settings"),
    path("my-call-outs/", views.my_limit, name="my_limit"),
]
