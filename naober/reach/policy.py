"""Who may open the routes of call-outs: sending a request out and the no-login answer page.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access, OwnOr

ROUTES = {
    # pages (URL name)
    "reach:answer": Access.SIGNED_LINK,
    "reach:my_limit": Action.OFFER_HELP,
    "reach:settings": Action.MANAGE_EXCHANGE,
    "reach:send_out": OwnOr(Action.MANAGE_EXCHANGE),
    # API operations (method and path under /api/v1)
    "POST /c/{community}/requests/{request_id}/callout": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/callouts/{callout_id}": Action.MANAGE_EXCHANGE,
    "POST /sms/inbound": Access.SIGNED_REQUEST,
    "GET /c/{community}/reach/settings": Action.MANAGE_EXCHANGE,
    "PATCH /c/{community}/reach/settings": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/reach/my-limit": Action.OFFER_HELP,
    "PUT /c/{community}/reach/my-limit": Action.OFFER_HELP,
}
