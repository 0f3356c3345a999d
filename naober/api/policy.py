"""Who may open the routes of the API's own operations: tokens and the caller's account.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.policy import Access

ROUTES = {
    # API operations (method and path under /api/v1)
    "POST /token": Access.PUBLIC,
    "DELETE /token": Access.LOGGED_IN,
    "GET /me": Access.LOGGED_IN,
}
