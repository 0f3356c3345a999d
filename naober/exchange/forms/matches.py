"""Forms of a match under way: responding with an offer, the introduction meeting, the
contact logbook, the follow-up call and the pause for review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.exchange.models import ContactKind, ContactOutcome, WouldHelp


class RespondForm(forms.Form):
    """A helper says "I want to help" with one of their own offers."""

    offer = forms.ModelChoiceField(
        label=_("With which of your offers?"), queryset=None, empty_label=None
    )

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers


class IntroductionForm(forms.Form):
    """The introduction meeting (koppelingsgesprek): when, where and what was agreed."""

    intro_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
    )
    intro_place = forms.CharField(label=_("Place"), max_length=200)
    intro_notes = forms.CharField(
        label=_("Notes"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ContactLogForm(forms.Form):
    """A line in the logbook: who was contacted, how, and what came of it."""

    person = forms.TypedChoiceField(label=_("Who did you contact?"), coerce=int, choices=())
    kind = forms.ChoiceField(label=_("How"), choices=ContactKind.choices)
    outcome = forms.ChoiceField(label=_("Result"), choices=ContactOutcome.choices)
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in people}
        self.fields["person"].choices = [(p.pk, p.name) for p in self.people.values()]

    def log_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["person"] = self.people[data["person"]]
        return data


class FollowUpForm(forms.Form):
    """The answers of a follow-up call (nabellen); reciprocity is a question, never a score."""

    how_did_it_go = forms.CharField(
        label=_("How did it go?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    would_help_others = forms.ChoiceField(
        label=_("Would you like to help someone else too?"),
        choices=WouldHelp.choices,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(forms.Form):
    """Pause a self-made match for a look by a coordinator, or clear the pause."""

    review_flag = forms.BooleanField(label=_("Pause this match for review"), required=False)
    review_note = forms.CharField(label=_("Why"), max_length=500, required=False)
