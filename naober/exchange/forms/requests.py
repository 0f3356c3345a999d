"""Forms of asking for help: a resident's own request, a coordinator entering one, changing
an open one, and the filters of the public request list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Area, AreaKind
from naober.exchange.forms.fields import (
    CategoryChoiceField,
    PersonChoiceField,
    community_categories,
)
from naober.exchange.models import Category, Channel, Recurrence, Rhythm, Urgency, Weekday
from naober.people.models import Person
from naober.people.person_picker import PersonSearchField

OFFLINE_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.WEB]


class AskHelpForm(forms.Form):
    """A resident's own request: the few questions a coordinator would ask on the phone."""

    category = CategoryChoiceField(
        label=_("What kind of help do you need?"),
        queryset=Category.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    title = forms.CharField(
        label=_("What do you need help with?"),
        max_length=120,
        help_text=_(
            "In a few words, for example: hang a lamp in the hall. Helpers read this: "
            "no name or address."
        ),
    )
    description = forms.CharField(
        label=_("Tell a bit more"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("When would suit you, what is needed. Do not write your address here."),
    )
    recurrence = forms.ChoiceField(
        label=_("Once or more often?"),
        choices=Recurrence.choices,
        widget=forms.RadioSelect,
        initial=Recurrence.ONE_OFF,
    )
    rhythm = forms.ChoiceField(
        label=_("How often?"),
        required=False,
        choices=[("", "–"), *Rhythm.choices],
        help_text=_("Only when you need help more often."),
    )
    weekday = forms.TypedChoiceField(
        label=_("On which day?"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "–"), *Weekday.choices],
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        initial=Urgency.NORMAL,
    )
    preferred_helper = PersonChoiceField(
        label=_("Would you like the same helper as last time?"),
        required=False,
        queryset=Person.objects.none(),
        empty_label=_("No preference"),
    )
    disclosure = forms.CharField(
        label=_("Is there something a helper should know first?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example that you hear badly or use a wheelchair. "
            "Only a helper who wants to help reads this, before saying yes."
        ),
    )
    publish = forms.BooleanField(
        label=_("Also show my request on the public page of the neighbourhood"),
        required=False,
        initial=False,
        help_text=_(
            "Then anyone can read what you need and your first name, also without logging in. "
            "Never your address or street. Without a tick only neighbours who log in see it."
        ),
    )

    def __init__(self, *args, community, earlier_helpers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = community_categories(community)
        if earlier_helpers is None:
            del self.fields["preferred_helper"]
        else:
            self.fields["preferred_helper"].queryset = earlier_helpers

    def clean(self):
        """The rhythm rules are the service's (services.requests._check_rhythm: recurring help
        needs a rhythm); here only the rhythm fields left filled in under "once" are emptied."""
        cleaned = super().clean()
        if cleaned.get("recurrence") != Recurrence.RECURRING:
            cleaned["rhythm"], cleaned["weekday"] = "", None
        return cleaned

    def request_data(self) -> dict:
        return dict(self.cleaned_data)


class EnterRequestForm(AskHelpForm):
    """A coordinator enters a request that came in by phone, at the walk-in hour or on paper."""

    requester = PersonSearchField(
        label=_("Who needs help?"),
        help_text=_("Not in the list? Register the person first."),
    )
    # Anyone who offers help: thousands in a city, so found by searching (issue 16).
    preferred_helper = PersonSearchField(
        label=_("Preferred helper"), required=False, empty_label=_("No preference")
    )
    channel = forms.ChoiceField(
        label=_("How did the request come in?"), choices=OFFLINE_CHANNELS, initial=Channel.PHONE
    )
    referred_by_text = forms.CharField(
        label=_("Referred by"),
        max_length=120,
        required=False,
        help_text=_("For example the GP or the welfare worker."),
    )
    needs_mediation = forms.BooleanField(
        label=_("A coordinator arranges the match"),
        required=False,
        initial=True,
        help_text=_("Always so for someone without internet or who needs extra care."),
    )

    referred_by = PersonChoiceField(
        label=_("Referring partner"),
        required=False,
        queryset=Person.objects.none(),
        empty_label=_("No partner"),
        help_text=_("A professional who is registered here as a partner."),
    )

    field_order = ["requester", "channel", "referred_by", "referred_by_text", "needs_mediation"]

    def __init__(self, *args, community, people, helpers, partners=None, **kwargs):
        super().__init__(*args, community=community, earlier_helpers=helpers, **kwargs)
        self.fields["requester"].bind(people)
        self.fields["preferred_helper"].bind(helpers)
        if partners is None:
            del self.fields["referred_by"]
        else:
            self.fields["referred_by"].queryset = partners
        self.fields["category"].label = _("Kind of help")
        self.fields["title"].label = _("What is the request?")
        # the title goes out to helpers in call-outs and proposals: the requester stays unnamed
        self.fields["title"].help_text = _(
            "In a few words. Helpers read this: no name or address of the person."
        )
        self.fields["publish"].label = _(
            "The person agrees: also show the request on the public page of the neighbourhood"
        )
        # the coordinator reads these about someone else, not "your address", "you hear badly"
        self.fields["description"].help_text = _(
            "When it suits them and what is needed. Do not write their address here."
        )
        self.fields["rhythm"].help_text = _("Only when they need help more often.")
        self.fields["disclosure"].help_text = _(
            "For example that they hear badly or use a wheelchair. Only a helper who wants to "
            "help reads this, before saying yes."
        )
        self.fields["publish"].help_text = _(
            "Then anyone can read what they need and their first name, also without logging "
            "in. Never their address or street. Without a tick only neighbours who log in see it."
        )


class RequestEditForm(forms.Form):
    """What a requester may still change while the request is open: the same questions as when
    asking, so that the words stay the same."""

    title = AskHelpForm.base_fields["title"]
    description = AskHelpForm.base_fields["description"]
    urgency = AskHelpForm.base_fields["urgency"]
    publish = AskHelpForm.base_fields["publish"]


class BrowseFilterForm(forms.Form):
    """Filters of the public request list; a wrong value shows an error and no filter."""

    category = CategoryChoiceField(
        label=_("Kind of help"),
        required=False,
        queryset=Category.objects.none(),
        empty_label=_("All kinds"),
    )
    area = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        required=False,
        queryset=Area.objects.none(),
        empty_label=_("All neighbourhoods"),
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = community_categories(community).filter(in_scope=True)
        self.fields["area"].queryset = Area.objects.filter(
            community=community,
            kind__in=[AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE, AreaKind.DISTRICT],
        ).order_by("name")
