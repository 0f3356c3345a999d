"""Who may open the routes of people: the residents' list, a person's card, consent and tags.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access, OwnOr

ROUTES = {
    # pages (URL name)
    "people:create": Action.CREATE_PERSON,
    "people:detail": OwnOr(Action.VIEW_PEOPLE),
    "people:edit": OwnOr(Action.CHANGE_PERSON),
    "people:list": Action.VIEW_PEOPLE,
    "people:profile": Access.MEMBER,
    "people:tag_add": Access.MEMBER,
    "people:tag_remove": Access.MEMBER,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/me": Access.MEMBER,
    "GET /c/{community}/people": Action.VIEW_PEOPLE,
    "POST /c/{community}/people": Action.CREATE_PERSON,
    "GET /c/{community}/people/{person_id}": Action.VIEW_PEOPLE,
    "PATCH /c/{community}/people/{person_id}": OwnOr(Action.CHANGE_PERSON),
}
