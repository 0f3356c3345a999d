"""Who may open the routes of serving: health and readiness checks, metrics.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.policy import Access

ROUTES = {
    # pages (URL name)
    "ops:healthz": Access.PUBLIC,
    "ops:metrics": Access.OPERATOR,
    "ops:readyz": Access.PUBLIC,
}
