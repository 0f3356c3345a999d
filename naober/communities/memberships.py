"""Membership rows written on behalf of other apps: the one place outside `roles.set_roles` that
gives a person a role.

Registering someone (people), signing up (accounts) and making someone a volunteer (volunteering)
each give a role as part of their own step, after their own permission check; they call
`add_roles` instead of writing Membership rows themselves, so that every Membership row is
written by this app.
"""

from naober.communities.models import Membership, Role


def add_roles(person, roles) -> list[str]:
    """Give `person` these roles on top of the ones they have; returns the roles added.

    The caller has checked that the role may be given (people.services, volunteering.services):
    this function only writes. An unknown role is a programming error (ValueError).
    """
    wanted = list(dict.fromkeys(roles))
    unknown = [role for role in wanted if role not in Role.values]
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    current = set(Membership.objects.filter(person=person).values_list("role", flat=True))
    added = [role for role in wanted if role not in current]
    Membership.objects.bulk_create(
        [Membership(person=person, role=role) for role in added], ignore_conflicts=True
    )
    return added
