"""Who may open the routes of the doors: paper and public entry points.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access

ROUTES = {
    # pages (URL name)
    "doors:door": Access.PUBLIC,
    "doors:signups": Action.MANAGE_VOLUNTEERS,
    "doors:talent_paper": Access.PUBLIC,
    "doors:talents": Action.MANAGE_VOLUNTEERS,
    "doors:thanks": Access.PUBLIC,
    # API operations (method and path under /api/v1): the same doors, without a login
    "POST /c/{community}/callback": Access.PUBLIC,
    "POST /c/{community}/concerns": Access.PUBLIC,
    "POST /c/{community}/volunteers": Access.PUBLIC,
    "POST /c/{community}/talents": Access.PUBLIC,
}
