"""Who may register someone, write down whose consent, and what each route of people needs.

Row rules: who registers a person, who records a consent for whom. `ROUTES` maps every page
and API operation of people (the residents' list, a person's card, consent and tags) to the
action it needs (see naober/communities/policy.py); tests/security/test_route_actions.py
checks it for every role.
"""

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.policy import Access, OwnOr

# Besides staff (RECORD_CONSENT) and the person themself, two people write down a yes or a no
# they heard while doing their own task: the visitor at their own house visit and the
# professional who refers someone. Only the outreach and directory services pass `heard_as`,
# after their own row rule (this visitor's visit); what they write down is always "spoken".
HEARD_AS = frozenset({Action.RECORD_VISIT, Action.REFER})


def may_record_consent(actor: Actor, person, *, heard_as: Action | None = None) -> bool:
    """Staff for anyone, a person for themself, or someone who heard it doing `heard_as`."""
    if heard_as is not None:
        return heard_as in HEARD_AS and actor.can(heard_as)
    is_self = actor.person is not None and actor.person.pk == person.pk
    return is_self or actor.can(Action.RECORD_CONSENT)


# Besides staff (CREATE_PERSON), the professional who refers someone in registers that person,
# always as a resident without a login; only the directory's refer_in passes `heard_as`.
REGISTERED_AS = frozenset({Action.REFER})


def may_register(actor: Actor, *, heard_as: Action | None = None) -> bool:
    """Staff register anyone; someone doing `heard_as` (a referral) the person it is about."""
    if heard_as is not None:
        return heard_as in REGISTERED_AS and actor.can(heard_as)
    return actor.can(Action.CREATE_PERSON)


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
