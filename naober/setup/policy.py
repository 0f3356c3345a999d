"""Who may open the routes of setup: settings, categories and areas; starting a community.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access

ROUTES = {
    # pages (URL name)
    "setup:areas": Action.MANAGE_COMMUNITY,
    "setup:areas_export": Action.MANAGE_COMMUNITY,
    "setup:areas_import": Action.MANAGE_COMMUNITY,
    "setup:categories": Action.MANAGE_COMMUNITY,
    "setup:invite": Action.INVITE_PEOPLE,
    "setup:category_edit": Action.MANAGE_COMMUNITY,
    "setup:category_move": Action.MANAGE_COMMUNITY,
    "setup:settings": Action.MANAGE_COMMUNITY,
    "setup_administrator": Access.SUPERUSER,
    "setup_community_create": Access.SUPERUSER,
    # API operations (method and path under /api/v1)
    "POST /communities": Access.SUPERUSER,
    "POST /communities/{community}/administrators": Access.SUPERUSER,
    "GET /c/{community}/contact": Access.PUBLIC,
    "GET /c/{community}/settings": Action.MANAGE_COMMUNITY,
    "PATCH /c/{community}/settings": Action.MANAGE_COMMUNITY,
    "GET /c/{community}/areas": Access.MEMBER,
    "POST /c/{community}/areas": Action.MANAGE_COMMUNITY,
    "POST /c/{community}/areas/import": Action.MANAGE_COMMUNITY,
}
