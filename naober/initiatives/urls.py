"""Initiative and budget pages under /c/<slug>/."""

from django.urls import path

from naober.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("initiatives/", views.initiative_list, name="list"),
    path("initiatives/new/", views.initiative_create, name="create"),
    path("initiatives/<int:initiative_id>/", views.initiative_detail, name="detail"),
    path("initiatives/<int:initiative_id>/edit/", views.initiative_edit, name="edit"),
    path("initiatives/<int:initiative_id>/tasks/new/", views.task_add, name="task_add"),
    path("initiatives/<int:initiative_id>/proposals/new/", views.proposal_add, name="proposal_add"),
    path("proposals/<int:proposal_id>/voices/new/", views.voice_add, name="voice_add"),
    path("proposals/<int:proposal_id>/decide/", views.decide, name="decide"),
    path("decisions/<int:decision_id>/payments/new/", views.payment_add, name="payment_add"),
    path("budget/", views.ledger, name="ledger"),
    path("budget/fast-fund/new/", views.fast_fund_add, name="fast_fund_add"),
    path("budget/cash/new/", views.cash_add, name="cash_add"),
    path("budget/export.csv", views.ledger_export, name="export"),
    path("budget/export.xlsx", views.ledger_export_xlsx, name="export_xlsx"),
]
