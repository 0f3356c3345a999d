"""Impact pages under /c/<slug>/: dashboard, surveys, impact cards, change stories."""

from django.urls import path

from naober.impact.views import cards, dashboard, stories, surveys

app_name = "impact"
urlpatterns = [
    path("impact/", dashboard.dashboard, name="dashboard"),
    path("impact/export.csv", dashboard.dashboard_export, name="export"),
    path("impact/export.xlsx", dashboard.dashboard_export_xlsx, name="export_xlsx"),
    path("impact/surveys/", surveys.survey_list, name="surveys"),
    path("impact/surveys/new/", surveys.survey_create, name="survey_create"),
    path("impact/surveys/<int:survey_id>/", surveys.survey_detail, name="survey"),
    path("impact/surveys/<int:survey_id>/toggle/", surveys.survey_toggle, name="survey_toggle"),
    path("impact/surveys/<int:survey_id>/paper/", surveys.survey_paper, name="survey_paper"),
    path("survey/<str:token>/", surveys.survey_public, name="survey_public"),
    path("impact/cards/new/", cards.card_create, name="card_create"),
    path("impact/cards/<int:card_id>/", cards.card_detail, name="card"),
    path("impact/cards/<int:card_id>/edit/", cards.card_edit, name="card_edit"),
    path("impact/cards/<int:card_id>/card.pdf", cards.card_pdf, name="card_pdf"),
    path("impact/cards/<int:card_id>/figures/new/", cards.figure_add, name="figure_add"),
    path("impact/cards/<int:card_id>/sessions/new/", cards.session_add, name="session_add"),
    path("initiatives/<int:initiative_id>/story/", stories.story, name="story"),
    path(
        "initiatives/<int:initiative_id>/story/outcomes/", stories.outcome_add, name="outcome_add"
    ),
    path(
        "initiatives/<int:initiative_id>/story/outcomes/<int:outcome_id>/indicators/",
        stories.indicator_add,
        name="indicator_add",
    ),
    path(
        "initiatives/<int:initiative_id>/story/indicators/<int:indicator_id>/measurements/",
        stories.measurement_add,
        name="measurement_add",
    ),
]
