"""Forms for setting a community up. They only shape the page; the services check the values
(the same rules as the API), and their errors come back onto these forms."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from naober.communities.models import AreaKind, SelfSignup
from naober.exchange.models import CategoryKind

VIA_CHOICES = [
    ("letter", _("a printed letter with a code (I hand it over)")),
    ("email", _("an e-mail with a link")),
    ("sms", _("a text message with a code")),
]


class CommunityForm(forms.Form):
    slug = forms.CharField(
        label=_("Short name in the web address"),
        max_length=60,
        help_text=_("Small letters, digits and dashes, for example hoogeveen-zuid."),
    )
    name = forms.CharField(label=_("Name"), max_length=120)
    municipality = forms.CharField(label=_("Municipality"), max_length=120)


class AdministratorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.CharField(label=_("E-mail address"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False)
    address = forms.CharField(label=_("Postal address"), max_length=200, required=False)
    via = forms.ChoiceField(
        label=_("Send the invitation by"), choices=VIA_CHOICES, widget=forms.RadioSelect
    )


class InviteMemberForm(forms.Form):
    """Register someone with a role and invite them to log in, on one page."""

    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        required=False,
        help_text=_("Only needed for a text message; an e-mail address is enough."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    address = forms.CharField(
        label=_("Postal address"),
        max_length=200,
        required=False,
        help_text=_("Only needed for a letter."),
    )
    role = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect)
    via = forms.ChoiceField(
        label=_("Send the invitation by"),
        choices=[VIA_CHOICES[1], VIA_CHOICES[2], VIA_CHOICES[0]],
        initial="email",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles
        self.fields["role"].initial = roles[0][0] if roles else None

    def clean(self):
        data = super().clean()
        # Said at the field to fill in, not as "this person has no e-mail address" at the channel.
        if data.get("via") == "email" and "email" in data and not data["email"]:
            self.add_error(
                "email", _("Fill in an e-mail address, or choose a text message or a letter.")
            )
        if data.get("via") == "sms" and "phone" in data and not data["phone"]:
            self.add_error("phone", _("Fill in a mobile number for the text message."))
        return data

    def person_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in ("name", "email", "phone", "address")}


class SettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    municipality = forms.CharField(label=_("Municipality"), max_length=120)
    phone = forms.CharField(
        label=_("Help desk phone number"),
        max_length=20,
        required=False,
        help_text=_("Shown at the bottom of every page, on every letter and in every message."),
    )
    email = forms.CharField(label=_("Help desk e-mail address"), max_length=254, required=False)
    opening_hours = forms.CharField(
        label=_("Opening hours of the phone"),
        max_length=200,
        required=False,
        help_text=_("For example: Monday to Friday 10:00 to 12:00."),
    )
    outside_hours = forms.CharField(
        label=_("Outside those hours"),
        max_length=200,
        required=False,
        help_text=_("For example: then the voicemail, we call you back the next working day."),
    )
    response_deadline_hours = forms.IntegerField(
        label=_("Answer every request within (hours)"),
        help_text=_("Every request gets an answer within this time."),
    )
    self_signup = forms.ChoiceField(
        label=_("May residents sign up themselves?"),
        choices=SelfSignup.choices,
        widget=forms.RadioSelect,
    )
    house_rules = forms.CharField(
        label=_("House rules"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The rules every member accepts when they join."),
    )


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Place"), max_length=120, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    hours = forms.CharField(label=_("Hours"), max_length=200, required=False)


WalkInFormSet = forms.formset_factory(WalkInForm, extra=2, max_num=10, absolute_max=10)


class CategoryForm(forms.Form):
    label = forms.CharField(label=_("Name in Dutch"), max_length=80)
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        required=False,
        help_text=_(
            "Left empty, it is made from the name. Small letters and dashes, for example "
            "hond-uitlaten. It cannot change later."
        ),
    )
    label_en = forms.CharField(label=_("Name in English"), max_length=80, required=False)
    kind = forms.ChoiceField(label=_("Kind of help"), choices=CategoryKind.choices)
    in_scope = forms.BooleanField(
        label=_("Neighbours can help with this"), required=False, initial=True
    )

    def clean(self):
        data = super().clean()
        # An administrator thinks in names; the code (used in the API and exports) follows.
        if "code" in self.fields and not data.get("code") and data.get("label"):
            data["code"] = slugify(data["label"]).replace("_", "-")[:40].strip("-")
        return data


class CategoryEditForm(CategoryForm):
    active = forms.BooleanField(label=_("In use"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["code"]


class AreaForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (kind, AreaKind(kind).label)
            for kind in ("district", "neighbourhood", "village", "street")
        ],
    )
    name = forms.CharField(label=_("Name"), max_length=120)
    parent = forms.ChoiceField(label=_("Lies in"))

    def __init__(self, *args, tree=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [
            (area.pk, "\u00a0\u00a0" * depth + f"{area.name} ({area.get_kind_display()})")
            for area, depth in tree
            if area.kind != AreaKind.STREET
        ]


class AreaImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "One row per street: district,neighbourhood,street. For a village: "
            "district,village or district,village,street."
        ),
    )
    text = forms.CharField(
        label=_("Or paste the rows here"),
        required=False,
        max_length=2 * 1024 * 1024,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
