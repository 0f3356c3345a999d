"""Forms of the coordinator's workbench: the summary's period and the notice-board code look-up."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.base.periods import PeriodFormMixin


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
