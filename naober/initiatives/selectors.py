"""Reads of initiatives and the ledger, always inside the actor's community.

`ledger` recomputes every balance from the rows themselves (nothing is stored twice), so the
figures always add up: remaining = decided − paid, per decision and in total.
"""

from datetime import date
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.initiatives.models import (
    CENT,
    BudgetProposal,
    CashEntry,
    Decision,
    FastFundItem,
    Initiative,
    Outcome,
    Payment,
)
from naober.initiatives.services import cash_balance, fast_fund_used, ledger_settings

ZERO = Decimal("0.00")


def initiative_list(actor: Actor) -> QuerySet[Initiative]:
    actor.require(Action.VIEW_INITIATIVES)
    return Initiative.objects.filter(community=actor.community).order_by("-created_at", "-id")


def initiative_get(actor: Actor, initiative_id: int) -> Initiative:
    initiative = initiative_list(actor).filter(pk=initiative_id).first()
    if initiative is None:
        raise Http404
    return initiative


def proposal_get(actor: Actor, proposal_id: int) -> BudgetProposal:
    actor.require(Action.VIEW_INITIATIVES)
    proposal = (
        BudgetProposal.objects.filter(community=actor.community, pk=proposal_id)
        .select_related("initiative")
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


def decision_get(actor: Actor, decision_id: int) -> Decision:
    actor.require(Action.VIEW_INITIATIVES)
    decision = Decision.objects.filter(community=actor.community, pk=decision_id).first()
    if decision is None:
        raise Http404
    return decision


def decision_to_pay(actor: Actor, decision_id: int) -> Decision:
    """A decision of this community for booking a payment: the funder, who does not see the
    initiatives themselves, reaches it by its number too."""
    decision = Decision.objects.filter(community=actor.community, pk=decision_id).first()
    if decision is None:
        raise Http404
    actor.require(Action.BOOK_PAYMENTS)
    return decision


def proposals_of(initiative: Initiative) -> list[BudgetProposal]:
    """The proposals of an initiative with their voices, decision and payments, for its card."""
    proposals = list(
        initiative.proposals.prefetch_related(
            "voices", "decision__payments", "decision__decided_by"
        ).order_by("created_at", "id")
    )
    for proposal in proposals:
        voices = list(proposal.voices.all())
        proposal.supporters = sum(v.count for v in voices if v.stance == "support")
        proposal.objectors = sum(v.count for v in voices if v.stance == "objection")
        decision = getattr(proposal, "decision", None)
        if decision is not None:
            decision.paid = sum((p.amount for p in decision.payments.all()), ZERO)
            decision.remaining = decision.amount - decision.paid
    return proposals


def ledger(actor: Actor, year: int | None = None) -> dict:
    """Every balance of the community's money (VIEW_INITIATIVES): decisions, fast fund, cash."""
    actor.require(Action.VIEW_INITIATIVES)
    community = actor.community
    year = year or date.today().year
    decisions = list(
        Decision.objects.filter(community=community, outcome=Outcome.APPROVED)
        .select_related("proposal__initiative")
        .annotate(paid_sum=Sum("payments__amount"))
        .order_by("decided_on", "id")
    )
    rows = []
    for decision in decisions:
        paid = (decision.paid_sum or ZERO).quantize(CENT)
        rows.append(
            {
                "decision": decision,
                "decided": decision.amount,
                "paid": paid,
                "remaining": decision.amount - paid,
            }
        )
    settings = ledger_settings(community)
    used = fast_fund_used(community, year)
    decided = sum((r["decided"] for r in rows), ZERO)
    paid = sum((r["paid"] for r in rows), ZERO)
    return {
        "year": year,
        "decisions": rows,
        "decided": decided,
        "paid": paid,
        "remaining": decided - paid,
        "fast_fund": {
            "size": settings.fast_fund_size,
            "item_limit": settings.fast_fund_item_limit,
            "used": used,
            "left": settings.fast_fund_size - used,
            "items": FastFundItem.objects.filter(community=community, spent_on__year=year),
        },
        "cash": {
            "balance": cash_balance(community),
            "entries": CashEntry.objects.filter(community=community),
        },
    }


def export_rows(actor: Actor, date_from: date, date_to: date) -> list[list]:
    """Decisions and payments in a period, one row each, for the municipality's bookkeeping.
    Amounts are Decimals, so the XLSX export keeps them as numbers."""
    actor.require(Action.EXPORT_LEDGER)
    rows = []
    decisions = (
        Decision.objects.filter(
            community=actor.community,
            decided_on__gte=date_from,
            decided_on__lte=date_to,
        )
        .select_related("proposal__initiative")
        .order_by("decided_on", "id")
    )
    for d in decisions:
        rows.append(
            [
                "decision",
                d.pk,
                d.decided_on.isoformat(),
                d.proposal.initiative.title,
                d.proposal.purpose,
                d.outcome,
                d.proposal.amount,
                d.amount,
                "",
            ]
        )
    payments = (
        Payment.objects.filter(
            community=actor.community,
            paid_on__gte=date_from,
            paid_on__lte=date_to,
        )
        .select_related("decision__proposal__initiative")
        .order_by("paid_on", "id")
    )
    for p in payments:
        rows.append(
            [
                "payment",
                p.decision_id,
                p.paid_on.isoformat(),
                p.decision.proposal.initiative.title,
                p.decision.proposal.purpose,
                "",
                "",
                p.amount,
                p.reference,
            ]
        )
    return rows
