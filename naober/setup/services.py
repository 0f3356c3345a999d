"""Appointing a new community's first administrator: the platform administrator's one step
inside a community they are not a member of.

The person is registered through the people services and invited through the accounts
invitation service (e-mail, SMS or a printed letter), like anyone a coordinator invites.
"""

from django.db import transaction

from naober.accounts.invitations import invite
from naober.communities.context import Actor
from naober.communities.models import Community, Role
from naober.communities.permissions import Action
from naober.communities.services import require_platform_admin
from naober.people.services import register_person


def platform_actor(user, community: Community) -> Actor:
    """The platform administrator acting as this community's administrator, for setting it up.

    It is never a member: pages and API calls inside the community still answer 404 to them.
    """
    require_platform_admin(user)
    return Actor(community=community, person=None, roles=frozenset({Role.ADMIN}))


def invite_member(actor: Actor, data: dict, role: str, via: str):
    """One step for an administrator (or a coordinator, for the roles they may give): register
    someone with a role and invite them to log in. Returns (person, issued code).

    The people services register and check the role, the accounts service invites; all in one
    transaction, so a refusal anywhere (a taken role, no e-mail address for an e-mail, a mail server
    that refuses) stores nothing.
    """
    actor.require(Action.INVITE_PEOPLE)
    with transaction.atomic():
        person = register_person(actor, data, roles=[role])
        issued = invite(person, via, by=actor)
    return person, issued


def appoint_administrator(user, community: Community, data: dict, via: str):
    """Register the community's administrator and invite them; returns (person, issued code)."""

    actor = platform_actor(user, community)
    with transaction.atomic():
        channel = {"email": "email", "sms": "sms", "letter": "letter"}.get(via, "")
        person = register_person(
            actor, {**data, "preferred_channel": channel or "email"}, roles=[Role.ADMIN]
        )
        issued = invite(person, via, None, platform_contact=user.email or user.get_username())
    return person, issued
