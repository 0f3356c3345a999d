"""Writes for initiatives and the budget ledger.

Every money write locks a row first (select_for_update) and checks the balance inside the same
transaction, so two coordinators clicking at once can never pay out more than was decided or take
more from the cash box than is in it. A refused write raises ValidationError and stores nothing.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from naober.base.periods import check_period
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.initiatives import policy
from naober.initiatives.models import (
    CENT,
    BudgetProposal,
    CashDirection,
    CashEntry,
    Decision,
    FastFundItem,
    Initiative,
    LedgerSettings,
    Outcome,
    Payment,
    Task,
    Voice,
)
from naober.initiatives.money import euro
from naober.outreach.models import Signal
from naober.people.selectors import people_of

MAX_AMOUNT = Decimal("9999999999.99")
INITIATIVE_FIELDS = (
    "title",
    "summary",
    "goals",
    "activities",
    "starts_on",
    "ends_on",
    "planned_budget",
    "status",
    "signal",
)


def money(value, field: str = "amount", *, allow_zero: bool = False) -> Decimal:
    """A valid euro amount with at most two decimals, or a ValidationError naming the field."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({field: _("Enter an amount in euros, such as 12.50.")}) from None
    if not amount.is_finite() or amount != amount.quantize(CENT) or amount > MAX_AMOUNT:
        raise ValidationError({field: _("Enter an amount in euros, such as 12.50.")})
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError({field: _("The amount must be more than zero.")})
    return amount.quantize(CENT)


def ledger_settings(community) -> LedgerSettings:
    settings, _created = LedgerSettings.objects.get_or_create(community=community)
    return settings


def _locked_settings(community) -> LedgerSettings:
    """The community's settings row, locked: it serialises fast-fund and petty-cash writes."""
    ledger_settings(community)
    return LedgerSettings.objects.select_for_update().get(community=community)


def _full_clean(obj, exclude=None) -> None:
    obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


def _own_signal(actor: Actor, signal_id):
    if signal_id in (None, ""):
        return None
    signal = Signal.objects.filter(community=actor.community, pk=signal_id).first()
    if signal is None:
        raise ValidationError({"signal": _("This signal does not exist.")})
    return signal


@transaction.atomic
def create_initiative(actor: Actor, data: dict) -> Initiative:
    actor.require(Action.MANAGE_INITIATIVES)
    data = dict(data)
    data["signal"] = _own_signal(actor, getattr(data.get("signal"), "pk", data.get("signal")))
    initiative = Initiative(
        community=actor.community, **{k: v for k, v in data.items() if k in INITIATIVE_FIELDS}
    )
    _check_dates(initiative)
    _full_clean(initiative, exclude=["community"])
    initiative.save()
    return initiative


@transaction.atomic
def update_initiative(actor: Actor, initiative: Initiative, data: dict) -> Initiative:
    actor.require(Action.MANAGE_INITIATIVES)
    initiative = Initiative.objects.select_for_update().get(
        pk=initiative.pk, community=actor.community
    )
    for key, value in data.items():
        if key == "signal":
            value = _own_signal(actor, getattr(value, "pk", value))
        if key in INITIATIVE_FIELDS:
            setattr(initiative, key, value)
    _check_dates(initiative)
    _full_clean(initiative, exclude=["community"])
    initiative.save()
    return initiative


def _check_dates(initiative: Initiative) -> None:
    check_period(
        initiative.starts_on, initiative.ends_on, bounded=False, fields=("starts_on", "ends_on")
    )


@transaction.atomic
def add_task(
    actor: Actor,
    initiative: Initiative,
    *,
    description: str,
    responsible=None,
    responsible_name: str = "",
    due_on: date | None = None,
) -> Task:
    actor.require(Action.MANAGE_INITIATIVES)
    if (
        responsible is not None
        and not people_of(actor.community)
        .filter(pk=getattr(responsible, "pk", responsible))
        .exists()
    ):
        raise ValidationError({"responsible": _("This person does not exist.")})
    task = Task(
        initiative=initiative,
        description=description,
        responsible_id=getattr(responsible, "pk", responsible),
        responsible_name=responsible_name,
        due_on=due_on,
    )
    _full_clean(task, exclude=["initiative"])
    task.save()
    return task


@transaction.atomic
def propose_budget(actor: Actor, initiative: Initiative, *, amount, purpose: str) -> BudgetProposal:
    actor.require(Action.MANAGE_INITIATIVES)
    if initiative.community_id != actor.community.pk:
        raise ValidationError(_("This initiative does not exist."))
    proposal = BudgetProposal(
        community=actor.community, initiative=initiative, amount=money(amount), purpose=purpose
    )
    _full_clean(proposal, exclude=["community", "initiative"])
    proposal.save()
    return proposal


@transaction.atomic
def record_voice(
    actor: Actor,
    proposal: BudgetProposal,
    *,
    stance: str,
    said_on: date,
    count: int = 1,
    who: str = "",
    said: str = "",
) -> Voice:
    """Record supporters or objections raised in the neighbourhood debate of a proposal."""
    actor.require(Action.MANAGE_INITIATIVES)
    voice = Voice(
        proposal=proposal, stance=stance, count=count, who=who, said=said, said_on=said_on
    )
    _full_clean(voice, exclude=["proposal"])
    voice.save()
    return voice


@transaction.atomic
def decide(
    actor: Actor,
    proposal: BudgetProposal,
    *,
    outcome: str,
    decided_on: date,
    decided_by: list,
    minutes: str = "",
    amount=None,
) -> Decision:
    """The core group decides once; an approval may grant less than was asked, never more."""
    actor.require(Action.DECIDE_BUDGET)
    proposal = BudgetProposal.objects.select_for_update().get(
        pk=proposal.pk, community=actor.community
    )
    if Decision.objects.filter(proposal=proposal).exists():
        raise ValidationError(_("This proposal has already been decided."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose approved or rejected.")})
    if outcome == Outcome.APPROVED:
        granted = proposal.amount if amount in (None, "") else money(amount)
        if granted > proposal.amount:
            raise ValidationError({"amount": _("You cannot grant more than was asked.")})
    else:
        granted = Decimal("0.00")
    ids = {getattr(p, "pk", p) for p in decided_by}
    deciders = list(policy.deciders(actor.community).filter(pk__in=ids))
    if not ids or len(deciders) != len(ids):
        raise ValidationError({"decided_by": _("Choose the core-group members who decided.")})
    decision = Decision(
        community=actor.community,
        proposal=proposal,
        outcome=outcome,
        amount=granted,
        decided_on=decided_on,
        minutes=minutes,
    )
    _full_clean(decision, exclude=["community", "proposal"])
    decision.save()
    decision.decided_by.set(deciders)
    return decision


@transaction.atomic
def record_payment(
    actor: Actor, decision: Decision, *, amount, paid_on: date, reference: str
) -> Payment:
    """Book money the municipality paid out; never more than what remains of the decision.
    Only the funder or staff book it (BOOK_PAYMENTS): the core group decides, others pay."""
    actor.require(Action.BOOK_PAYMENTS)
    decision = (
        Decision.objects.select_for_update()
        .filter(pk=decision.pk, community=actor.community)
        .first()
    )
    if decision is None:
        raise ValidationError(_("This decision does not exist."))
    if decision.outcome != Outcome.APPROVED:
        raise ValidationError(_("Money can only be paid for an approved decision."))
    amount = money(amount)
    paid = total(decision.payments.all())
    if paid + amount > decision.amount:
        raise ValidationError(
            {
                "amount": _("This is more than what is left: %(left)s.")
                % {"left": euro(decision.amount - paid)}
            }
        )
    payment = Payment(
        community=actor.community,
        decision=decision,
        amount=amount,
        paid_on=paid_on,
        reference=reference,
    )
    _full_clean(payment, exclude=["community", "decision"])
    payment.save()
    return payment


def total(queryset) -> Decimal:
    """Sum of `amount`, exactly to the cent (SQLite sums decimals as floats)."""
    return (queryset.aggregate(s=Sum("amount"))["s"] or Decimal("0")).quantize(CENT)


def fast_fund_used(community, year: int) -> Decimal:
    return total(FastFundItem.objects.filter(community=community, spent_on__year=year))


@transaction.atomic
def spend_fast_fund(
    actor: Actor, *, amount, spent_on: date, purpose: str, initiative: Initiative | None = None
) -> FastFundItem:
    """A coordinator spends a small amount at once: within the item limit and what is left."""
    actor.require(Action.SPEND_FAST_FUND)
    settings = _locked_settings(actor.community)
    amount = money(amount)
    if amount > settings.fast_fund_item_limit:
        raise ValidationError(
            {
                "amount": _("The fast fund pays at most %(limit)s per item.")
                % {"limit": euro(settings.fast_fund_item_limit)}
            }
        )
    left = settings.fast_fund_size - fast_fund_used(actor.community, spent_on.year)
    if amount > left:
        raise ValidationError(
            {"amount": _("The fast fund has only %(left)s left this year.") % {"left": euro(left)}}
        )
    if initiative is not None and initiative.community_id != actor.community.pk:
        raise ValidationError({"initiative": _("This initiative does not exist.")})
    item = FastFundItem(
        community=actor.community,
        initiative=initiative,
        amount=amount,
        spent_on=spent_on,
        purpose=purpose,
        decided_by=actor.person,
    )
    _full_clean(item, exclude=["community", "decided_by"])
    item.save()
    return item


def cash_balance(community) -> Decimal:
    entries = CashEntry.objects.filter(community=community)
    return total(entries.filter(direction=CashDirection.IN)) - total(
        entries.filter(direction=CashDirection.OUT)
    )


@transaction.atomic
def record_cash(
    actor: Actor, *, direction: str, amount, entered_on: date, what: str, receipt: str = ""
) -> CashEntry:
    """A line in the petty cash book. Money out needs a receipt and enough money in the box."""
    actor.require(Action.MANAGE_INITIATIVES)
    _locked_settings(actor.community)
    amount = money(amount)
    if direction not in CashDirection.values:
        raise ValidationError({"direction": _("Choose money in or money out.")})
    if direction == CashDirection.OUT:
        if not receipt.strip():
            raise ValidationError({"receipt": _("Write down the receipt number.")})
        if amount > cash_balance(actor.community):
            raise ValidationError({"amount": _("There is not enough money in the cash box.")})
    entry = CashEntry(
        community=actor.community,
        direction=direction,
        amount=amount,
        entered_on=entered_on,
        what=what,
        receipt=receipt,
        recorded_by=actor.person,
    )
    _full_clean(entry, exclude=["community", "recorded_by"])
    entry.save()
    return entry
