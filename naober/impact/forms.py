"""Forms for impact pages: they parse and bound input; the services decide the rules."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.impact.bank import statement_bank
from naober.impact.models import (
    Agreement,
    ChangeStory,
    Contribution,
    ImpactCard,
    Level,
    Statement,
    Survey,
)
from naober.impact.services import CARD_FIELDS
from naober.initiatives.forms import DATE, PeriodForm
from naober.initiatives.models import Initiative
from naober.people.person_picker import PersonSearchField, found_by_public_name, public_label
from naober.people.selectors import consenting, people_of

__all__ = ["PeriodForm"]


class StoryForm(forms.ModelForm):
    class Meta:
        model = ChangeStory
        fields = ["problem", "goal", "input", "approach", "output"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in fields}


class OutcomeForm(forms.Form):
    level = forms.ChoiceField(label=_("level"), choices=Level.choices)
    description = forms.CharField(label=_("effect"), max_length=300)


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("indicator"), max_length=200)
    unit = forms.CharField(label=_("unit"), max_length=40, required=False)
    baseline = forms.DecimalField(
        label=_("baseline value"), max_digits=12, decimal_places=2, required=False
    )
    target = forms.DecimalField(label=_("target"), max_digits=12, decimal_places=2, required=False)


class MeasurementForm(forms.Form):
    value = forms.DecimalField(label=_("measured value"), max_digits=12, decimal_places=2)
    measured_on = forms.DateField(label=_("measured on"), initial=date.today, widget=DATE)


class StatementChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_theme_display()}: {obj.text}"


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=120)
    intro = forms.CharField(
        label=_("introduction for residents"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    statements = StatementChoices(
        label=_("statements"), queryset=Statement.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    initiative = forms.ModelChoiceField(label=_("about initiative"), queryset=None, required=False)
    baseline = forms.ModelChoiceField(
        label=_("follow-up of (baseline)"), queryset=None, required=False
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statements"].queryset = statement_bank()
        self.fields["initiative"].queryset = Initiative.objects.filter(community=community)
        self.fields["baseline"].queryset = Survey.objects.filter(community=community)


class AnswerForm(forms.Form):
    """One radio group per statement of the survey; any statement may be skipped."""

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        for statement in survey.statements.order_by("theme", "id"):
            self.fields[f"s{statement.pk}"] = forms.TypedChoiceField(
                label=statement.text,
                choices=Agreement.choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[int, int]:
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }


class CardForm(forms.ModelForm):
    contributions = forms.MultipleChoiceField(
        label=_("indirect contributions"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Only those who agreed to quotes, found by public name (a city has thousands of them).
    quote_person = PersonSearchField(
        label=_("quote by"),
        required=False,
        help_text=_("Only people who agreed to photos and quotes."),
        empty_label=_("no quote"),
        label_of=public_label,
        found_by=found_by_public_name,
    )

    class Meta:
        model = ImpactCard
        fields = list(CARD_FIELDS)
        widgets = {
            "period_start": DATE,
            "period_end": DATE,
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "approach": forms.Textarea(attrs={"rows": 3}),
            "direct_effects": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = Initiative.objects.filter(community=community)
        self.fields["quote_person"].bind(consenting(people_of(community), "media"))


class KeyFigureForm(forms.Form):
    label = forms.CharField(label=_("what"), max_length=120)
    low = forms.IntegerField(label=_("number (or lowest)"), min_value=0, max_value=10**9)
    high = forms.IntegerField(
        label=_("highest (for a range)"), min_value=0, max_value=10**9, required=False
    )
    more_than = forms.BooleanField(label=_("more than this number"), required=False)
    period = forms.CharField(label=_("per (period)"), max_length=40, required=False)


def _answer(question) -> forms.CharField:
    """The group's answer to one of the four questions of an interpretation session."""
    return forms.CharField(
        label=question, max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), initial=date.today, widget=DATE)
    participants = forms.CharField(
        label=_("who took part"),
        max_length=300,
        help_text=_("Roles and numbers, for example '6 residents, 2 volunteers, 1 coordinator'."),
    )
    recognise = _answer(_("Do we recognise the figures?"))
    explain = _answer(_("Can we explain them?"))
    opinion = _answer(_("What do we think of them?"))
    next_steps = _answer(_("What do we do next?"))
    action = forms.CharField(label=_("action agreed"), max_length=300, required=False)
    action_who = forms.CharField(label=_("who does it"), max_length=120, required=False)
    action_due = forms.DateField(label=_("ready by"), required=False, widget=DATE)

    def session_data(self) -> tuple[dict, list[dict]]:
        data = self.cleaned_data
        actions = []
        if data.get("action"):
            actions.append(
                {
                    "what": data["action"],
                    "who": data.get("action_who", ""),
                    "due_on": data.get("action_due"),
                }
            )
        return (
            {
                k: data[k]
                for k in (
                    "held_on",
                    "participants",
                    "recognise",
                    "explain",
                    "opinion",
                    "next_steps",
                )
            },
            actions,
        )
