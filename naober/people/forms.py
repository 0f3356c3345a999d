"""Forms for people. Business rules (reachability, roles) live in services; forms parse input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Area, AreaKind
from naober.people.languages import codes_from_text, names_of
from naober.people.models import (
    ConsentMethod,
    ConsentPurpose,
    ContactChannel,
    LifeDomain,
    Person,
    PersonTag,
)
from naober.people.validation import default_channel


def _area_label(area) -> str:
    if area.kind == AreaKind.STREET and area.parent_id:
        return f"{area.name} ({area.parent.name})"
    return area.name


class PersonForm(forms.ModelForm):
    languages_text = forms.CharField(
        label=_("Languages"),
        required=False,
        max_length=120,
        help_text=_("For example: Dutch, Turkish"),
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "public_name",
            "phone",
            "email",
            "address",
            "area",
            "reachable_via_coordinator",
            "preferred_channel",
            "digital",
            "date_of_birth",
            "gender",
            "vulnerable",
        ]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        area = self.fields["area"]
        area.queryset = (
            Area.objects.filter(
                community=community,
                kind__in=[AreaKind.STREET, AreaKind.VILLAGE, AreaKind.NEIGHBOURHOOD],
            )
            .select_related("parent")
            .order_by("name")
        )
        # Not Django's "---------"; and a street says where it lies: many villages have a Kerkweg.
        area.empty_label = _("not given")
        area.label_from_instance = _area_label
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        if self.instance.pk:
            self.fields["languages_text"].initial = names_of(self.instance.languages)

    def clean_languages_text(self) -> list[str]:
        return codes_from_text(self.cleaned_data["languages_text"])

    def clean(self):
        data = super().clean()
        # "Phone call" is only the preselected answer: left as it is for someone given no phone
        # number (a coordinator registered by e-mail alone), it means "the way I did give".
        if (
            "preferred_channel" not in self.changed_data
            and data.get("preferred_channel") == ContactChannel.PHONE
            and not data.get("phone")
        ):
            data["preferred_channel"] = default_channel(data)
        return data

    def person_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "languages_text"}
        data["languages"] = self.cleaned_data.get("languages_text", [])
        return data


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Consent for"), choices=ConsentPurpose.choices)
    granted = forms.TypedChoiceField(
        label=_("Answer"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Yes, agrees")), ("no", _("No, does not agree"))],
        widget=forms.RadioSelect,
    )
    method = forms.ChoiceField(label=_("How was it given?"), choices=ConsentMethod.choices)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=200)


class OwnConsentForm(forms.Form):
    """A person's own choice on the website: recorded as given online."""

    purpose = forms.ChoiceField(label=_("Consent for"), choices=ConsentPurpose.choices)
    granted = forms.TypedChoiceField(
        label=_("Your answer"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Yes, I agree")), ("no", _("No, I do not agree"))],
        widget=forms.RadioSelect,
    )


class PersonTagForm(forms.Form):
    """A talent or need as a coordinator or house visitor writes it down."""

    kind = forms.ChoiceField(
        label=_("Talent or need"), choices=PersonTag.Kind.choices, widget=forms.RadioSelect
    )
    label = forms.CharField(
        label=_("In a few words"),
        max_length=80,
        help_text=_("For example: gardening, lift to the doctor, Turkish"),
    )
    life_domain = forms.ChoiceField(label=_("Life domain"), choices=LifeDomain.choices)
