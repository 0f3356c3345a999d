"""Forms of the matching pages: the community's weights and a requester's wish."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.matching.weights import FEATURE_NAMES
from naober.matchmaking.models import GenderWish, MatchingSettings
from naober.matchmaking.selectors import WEIGHT_FIELDS


class SettingsForm(forms.ModelForm):
    """Every Weights field; at least one of the feature weights must be above zero."""

    class Meta:
        model = MatchingSettings
        fields = list(WEIGHT_FIELDS)

    def clean(self):
        cleaned = super().clean()
        weights = [cleaned.get(name) for name in FEATURE_NAMES]
        if all(w is not None for w in weights) and sum(weights) <= 0:
            raise forms.ValidationError(
                _("At least one of the weights must be more than zero."), code="all_zero"
            )
        return cleaned


class WishForm(forms.Form):
    gender = forms.ChoiceField(
        label=_("Helper: man or woman?"),
        choices=GenderWish.choices,
        widget=forms.RadioSelect,
        help_text=_("'Only' means nobody else is suggested. 'Preferably' only moves them up."),
    )
