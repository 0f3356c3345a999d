"""Impact pages under /c/<slug>/: dashboard, surveys, impact cards, change stories."""

from django.urls import path

from naober.impact import views

app_name = "impact"
urlpatterns = [
    path("impact/", views.dashboard, name="dashboard"),
    path("impact/export.csv", views.dashboard_export, name="export"),
    path("impact/export.xlsx", views.dashboard_export_xlsx, name="export_xlsx"),
    path("impact/surveys/", views.survey_list, name="surveys"),
    path("impact/surveys/new/", views.survey_create, name="survey_create"),
    path("impact/surveys/<int:survey_id>/", views.survey_detail, name="survey"),
    path("impact/surveys/<int:survey_id>/toggle/", views.survey_toggle, name="survey_toggle"),
    path("impact/surveys/<int:survey_id>/paper/", views.survey_paper, name="survey_paper"),
    path("survey/<str:token>/", views.survey_public, name="survey_public"),
    path("impact/cards/new/", views.card_create, name="card_create"),
    path("impact/cards/<int:card_id>/", views.card_detail, name="card"),
    path("impact/cards/<int:card_id>/edit/", views.card_edit, name="card_edit"),
    path("impact/cards/<int:card_id>/card.pdf", views.card_pdf, name="card_pdf"),
    path("impact/cards/<int:card_id>/figures/new/", views.figure_add, name="figure_add"),
    path("impact/cards/<int:card_id>/sessions/new/", views.session_add, name="session_add"),
    path("initiatives/<int:initiative_id>/story/", views.story, name="story"),
    path("initiatives/<int:initiative_id>/story/outcomes/", views.outcome_add, name="outcome_add"),
    path(
        "initiatives/<int:initiative_id>/story/outcomes/<int:outcome_id>/indicators/",
        views.indicator_add,
        name="indicator_add",
    ),
    path(
        "initiatives/<int:initiative_id>/story/indicators/<int:indicator_id>/measurements/",
        views.measurement_add,
        name="measurement_add",
    ),
]
