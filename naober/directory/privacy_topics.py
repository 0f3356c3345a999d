"""The social map's rows about a person: referrals of them, and referrals they made as a
professional. Both use referral_view, the rule the referral pages and API use."""

from django.utils.translation import gettext_lazy as _

from naober.directory.models import Referral
from naober.directory.selectors import referral_view
from naober.privacy.topics import Group, Topic, leave_out, register

LABELS = {
    "status_label": _("status"),
    "person_name": _("resident"),
    "organisation_name": _("organisation"),
    "referred_by_name": _("referred by"),
    "history": _("history"),
}
HIDDEN = frozenset(
    {"id", "person", "organisation", "help_request", "referred_by", "status", "history"}
)


def _referrals(**where):
    return lambda person: (
        Referral.objects.filter(**{key: person for key in where.values()})
        .select_related("person", "organisation", "referred_by")
        .prefetch_related("events")
        .order_by("pk")
    )


register(
    Topic(
        key="directory.referrals",
        title=_("Referrals to an organisation or to us"),
        group=Group.REFERRALS,
        model=Referral,
        covers=("directory.Referral.person",),
        rows=_referrals(who="person"),
        view=referral_view,
        labels=LABELS,
        hidden_on_page=HIDDEN,
    )
)
register(
    Topic(
        key="directory.referrals_made",
        title=_("Referrals made as a professional"),
        group=Group.REFERRALS,
        model=Referral,
        covers=("directory.Referral.referred_by",),
        rows=_referrals(who="referred_by"),
        view=referral_view,
        labels=LABELS,
        hidden_on_page=HIDDEN,
        about=False,
    )
)
leave_out(
    "directory.ReferralEvent.actor",
    "a coordinator's status change of someone else's referral: in that person's data",
)
