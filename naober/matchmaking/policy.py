"""Who may open the routes of matchmaking: the plan and a request's wishes.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action

ROUTES = {
    # pages (URL name)
    "matchmaking:plan": Action.MANAGE_EXCHANGE,
    "matchmaking:plan_propose": Action.MANAGE_EXCHANGE,
    "matchmaking:plan_refresh": Action.MANAGE_EXCHANGE,
    "matchmaking:settings": Action.MANAGE_COMMUNITY,
    "matchmaking:wish": Action.MANAGE_EXCHANGE,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/plan": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/requests/{request_id}/wish": Action.MANAGE_EXCHANGE,
    "PUT /c/{community}/requests/{request_id}/wish": Action.MANAGE_EXCHANGE,
}
