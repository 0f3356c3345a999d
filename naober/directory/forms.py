"""Forms for the social map and referrals. They parse input; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.directory.models import Organisation, ReferralStatus, Service
from naober.directory.validation import ORGANISATION_FIELDS, SERVICE_FIELDS, clean_website
from naober.people.models import LifeDomain
from naober.people.person_picker import PersonSearchField


def _life_domains() -> forms.MultipleChoiceField:
    """The parts of life an organisation or a service helps with, as ticks."""
    return forms.MultipleChoiceField(
        label=_("Life domains"),
        required=False,
        choices=LifeDomain.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=100)
    domain = forms.ChoiceField(
        label=_("Life domain"),
        required=False,
        choices=[("", _("All life domains")), *LifeDomain.choices],
    )
    area = forms.ChoiceField(label=_("Where"), required=False)

    def __init__(self, *args, areas: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("Everywhere")), *((a, a) for a in areas)]
        self.fields["q"].widget.attrs.update(type="search")


class OrganisationForm(forms.ModelForm):
    website = forms.CharField(
        label=_("website"),
        required=False,
        max_length=300,
        help_text=_("For example www.example.nl"),
    )
    life_domains = _life_domains()

    class Meta:
        model = Organisation
        fields = list(ORGANISATION_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_website(self):
        """Accept "www.example.nl" as people type it; the model stores a full address."""
        return clean_website(self.cleaned_data.get("website", ""))


class ServiceForm(forms.ModelForm):
    life_domains = _life_domains()

    class Meta:
        model = Service
        fields = list(SERVICE_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV file)"),
        help_text=_("Save your spreadsheet as CSV (UTF-8). The first row holds the column names."),
    )
    check_only = forms.BooleanField(
        label=_("Only check the file, do not import yet"), required=False
    )


class ReferOutForm(forms.Form):
    person = PersonSearchField(label=_("Resident"))  # found by searching in a city (issue 16)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("Choose later"),
    )
    need = forms.CharField(
        label=_("What help is needed?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    note = forms.CharField(
        label=_("Note for coordinators"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, people, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].bind(people)
        self.fields["organisation"].queryset = organisations


class ReferInForm(forms.Form):
    name = forms.CharField(label=_("Name of the resident"), max_length=120)
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=30)
    email = forms.EmailField(label=_("Email address"), required=False, max_length=254)
    address = forms.CharField(label=_("Postal address"), required=False, max_length=200)
    reachable_via_coordinator = forms.BooleanField(
        label=_("Reach this person only through me or the coordinator"), required=False
    )
    category = forms.ChoiceField(label=_("Kind of help"), required=False)
    description = forms.CharField(
        label=_("What help is needed?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    note = forms.CharField(
        label=_("Note for the coordinator"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only what the coordinator needs to know to call the person."),
    )
    consent = forms.BooleanField(
        label=_("The resident agrees that the buurthulp contacts them"), required=True
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            ("", _("Not sure yet")),
            *((c.code, c.display_label) for c in categories),
        ]
        self.fields["phone"].widget.attrs.update(autocomplete="off", inputmode="tel")


class ReferralUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("Choose later")
    )
    outcome = forms.CharField(
        label=_("Outcome (for coordinators only)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feedback = forms.CharField(
        label=_("Message for the person who referred"),
        required=False,
        max_length=500,
        help_text=_("Short and without private details: the referrer reads this."),
    )
    note = forms.CharField(label=_("Why (kept in the history)"), required=False, max_length=500)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
