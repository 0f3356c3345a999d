"""Who may open the routes of accounts: invitations, activation, sign-up and its queue, login codes.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access

ROUTES = {
    # pages (URL name)
    "accounts:invite": Action.INVITE_PEOPLE,
    "accounts:join": Access.PUBLIC,
    "accounts:join_request_approve": Action.MANAGE_JOIN_REQUESTS,
    "accounts:join_request_reject": Action.MANAGE_JOIN_REQUESTS,
    "accounts:join_requests": Action.MANAGE_JOIN_REQUESTS,
    "accounts:join_sent": Access.PUBLIC,
    "accounts:join_verify": Access.PUBLIC,
    "accounts:revoke": Action.INVITE_PEOPLE,
    "activate": Access.PUBLIC,
    "after_login": Access.LOGGED_IN,
    "login_code": Access.PUBLIC,
    "login_code_enter": Access.PUBLIC,
    # API operations (method and path under /api/v1)
    "POST /c/{community}/people/{person_id}/invitation": Action.INVITE_PEOPLE,
    "DELETE /c/{community}/people/{person_id}/invitation": Action.INVITE_PEOPLE,
    "POST /activate": Access.PUBLIC,
    "POST /c/{community}/join": Access.PUBLIC,
    "POST /c/{community}/join/verify": Access.PUBLIC,
    "GET /c/{community}/join-requests": Action.MANAGE_JOIN_REQUESTS,
    "POST /c/{community}/join-requests/{join_id}/approve": Action.MANAGE_JOIN_REQUESTS,
    "POST /c/{community}/join-requests/{join_id}/reject": Action.MANAGE_JOIN_REQUESTS,
}
