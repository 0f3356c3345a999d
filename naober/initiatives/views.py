"""Pages for initiatives (project cards) and the budget ledger under /c/<slug>/."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naober.base.exports import csv_response, xlsx_response
from naober.base.pages import on_form, page
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.initiatives import forms, selectors, services
from naober.initiatives.money import euro

EXPORT_HEADER = [
    "kind",
    "decision",
    "date",
    "initiative",
    "purpose",
    "outcome",
    "asked",
    "amount",
    "reference",
]


def form_page(request, actor, form, *, title: str, back: str, intro: str = ""):
    return page(
        request, actor, "initiatives/form.html", form=form, title=title, intro=intro, back=back
    )


def form_flow(request, actor, form, save, *, message: str, back: str, title: str, intro: str = ""):
    """GET shows the form; a valid POST runs `save(cleaned_data)` and goes back to `back`."""
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: save(form.cleaned_data))
    ):
        messages.success(request, message)
        return redirect(back)
    return form_page(request, actor, form, title=title, back=back, intro=intro)


@community_page(Action.VIEW_INITIATIVES)
def initiative_list(request, actor):
    return page(
        request,
        actor,
        "initiatives/initiative_list.html",
        initiatives=selectors.initiative_list(actor)[:200],
        can_manage=actor.can(Action.MANAGE_INITIATIVES),
    )


@community_page(Action.MANAGE_INITIATIVES)
def initiative_create(request, actor):
    # From a signal's "start an initiative" (?signal=5): the form names that signal already.
    signal = request.GET.get("signal", "")[:12]
    form = forms.InitiativeForm(
        request.POST or None,
        community=actor.community,
        initial={"signal": int(signal)} if signal.isdigit() else None,
    )
    initiative = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.create_initiative(actor, form.cleaned_data))
    )
    if initiative:
        messages.success(request, _("The initiative has been saved."))
        return redirect(
            "initiatives:detail", slug=actor.community.slug, initiative_id=initiative.pk
        )
    return form_page(
        request,
        actor,
        form,
        title=_("New initiative"),
        back=f"/c/{actor.community.slug}/initiatives/",
    )


@community_page(Action.MANAGE_INITIATIVES)
def initiative_edit(request, actor, initiative_id):
    initiative = selectors.initiative_get(actor, initiative_id)
    form = forms.InitiativeForm(
        request.POST or None, instance=initiative, community=actor.community
    )
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.update_initiative(actor, initiative, data),
        message=_("The changes have been saved."),
        back=_detail_url(actor, initiative),
        title=_("Change the project card"),
    )


@community_page(Action.VIEW_INITIATIVES)
def initiative_detail(request, actor, initiative_id):
    initiative = selectors.initiative_get(actor, initiative_id)
    return page(
        request,
        actor,
        "initiatives/initiative_detail.html",
        initiative=initiative,
        tasks=initiative.tasks.select_related("responsible"),
        proposals=selectors.proposals_of(initiative),
        can_manage=actor.can(Action.MANAGE_INITIATIVES),
        can_decide=actor.can(Action.DECIDE_BUDGET),
    )


def _detail_url(actor, initiative) -> str:
    return f"/c/{actor.community.slug}/initiatives/{initiative.pk}/"


@community_page(Action.MANAGE_INITIATIVES)
def task_add(request, actor, initiative_id):
    initiative = selectors.initiative_get(actor, initiative_id)
    form = forms.TaskForm(request.POST or None, community=actor.community)
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.add_task(actor, initiative, **data),
        message=_("The task has been added."),
        back=_detail_url(actor, initiative),
        title=_("Add a task"),
    )


@community_page(Action.MANAGE_INITIATIVES)
def proposal_add(request, actor, initiative_id):
    initiative = selectors.initiative_get(actor, initiative_id)
    form = forms.ProposalForm(request.POST or None)
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.propose_budget(actor, initiative, **data),
        message=_("The budget proposal has been saved."),
        back=_detail_url(actor, initiative),
        title=_("Ask for a budget"),
        intro=_(
            "Discuss the proposal in the neighbourhood first. Write down who "
            "is for it and who is against it."
        ),
    )


@community_page(Action.MANAGE_INITIATIVES)
def voice_add(request, actor, proposal_id):
    proposal = selectors.proposal_get(actor, proposal_id)
    form = forms.VoiceForm(request.POST or None)
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.record_voice(actor, proposal, **data),
        message=_("The opinion has been recorded."),
        back=_detail_url(actor, proposal.initiative),
        title=_("What does the neighbourhood think?"),
    )


@community_page(Action.DECIDE_BUDGET)
def decide(request, actor, proposal_id):
    proposal = selectors.proposal_get(actor, proposal_id)
    form = forms.DecisionForm(request.POST or None, community=actor.community)

    def save(data):
        services.decide(actor, proposal, **dict(data, decided_by=list(data["decided_by"])))

    return form_flow(
        request,
        actor,
        form,
        save,
        message=_("The decision has been recorded."),
        back=_detail_url(actor, proposal.initiative),
        title=_("Decide on the budget"),
        intro=f"{proposal.purpose}: {euro(proposal.amount)}",
    )


@community_page(Action.BOOK_PAYMENTS)
def payment_add(request, actor, decision_id):
    decision = selectors.decision_to_pay(actor, decision_id)
    form = forms.PaymentForm(request.POST or None)
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.record_payment(actor, decision, **data),
        message=_("The payment has been recorded."),
        # The funder does not see the initiatives: back to their dashboard instead.
        back=(
            _detail_url(actor, decision.proposal.initiative)
            if actor.can(Action.VIEW_INITIATIVES)
            else f"/c/{actor.community.slug}/impact/"
        ),
        title=_("Record a payment by the municipality"),
    )


@community_page(Action.VIEW_INITIATIVES)
def ledger(request, actor):
    return ledger_page(request, actor, forms.PeriodForm())


@community_page(Action.SPEND_FAST_FUND)
def fast_fund_add(request, actor):
    form = forms.FastFundForm(request.POST or None, community=actor.community)
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.spend_fast_fund(actor, **data),
        message=_("The fast fund item has been recorded."),
        back=f"/c/{actor.community.slug}/budget/",
        title=_("Spend from the fast fund"),
    )


@community_page(Action.MANAGE_INITIATIVES)
def cash_add(request, actor):
    form = forms.CashForm(request.POST or None)
    return form_flow(
        request,
        actor,
        form,
        lambda data: services.record_cash(actor, **data),
        message=_("The petty cash entry has been recorded."),
        back=f"/c/{actor.community.slug}/budget/",
        title=_("Petty cash: money in or out"),
    )


@community_page(Action.EXPORT_LEDGER)
def ledger_export(request, actor):
    """Decisions and payments of a period as CSV for the municipality (no personal data)."""
    return _ledger_download(request, actor, csv_response, "budget.csv")


@community_page(Action.EXPORT_LEDGER)
def ledger_export_xlsx(request, actor):
    """The same rows as the CSV, as an Excel file: amounts are numbers with two decimals."""
    return _ledger_download(request, actor, xlsx_response, "budget.xlsx")


def _ledger_download(request, actor, respond, filename: str):
    form = forms.PeriodForm(request.GET)
    if not form.is_valid():
        if not actor.can(Action.VIEW_INITIATIVES):
            # A funder downloads from the dashboard and never sees the ledger page itself.
            errors = (message for messages in form.errors.values() for message in messages)
            return HttpResponseBadRequest(" ".join(errors))
        return ledger_page(request, actor, form, status=400)
    rows = selectors.export_rows(
        actor, form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    )
    return respond(filename, EXPORT_HEADER, rows)


def ledger_page(request, actor, period_form, *, status: int = 200):
    return render(
        request,
        "initiatives/ledger.html",
        {
            "community": actor.community,
            "actor": actor,
            "ledger": selectors.ledger(actor),
            "period_form": period_form,
            "can_manage": actor.can(Action.MANAGE_INITIATIVES),
            "can_spend": actor.can(Action.SPEND_FAST_FUND),
        },
        status=status,
    )
