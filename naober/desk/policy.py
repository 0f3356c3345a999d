"""Who hears the phone ring, and who may open the routes of the front desk: rota, calls,
caller card and intake.

Row rule: the ringing notice (`hears_the_phone`). `ROUTES` maps every page and API operation
of this app to the action it needs (see naober/communities/policy.py);
tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.policy import Access


def hears_the_phone(actor: Actor, duty: list) -> bool:
    """Who sees "<name> is calling": a desk worker on duty (`duty`, the desk's rota now), or
    every desk worker when nobody is on duty."""
    if not actor.can(Action.WORK_DESK) or actor.person is None:
        return False
    return not duty or actor.person.pk in {person.pk for person in duty}


ROUTES = {
    # pages (URL name)
    "desk:callback_done": Action.WORK_DESK,
    "desk:callbacks": Action.WORK_DESK,
    "desk:caller": Action.WORK_DESK,
    "desk:calls": Action.WORK_DESK,
    "desk:desk": Action.WORK_DESK,
    "desk:intake": Action.MANAGE_EXCHANGE,
    "desk:lookup": Action.WORK_DESK,
    "desk:ringing": Action.WORK_DESK,
    "desk:ringing_seen": Action.WORK_DESK,
    "desk:rota": Action.WORK_DESK,
    "desk:shift_remove": Action.EDIT_ROTA,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/desk/on-duty": Action.WORK_DESK,
    "GET /c/{community}/desk/calls": Action.WORK_DESK,
    "POST /c/{community}/desk/calls": Action.WORK_DESK,
    "POST /c/{community}/desk/incoming-call": Access.SIGNED_REQUEST,
}
