"""Who may send which request out, and who may open the routes of call-outs.

Row rule: who sends a request out (`may_send`), on the page and in the API alike. `ROUTES`
maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.policy import Access, OwnOr
from naober.reach.selectors import settings_of


def may_send(actor: Actor, request) -> bool:
    """Coordinators send any request out; its requester only when the community allows
    self-service and the request is not one a coordinator arranges."""
    if actor.can(Action.MANAGE_EXCHANGE):
        return True
    return (
        actor.person is not None
        and request.requester_id == actor.person.pk
        and not request.needs_mediation
        and settings_of(actor.community).self_service
    )


def require_may_send(actor: Actor, request) -> None:
    """`may_send`; to anyone else the request is "not found" (404) on the page and in the API,
    as for changing someone else's request."""
    if not may_send(actor, request):
        raise Http404


ROUTES = {
    # pages (URL name)
    "reach:answer": Access.SIGNED_LINK,
    "reach:my_limit": Action.OFFER_HELP,
    "reach:settings": Action.MANAGE_EXCHANGE,
    "reach:send_out": OwnOr(Action.MANAGE_EXCHANGE),
    # API operations (method and path under /api/v1)
    "POST /c/{community}/requests/{request_id}/callout": OwnOr(Action.MANAGE_EXCHANGE),
    "GET /c/{community}/callouts/{callout_id}": Action.MANAGE_EXCHANGE,
    "POST /sms/inbound": Access.SIGNED_REQUEST,
    "GET /c/{community}/reach/settings": Action.MANAGE_EXCHANGE,
    "PATCH /c/{community}/reach/settings": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/reach/my-limit": Action.OFFER_HELP,
    "PUT /c/{community}/reach/my-limit": Action.OFFER_HELP,
}
