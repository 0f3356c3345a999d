"""Forms for the exchange pages. They parse and bound input; the services decide the rules.

Why over 400 lines: one form per exchange page (request, offer, match step, follow-up, filters);
each is small and only parses input, so a page's form is found by its page's name.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.base.periods import PeriodFormMixin
from naober.communities.area_picker import AreaChoiceField
from naober.communities.models import Area, AreaKind
from naober.exchange.models import (
    AVAILABILITY_CODES,
    DAY_PARTS,
    DAYS,
    Category,
    Channel,
    ContactKind,
    ContactOutcome,
    Recurrence,
    Rhythm,
    Urgency,
    Weekday,
    WouldHelp,
)
from naober.people.models import Person


class CategoryChoiceField(forms.ModelChoiceField):
    """Categories by their label in the reader's language (the community's own Dutch words)."""

    def label_from_instance(self, obj):
        return obj.display_label


class CategoriesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_label


class PersonChoiceField(forms.ModelChoiceField):
    """People by name and street, so that two neighbours called Jan are told apart."""

    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.public_place}" if obj.public_place else obj.name


class AvailabilityGrid(forms.CheckboxSelectMultiple):
    """Days as rows and parts of the day as columns, one labelled checkbox per cell."""

    template_name = "exchange/widgets/availability_grid.html"

    def __init__(self, days, parts, attrs=None):
        super().__init__(attrs)
        self.days, self.parts = days, parts

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = set(value or [])
        context["widget"]["parts"] = self.parts
        context["widget"]["rows"] = [
            {
                "label": day_label,
                "cells": [
                    {
                        "value": f"{day}-{part}",
                        "label": f"{day_label} {part_label}",
                        "checked": f"{day}-{part}" in chosen,
                    }
                    for part, part_label in self.parts
                ],
            }
            for day, day_label in self.days
        ]
        return context


def _community_categories(community):
    """The categories people may choose: those the administrators have not switched off."""
    return Category.objects.filter(community=community, active=True).order_by("position", "label")


#: Where an offer can be: a street, a village or a neighbourhood.
PLACES = (AreaKind.STREET, AreaKind.VILLAGE, AreaKind.NEIGHBOURHOOD)


class PeriodForm(PeriodFormMixin, forms.Form):
    """A from-to period for the summary; both dates are needed (naober/base/periods.py: rule)."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Up to and including"), widget=forms.DateInput(attrs={"type": "date"})
    )

    @staticmethod
    def default_initial() -> dict:
        today = timezone.localdate()
        return {"start": today - datetime.timedelta(days=30), "end": today}


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the notice board"),
        max_length=12,
        help_text=_("For example V-4821 for a request or A-1234 for an offer."),
    )


DAY_PART_LABELS = {"morning": _("morning"), "afternoon": _("afternoon"), "evening": _("evening")}
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
        help_text=_("In a few words, for example: hang a lamp in the hall."),
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
        self.fields["category"].queryset = _community_categories(community)
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

    requester = PersonChoiceField(
        label=_("Who needs help?"),
        queryset=Person.objects.none(),
        help_text=_("Not in the list? Register the person first."),
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
        self.fields["requester"].queryset = people
        if partners is None:
            del self.fields["referred_by"]
        else:
            self.fields["referred_by"].queryset = partners
        self.fields["preferred_helper"].label = _("Preferred helper")
        self.fields["category"].label = _("Kind of help")
        self.fields["title"].label = _("What is the request?")
        self.fields["publish"].label = _(
            "The person agrees: also show the request on the public page of the neighbourhood"
        )


class OfferForm(forms.Form):
    """A neighbour's standing offer: what, when, how often and how far."""

    categories = CategoriesField(
        label=_("What would you like to help with?"),
        queryset=Category.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Tell what you can do"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    availability = forms.MultipleChoiceField(
        label=_("When can you help?"),
        required=False,
        choices=[(code, code) for code in AVAILABILITY_CODES],
        help_text=_("Tick the parts of the week that suit you. Nothing ticked means: ask me."),
    )
    max_per_month = forms.IntegerField(
        label=_("At most how often a month?"),
        min_value=1,
        max_value=31,
        initial=2,
    )
    area = AreaChoiceField(
        label=_("Where can you help?"),
        required=False,
        kinds=PLACES,
        empty_label=_("Anywhere in the neighbourhood"),
    )
    radius_m = forms.IntegerField(
        label=_("How far from home (metres)"),
        required=False,
        min_value=100,
        max_value=50000,
    )
    languages_text = forms.CharField(
        label=_("Languages you speak"),
        max_length=60,
        required=False,
        help_text=_("Language codes separated by commas, for example: nl, tr"),
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = _community_categories(community).filter(in_scope=True)
        self.fields["area"].bind(community)
        weekdays = dict(Weekday.choices)
        self.fields["availability"].widget = AvailabilityGrid(
            days=[(day, weekdays[index]) for index, day in enumerate(DAYS)],
            parts=[(part, DAY_PART_LABELS[part]) for part in DAY_PARTS],
        )

    def offer_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "languages_text"}
        text = self.cleaned_data.get("languages_text", "")
        data["languages"] = [part for part in text.replace(" ", ",").split(",") if part]
        return data


class OfferEditForm(OfferForm):
    """The offer form plus the switch between paused and visible, filled in from the offer."""

    available = forms.BooleanField(
        label=_("Visible to neighbours"),
        required=False,
        help_text=_("Untick to pause your offer. Nobody will ask you while it is paused."),
    )

    def __init__(self, *args, offer, **kwargs):
        initial = {
            "categories": list(offer.categories.all()),
            "description": offer.description,
            "availability": list(offer.availability or []),
            "max_per_month": offer.max_per_month,
            "area": offer.area_id,
            "radius_m": offer.radius_m,
            "languages_text": ", ".join(offer.languages or []),
            "available": offer.available,
        }
        super().__init__(*args, community=offer.community, initial=initial, **kwargs)


class RequestEditForm(forms.Form):
    """What a requester may still change while the request is open: the same questions as when
    asking, so that the words stay the same."""

    title = AskHelpForm.base_fields["title"]
    description = AskHelpForm.base_fields["description"]
    urgency = AskHelpForm.base_fields["urgency"]
    publish = AskHelpForm.base_fields["publish"]


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
        self.fields["category"].queryset = _community_categories(community).filter(in_scope=True)
        self.fields["area"].queryset = Area.objects.filter(
            community=community,
            kind__in=[AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE, AreaKind.DISTRICT],
        ).order_by("name")
