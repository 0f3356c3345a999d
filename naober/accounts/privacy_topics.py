"""A person's invitations and sign-up, for the data export and erasure (see privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.accounts.models import Invitation, JoinRequest
from naober.privacy.topics import Group, Topic, leave_out, register


def invitation_view(reader, invitation: Invitation) -> dict:
    """How and when a login was offered; never the code (only its hash is kept anyway)."""
    return {
        "id": invitation.pk,
        "via": invitation.via,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
        "used_at": invitation.used_at,
        "revoked_at": invitation.revoked_at,
    }


def sign_up_view(reader, join: JoinRequest) -> dict:
    """What the person filled in when signing up, and what became of it."""
    return {
        "id": join.pk,
        "name": join.name,
        "email": join.email,
        "phone": join.phone,
        "address": join.address,
        "wants": join.wants,
        "status": join.status,
        "created_at": join.created_at,
    }


register(
    Topic(
        key="accounts.invitations",
        title=_("Invitations to log in"),
        group=Group.YOU,
        model=Invitation,
        covers=("accounts.Invitation.person",),
        rows=lambda person: Invitation.objects.filter(person=person).order_by("pk"),
        view=invitation_view,
        labels={"created_at": _("sent on")},
        hidden_on_page=frozenset({"id"}),
    )
)
register(
    Topic(
        key="accounts.sign_up",
        title=_("Signing up"),
        group=Group.YOU,
        model=JoinRequest,
        covers=("accounts.JoinRequest.person",),
        rows=lambda person: JoinRequest.objects.filter(person=person).order_by("pk"),
        view=sign_up_view,
        labels={"created_at": _("signed up on")},
        hidden_on_page=frozenset({"id", "wants"}),
    )
)
leave_out(
    "accounts.Invitation.created_by",
    "the coordinator who invited someone else: in that person's data",
)
leave_out(
    "accounts.JoinRequest.decided_by",
    "the coordinator who decided on someone else's sign-up: in that person's data",
)
