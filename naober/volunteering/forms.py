"""Forms for the volunteers pages; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.volunteering import selectors
from naober.volunteering.models import AppreciationKind, VolunteerProfile

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = VolunteerProfile
        fields = [
            "agreement_signed_on",
            "vog_issued_on",
            "insurance_note",
            "will_not_do",
            "max_per_month",
            "availability",
        ]
        widgets = {"agreement_signed_on": DATE, "vog_issued_on": DATE}


class NewProfileForm(ProfileForm):
    """The person comes from the search on the page (a hidden id, checked against the community
    here), never from a list of every resident: a city has 100,000 (issue 16)."""

    person = forms.ModelChoiceField(
        label=_("Volunteer"),
        queryset=None,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a member of this community."),
            "invalid_choice": _("Choose a member of this community."),
        },
    )

    class Meta(ProfileForm.Meta):
        fields = ["person", *ProfileForm.Meta.fields]

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.not_yet_volunteers(community)


class TrainingForm(forms.Form):
    name = forms.CharField(label=_("Training"), max_length=120)
    held_on = forms.DateField(label=_("Date"), widget=DATE)


class AppreciationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=AppreciationKind.choices, widget=forms.RadioSelect
    )
    given_on = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class SettingsForm(forms.Form):
    vog_max_age_months = forms.IntegerField(
        label=_("A certificate of conduct is valid for (months)"), min_value=1, max_value=120
    )
    vog_warning_days = forms.IntegerField(
        label=_("Warn this many days before it is too old"), min_value=1, max_value=365
    )
