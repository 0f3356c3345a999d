"""Forms of offering help: a neighbour's standing offer, and changing it (with the pause)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.communities.area_picker import AreaChoiceField
from naober.communities.models import AreaKind
from naober.exchange.forms.fields import (
    DAY_PART_LABELS,
    AvailabilityGrid,
    CategoriesField,
    community_categories,
)
from naober.exchange.models import AVAILABILITY_CODES, DAY_PARTS, DAYS, Category, Weekday
from naober.people.languages import codes_from_text, names_of

#: Where an offer can be: a street, a village or a neighbourhood.
PLACES = (AreaKind.STREET, AreaKind.VILLAGE, AreaKind.NEIGHBOURHOOD)


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
        max_length=120,
        required=False,
        help_text=_("For example: Dutch, Turkish"),
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = community_categories(community).filter(in_scope=True)
        self.fields["area"].bind(community)
        weekdays = dict(Weekday.choices)
        self.fields["availability"].widget = AvailabilityGrid(
            days=[(day, weekdays[index]) for index, day in enumerate(DAYS)],
            parts=[(part, DAY_PART_LABELS[part]) for part in DAY_PARTS],
        )

    def clean_languages_text(self) -> list[str]:
        return codes_from_text(self.cleaned_data["languages_text"])

    def offer_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "languages_text"}
        data["languages"] = self.cleaned_data.get("languages_text", [])
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
            "languages_text": names_of(offer.languages),
            "available": offer.available,
        }
        super().__init__(*args, community=offer.community, initial=initial, **kwargs)
