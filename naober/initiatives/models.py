"""Resident initiatives with their project card, and the budget ledger of a community.

Money rules (the municipality holds the money, the core group decides what it is spent on):
- a BudgetProposal is debated in the neighbourhood (Voice rows: supporters and objections) and then
  decided once by core-group members (Decision);
- Payments are booked against an approved Decision; their sum never exceeds the decided amount;
- the fast fund (snelfonds) lets a coordinator spend small amounts at once, each item at most the
  community's per-item limit and all items together at most the fund's size;
- petty cash (kas) is a list of money in and out with receipts; its balance never goes below zero.
Amounts are Decimal with two decimals everywhere: euros and cents, never floats.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.initiatives.money import euro
from naober.people.models import Person

CENT = Decimal("0.01")


def money_field(label, **kwargs):
    """A euro amount: Decimal, 12 digits, 2 decimals, at least one cent unless told otherwise."""
    kwargs.setdefault("validators", [MinValueValidator(CENT)])
    return models.DecimalField(label, max_digits=12, decimal_places=2, **kwargs)


class InitiativeStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    STOPPED = "stopped", _("stopped")


class Initiative(models.Model):
    """A resident initiative with its project card (goals, activities, lead time, budget)."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("name of the initiative"), max_length=120)
    summary = models.TextField(_("what is it about?"), max_length=2000, blank=True)
    signal = models.ForeignKey(
        "outreach.Signal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        verbose_name=_("started from signal"),
    )
    goals = models.TextField(_("goals"), max_length=4000, blank=True)
    activities = models.TextField(_("activities"), max_length=4000, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    planned_budget = money_field(
        _("planned budget (euro)"), default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.IDEA,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """A task on the project card with the person responsible (a member, or just a name)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="tasks")
    description = models.CharField(_("task"), max_length=200)
    responsible = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who does it (member)"),
    )
    responsible_name = models.CharField(_("who does it (name)"), max_length=120, blank=True)
    due_on = models.DateField(_("ready by"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("task")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def responsible_label(self) -> str:
        if self.responsible_id:
            return self.responsible.display_name
        return self.responsible_name


class BudgetProposal(models.Model):
    """A request for money for an initiative, debated in the neighbourhood, decided once."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="proposals")
    amount = money_field(_("amount (euro)"))
    purpose = models.CharField(_("what is the money for?"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("budget proposal")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.purpose} ({euro(self.amount)})"


class Stance(models.TextChoices):
    SUPPORT = "support", _("in favour")
    OBJECTION = "objection", _("against")


class Voice(models.Model):
    """What the neighbourhood said about a proposal: who or how many, for or against, and what."""

    proposal = models.ForeignKey(BudgetProposal, on_delete=models.CASCADE, related_name="voices")
    stance = models.CharField(_("for or against"), max_length=10, choices=Stance.choices)
    who = models.CharField(
        _("who (optional)"),
        max_length=120,
        blank=True,
        help_text=_("For example 'residents of the Zuiderweg'. Leave empty if not known."),
    )
    count = models.PositiveIntegerField(
        _("how many people"), default=1, validators=[MinValueValidator(1)]
    )
    said = models.TextField(_("what was said"), max_length=2000, blank=True)
    said_on = models.DateField(_("date"))

    class Meta:
        verbose_name = _("opinion from the neighbourhood")
        ordering = ["said_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_stance_display()} ({self.count})"


class Outcome(models.TextChoices):
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class Decision(models.Model):
    """The core group's decision on a proposal. An approved decision is money the municipality
    will pay out; `amount` is what was decided (zero when rejected)."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    proposal = models.OneToOneField(
        BudgetProposal, on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    amount = money_field(_("amount decided (euro)"), validators=[MinValueValidator(0)])
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ManyToManyField(
        Person, related_name="+", verbose_name=_("decided by (core group)")
    )
    minutes = models.TextField(_("note for the minutes"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("budget decision")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {euro(self.amount)}"


class Payment(models.Model):
    """Money the municipality paid out against an approved decision."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="payments")
    amount = money_field(_("amount paid (euro)"))
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("municipality's reference"), max_length=60)

    class Meta:
        verbose_name = _("payment")
        ordering = ["paid_on", "id"]

    def __str__(self) -> str:
        return f"{euro(self.amount)} ({self.reference})"


class LedgerSettings(models.Model):
    """Per-community money settings; its row is also the lock for fast-fund and cash writes."""

    community = models.OneToOneField(
        Community, on_delete=models.CASCADE, related_name="ledger_settings"
    )
    fast_fund_size = money_field(
        _("fast fund: total per year (euro)"),
        default=Decimal("2500.00"),
        validators=[MinValueValidator(0)],
    )
    fast_fund_item_limit = money_field(
        _("fast fund: at most per item (euro)"), default=Decimal("250.00")
    )

    class Meta:
        verbose_name = _("budget settings")

    def __str__(self) -> str:
        return str(self.community)


class FastFundItem(models.Model):
    """A small amount from the fast fund, decided by a coordinator on the spot."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    initiative = models.ForeignKey(
        Initiative,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fast_fund_items",
        verbose_name=_("for initiative"),
    )
    amount = money_field(_("amount (euro)"))
    spent_on = models.DateField(_("date"))
    purpose = models.CharField(_("what for"), max_length=200)
    decided_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("fast fund item")
        ordering = ["spent_on", "id"]

    def __str__(self) -> str:
        return f"{self.purpose} ({euro(self.amount)})"


class CashDirection(models.TextChoices):
    IN = "in", _("money in")
    OUT = "out", _("money out")


class CashEntry(models.Model):
    """One line of the petty cash book, with its receipt."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    direction = models.CharField(_("in or out"), max_length=3, choices=CashDirection.choices)
    amount = money_field(_("amount (euro)"))
    entered_on = models.DateField(_("date"))
    what = models.CharField(_("what for"), max_length=200)
    receipt = models.CharField(_("receipt number or photo"), max_length=120, blank=True)
    recorded_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("petty cash entry")
        verbose_name_plural = _("petty cash")
        ordering = ["entered_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {euro(self.amount)}"
