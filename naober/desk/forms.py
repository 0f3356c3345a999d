"""Forms of the desk pages. Dates and times render as ISO values, which the browser accepts."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ShiftForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Coordinator"), coerce=int)
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    starts = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends = forms.TimeField(
        label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, coordinators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.pk, p.name) for p in coordinators]


class CallForm(forms.Form):
    """A call that is not a request: who called and what about."""

    caller_name = forms.CharField(label=_("Who called"), max_length=120, required=False)
    number = forms.CharField(label=_("Their phone number"), max_length=30, required=False)
    subject = forms.CharField(
        label=_("What the call was about"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    person = forms.IntegerField(required=False, widget=forms.HiddenInput)


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Name, street or phone number of the caller"),
        max_length=60,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
