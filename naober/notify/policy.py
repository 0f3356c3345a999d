"""Who may open the routes of messages: the log, the call list and the letters.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action

ROUTES = {
    # pages (URL name)
    "notify:call_done": Action.MANAGE_EXCHANGE,
    "notify:calls": Action.MANAGE_EXCHANGE,
    "notify:letters": Action.MANAGE_EXCHANGE,
    "notify:log": Action.MANAGE_EXCHANGE,
    "notify:person": Action.MANAGE_EXCHANGE,
    "notify:send": Action.MANAGE_EXCHANGE,
}
