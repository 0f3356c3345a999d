"""The people app's rows about a person, for the data export and erasure (see privacy.topics).

Privacy stands on people, so it declares these topics itself instead of people importing the
registry upward; PrivacyConfig.ready() loads them before every other app's `privacy_topics`.
"""

from django.utils.translation import gettext_lazy as _

from naober.communities.models import Membership, Role
from naober.people.models import Consent, Person, PersonTag
from naober.people.selectors import person_view
from naober.privacy.topics import Group, Topic, leave_out, register


def consent_view(reader, consent: Consent) -> dict:
    """One recorded yes or no: what, how and when (who wrote it down is staff bookkeeping)."""
    return {
        "id": consent.pk,
        "purpose": consent.purpose,
        "granted": consent.granted,
        "method": consent.method,
        "recorded_at": consent.recorded_at,
        "note": consent.note,
    }


def tag_view(reader, item: PersonTag) -> dict:
    return {
        "id": item.pk,
        "label": item.tag.label,
        "kind": item.kind,
        "life_domain": item.tag.life_domain,
    }


def membership_view(reader, membership: Membership) -> dict:
    return {"id": membership.pk, "role": membership.role, "since": membership.created_at}


register(
    Topic(
        key="person",
        title=_("Personal details"),
        group=Group.YOU,
        model=Person,
        covers=(),
        rows=lambda person: [person],
        view=person_view,
        about=False,
        labels={"area_name": _("street or village"), "roles": _("roles")},
        hidden_on_page=frozenset({"id", "area"}),
        readable={"roles": lambda codes: ", ".join(str(Role(c).label) for c in codes)},
    )
)
register(
    Topic(
        key="communities.memberships",
        title=_("Roles"),
        group=Group.YOU,
        model=Membership,
        covers=("communities.Membership.person",),
        rows=lambda person: Membership.objects.filter(person=person).order_by("pk"),
        view=membership_view,
        labels={"since": _("since")},
    )
)
register(
    Topic(
        key="people.consents",
        title=_("Consents"),
        group=Group.YOU,
        model=Consent,
        covers=("people.Consent.person",),
        rows=lambda person: Consent.objects.filter(person=person).order_by("recorded_at", "pk"),
        view=consent_view,
    )
)
register(
    Topic(
        key="people.tags",
        title=_("Talents and needs"),
        group=Group.YOU,
        model=PersonTag,
        covers=("people.PersonTag.person",),
        rows=lambda person: PersonTag.objects.filter(person=person).select_related("tag"),
        erase_delete=True,
        view=tag_view,
        labels={"label": _("talent or need"), "kind": _("kind"), "life_domain": _("life domain")},
    )
)
leave_out(
    "people.Consent.recorded_by",
    "the coordinator who wrote down someone else's consent: in that person's data",
)
