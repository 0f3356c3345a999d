"""Forms of the intake screen: register the caller, then enter their request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.communities.area_picker import AreaChoiceField
from naober.communities.models import AreaKind
from naober.exchange.models import Urgency


class CallerForm(forms.Form):
    """A new caller: a name and one way to reach them; the channel follows from what was given."""

    name = forms.CharField(label=_("Name"), max_length=120)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    # The street or village: helpers nearby rank first, and "everyone nearby" can be asked.
    area = AreaChoiceField(
        label=_("Street or village"),
        required=False,
        kinds=(AreaKind.STREET, AreaKind.VILLAGE, AreaKind.NEIGHBOURHOOD),
        empty_label=_("Not known"),
    )
    reachable_via_coordinator = forms.BooleanField(
        label=_("Reachable only through the coordinator"), required=False
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].bind(community)

    def clean(self):
        """One way to reach them must be said out loud, never silently assumed."""
        data = super().clean()
        ways = ("phone", "email", "address", "reachable_via_coordinator")
        if not self.errors and not any(data.get(way) for way in ways):
            self.add_error(
                "phone",
                _(
                    "Give a phone number, an e-mail address or an address, "
                    "or tick 'reachable only through the coordinator'."
                ),
            )
        return data


class IntakeRequestForm(forms.Form):
    """What the caller needs, with the two questions the coordinator asks on the phone."""

    category = forms.ChoiceField(
        label=_("Kind of help"), widget=forms.Select(attrs={"autofocus": True})
    )
    title = forms.CharField(
        label=_("What is the help for, in a few words"),
        max_length=120,
        # it goes out to helpers in call-outs and proposals: the caller stays unnamed
        help_text=_("Helpers read this: no name or address of the caller."),
    )
    description = forms.CharField(
        label=_("More about it"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    urgency = forms.ChoiceField(label=_("How urgent"), choices=Urgency.choices, initial="normal")
    publish = forms.BooleanField(
        label=_("The caller agrees that the request is shown to neighbours"), required=False
    )
    matching_consent = forms.ChoiceField(
        label=_("May we pass on their name to a helper? (asked on the phone)"),
        choices=[
            ("", "—"),
            ("yes", _("yes, asked and agreed")),
            ("no", _("no, asked and refused")),
        ],
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—")] + [(c.code, c.label) for c in categories]


class CallbackForm(forms.Form):
    """When the coordinator calls the caller back, and what about."""

    day = forms.DateField(
        label=_("Call back on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    # 500 in the queue, less the words "Go round (no phone)." put before it for a visit
    note = forms.CharField(label=_("Note"), max_length=460, required=False)

    def __init__(self, *args, visit=False, **kwargs):
        super().__init__(*args, **kwargs)
        if visit:  # no phone: someone goes round to tell them how it goes on
            self.fields["day"].label = _("Go round on")
            self.fields["note"].label = _("Who goes round, or how else they hear it")
