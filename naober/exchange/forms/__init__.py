"""Forms for the exchange pages, one module a subject (asking, offering, a match under way, the
workbench, and the fields they share). They parse and bound input; the services decide the rules.
The pages import them from here."""

from naober.exchange.forms.fields import DAY_PART_LABELS
from naober.exchange.forms.matches import (
    ContactLogForm,
    FollowUpForm,
    IntroductionForm,
    RespondForm,
    ReviewForm,
)
from naober.exchange.forms.offers import OfferEditForm, OfferForm
from naober.exchange.forms.requests import (
    AskHelpForm,
    BrowseFilterForm,
    EnterRequestForm,
    RequestEditForm,
)
from naober.exchange.forms.workbench import LookupForm, PeriodForm

__all__ = [
    "DAY_PART_LABELS",
    "AskHelpForm",
    "BrowseFilterForm",
    "ContactLogForm",
    "EnterRequestForm",
    "FollowUpForm",
    "IntroductionForm",
    "LookupForm",
    "OfferEditForm",
    "OfferForm",
    "PeriodForm",
    "RequestEditForm",
    "RespondForm",
    "ReviewForm",
]
