"""Who may open the routes of volunteering: volunteer profiles, VOG and trainings.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action

ROUTES = {
    # pages (URL name)
    "volunteering:overview": Action.MANAGE_VOLUNTEERS,
    "volunteering:profile": Action.MANAGE_VOLUNTEERS,
}
