"""Forms for the audit log filter and the erasure confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Role
from naober.people.person_picker import PersonSearchField
from naober.privacy.twofactor import usable_setup_code


class AuditFilterForm(forms.Form):
    # Found by searching: a select of everyone was 100,000 options twice in a city (issue 16).
    person = PersonSearchField(required=False, label=_("About"))
    by = PersonSearchField(required=False, label=_("Done by"))
    date_from = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False,
        label=_("Up to and including"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].bind(people)
        self.fields["by"].bind(people)

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "person": data["person"].pk if data.get("person") else None,
            "by": data["by"].pk if data.get("by") else None,
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }


class EraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, I understand: the details are removed for good and cannot be brought back."),
    )


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code from your app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError(_("This code is not right. Try the newest code."))
        return code


class SetupCodeForm(forms.Form):
    """The one-time code an administrator gave, before a code app may be set up."""

    setup_code = forms.CharField(
        label=_("Setup code from your administrator"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.setup_code = None

    def clean_setup_code(self):
        self.setup_code = usable_setup_code(self.user, self.cleaned_data["setup_code"])
        if self.setup_code is None:
            raise forms.ValidationError(
                _("This setup code is not right, already used or expired. Ask your administrator.")
            )
        return self.cleaned_data["setup_code"]


class RolesForm(forms.Form):
    """Tick the roles a person holds. Roles the viewer may not change are shown but locked."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, current, grantable, **kwargs):
        super().__init__(*args, initial={"roles": current}, **kwargs)
        self.current, self.grantable = set(current), set(grantable)
        self.fields["roles"].choices = Role.choices
        self.fields["roles"].help_text = _(
            "A coordinator gives and takes only the roles resident and volunteer; "
            "an administrator gives every role."
        )

    def boxes(self) -> list[dict]:
        """One checkbox per role: ticked as submitted (or held), locked when not grantable."""

        ticked = set(self.data.getlist("roles")) if self.is_bound else self.current
        return [
            {
                "value": value,
                "label": label,
                "ticked": value in ticked,
                "locked": value not in self.grantable,
            }
            for value, label in Role.choices
        ]

    def wanted_roles(self) -> list[str]:
        """The ticked roles the viewer may change, plus the locked roles the person holds."""
        ticked = set(self.cleaned_data["roles"]) & self.grantable
        return sorted(ticked | (self.current - self.grantable))
