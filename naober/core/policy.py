"""Who may open the site's own pages: the landing page, a community's front door, logging in.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.policy import Access

ROUTES = {
    # pages (URL name)
    "community_home": Access.PUBLIC,
    "home": Access.PUBLIC,
    "login": Access.PUBLIC,
    "logout": Access.PUBLIC,
    "password_reset": Access.PUBLIC,
    "password_reset_complete": Access.PUBLIC,
    "password_reset_confirm": Access.SIGNED_LINK,
    "password_reset_done": Access.PUBLIC,
    "set_language": Access.PUBLIC,
}
