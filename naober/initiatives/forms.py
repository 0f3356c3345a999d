"""Forms for initiatives and the ledger. They parse and bound input; the services decide."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from naober.base.periods import PeriodFormMixin
from naober.communities.models import Role
from naober.initiatives import policy
from naober.initiatives.models import (
    CashDirection,
    Initiative,
    Outcome,
    Stance,
)
from naober.outreach.models import Signal, SignalKind
from naober.people.person_picker import PersonSearchField, found_by_public_name, public_label
from naober.people.selectors import people_of

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": 0}


class DisplayNameMultiple(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


def signal_label(signal) -> str:
    """What the signal said and when, in words: not "#5 08-12-2026"."""
    when = date_format(timezone.localtime(signal.created_at), "j F Y")
    return f"{Truncator(signal.description).chars(60)} ({when})"


class InitiativeForm(forms.ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "title",
            "summary",
            "status",
            "goals",
            "activities",
            "starts_on",
            "ends_on",
            "planned_budget",
            "signal",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signal"].queryset = Signal.objects.filter(
            community=community, kind=SignalKind.STRUCTURAL
        )
        self.fields["signal"].empty_label = _("no signal")
        self.fields["signal"].label_from_instance = signal_label


class TaskForm(forms.Form):
    description = forms.CharField(label=_("task"), max_length=200)
    # A city has thousands of volunteers: a search by public name, never a select of them all.
    responsible = PersonSearchField(
        label=_("who does it (member)"),
        required=False,
        empty_label=_("nobody yet"),
        label_of=public_label,
        found_by=found_by_public_name,
    )
    responsible_name = forms.CharField(label=_("or write a name"), max_length=120, required=False)
    due_on = forms.DateField(label=_("ready by"), required=False, widget=DATE)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["responsible"]
        field.bind(
            people_of(community)
            .filter(memberships__role__in=[Role.CORE_GROUP, Role.COORDINATOR, Role.VOLUNTEER])
            .distinct()
        )
        field.widget.search_label = _("Or find the member: the name neighbours know, or the street")
        field.widget.search_help = _("Part of the name is enough.")


class ProposalForm(forms.Form):
    amount = forms.DecimalField(label=_("amount (euro)"), **MONEY)
    purpose = forms.CharField(label=_("what is the money for?"), max_length=300)


class VoiceForm(forms.Form):
    stance = forms.ChoiceField(
        label=_("for or against"), choices=Stance.choices, widget=forms.RadioSelect
    )
    count = forms.IntegerField(
        label=_("how many people"), min_value=1, max_value=100_000, initial=1
    )
    who = forms.CharField(label=_("who (optional)"), max_length=120, required=False)
    said = forms.CharField(
        label=_("what was said"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    said_on = forms.DateField(label=_("date"), initial=date.today, widget=DATE)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("decision"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    amount = forms.DecimalField(
        label=_("amount granted (empty: what was asked)"), required=False, **MONEY
    )
    decided_on = forms.DateField(label=_("decided on"), initial=date.today, widget=DATE)
    decided_by = DisplayNameMultiple(
        label=_("decided by (core group)"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    minutes = forms.CharField(
        label=_("note for the minutes"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_by"].queryset = policy.deciders(community)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("amount paid (euro)"), **MONEY)
    paid_on = forms.DateField(label=_("paid on"), initial=date.today, widget=DATE)
    reference = forms.CharField(label=_("municipality's reference"), max_length=60)


class FastFundForm(forms.Form):
    amount = forms.DecimalField(label=_("amount (euro)"), **MONEY)
    purpose = forms.CharField(label=_("what for"), max_length=200)
    spent_on = forms.DateField(label=_("date"), initial=date.today, widget=DATE)
    initiative = forms.ModelChoiceField(label=_("for initiative"), queryset=None, required=False)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = Initiative.objects.filter(community=community)


class CashForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("in or out"), choices=CashDirection.choices, widget=forms.RadioSelect
    )
    amount = forms.DecimalField(label=_("amount (euro)"), **MONEY)
    what = forms.CharField(label=_("what for"), max_length=200)
    receipt = forms.CharField(label=_("receipt number or photo"), max_length=120, required=False)
    entered_on = forms.DateField(label=_("date"), initial=date.today, widget=DATE)


class PeriodForm(PeriodFormMixin, forms.Form):
    """A period for exports and figures (naober/base/periods.py: the rule)."""

    period_fields = ("date_from", "date_to")
    date_from = forms.DateField(label=_("From (date)"), widget=DATE)
    date_to = forms.DateField(label=_("Up to and including (date)"), widget=DATE)
