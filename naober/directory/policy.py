"""Who may do what to which referral, and what each route of the social map needs.

Row rules: which referrals someone sees, and who may refer a help request out (the selectors,
the services, the pages and the API all ask here). `ROUTES` maps every page and API operation of
the social map and referrals to the action it needs (see naober/communities/policy.py);
tests/security/test_route_actions.py checks it for every role.
"""

from django.db.models import QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.policy import OwnOr
from naober.directory.models import Referral


def visible_referrals(actor: Actor, referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Coordinators see every referral; a professional only the ones they made themselves."""
    if actor.can(Action.MANAGE_REFERRALS):
        return referrals
    return referrals.filter(referred_by=actor.person)


def may_refer_request(actor: Actor, help_request) -> bool:
    """Refer a help request out: staff, and whoever asked or entered it (an out-of-scope request
    is referred as it is made, also by the resident, the visitor or the professional)."""
    if help_request.community_id != actor.community.pk:
        return False
    own = actor.person is not None and actor.person.pk in (
        help_request.requester_id,
        help_request.entered_by_id,
    )
    return own or actor.can(Action.REFER_OUT) or actor.can(Action.ENTER_FOR_OTHERS)


ROUTES = {
    # pages (URL name)
    "directory:create": Action.MANAGE_DIRECTORY,
    "directory:detail": Action.VIEW_DIRECTORY,
    "directory:edit": Action.MANAGE_DIRECTORY,
    "directory:export": Action.MANAGE_DIRECTORY,
    "directory:import": Action.MANAGE_DIRECTORY,
    "directory:my_referrals": Action.REFER,
    "directory:refer_in": Action.REFER,
    "directory:refer_out": Action.REFER_OUT,
    "directory:referral": OwnOr(Action.MANAGE_REFERRALS),
    "directory:referrals": Action.REFER,
    "directory:search": Action.VIEW_DIRECTORY,
    "directory:service_create": Action.MANAGE_DIRECTORY,
    "directory:service_edit": Action.MANAGE_DIRECTORY,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/organisations": Action.VIEW_DIRECTORY,
    "POST /c/{community}/organisations": Action.MANAGE_DIRECTORY,
    "GET /c/{community}/organisations/{organisation_id}": Action.VIEW_DIRECTORY,
    "GET /c/{community}/referrals": Action.REFER,
    "POST /c/{community}/referrals": Action.REFER,
    "GET /c/{community}/referrals/{referral_id}": OwnOr(Action.MANAGE_REFERRALS),
    "PATCH /c/{community}/referrals/{referral_id}": Action.MANAGE_REFERRALS,
}
