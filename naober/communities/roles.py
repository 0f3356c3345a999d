"""Giving and taking roles, switching a login off, and the rule that only administrators act on
administrators.

Pages and the API both call `set_roles` and `set_login_active`; every service that edits, erases or
switches off a person calls `require_may_act_on` first. The rules live in `permissions.py`.

`person` is the people app's Person, which stands on this app: it is passed in, never imported
(`type(person)` locks or looks up its rows). The audit entries go through `auditing`, and the
apps that hang rows on a login (the API's tokens) hear `login_switched_off`.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from naober.communities import auditing
from naober.communities.context import Actor
from naober.communities.models import Community, Membership, Role
from naober.communities.permissions import Action, grantable_roles, may_act_on
from naober.communities.signals import login_switched_off


def target_roles(person) -> frozenset[str]:
    """The roles that protect `person`: their memberships, and `admin` for a platform superuser."""
    roles = set(Membership.objects.filter(person=person).values_list("role", flat=True))
    if person.user_id is not None and person.user.is_superuser:
        roles.add(Role.ADMIN)
    return frozenset(roles)


def require_may_act_on(actor: Actor, person) -> None:
    """Refuse (403) when someone below administrator acts on an administrator; oneself is fine."""
    if actor.person is not None and actor.person.pk == person.pk:
        return
    if not may_act_on(actor.roles, target_roles(person)):
        raise PermissionDenied("only administrators act on administrators")


def clean_roles(roles) -> list[str]:
    """Known role codes without repeats, in the given order; ValidationError otherwise."""
    if not isinstance(roles, list | tuple) or not all(isinstance(r, str) for r in roles):
        raise ValidationError({"roles": [_("Choose roles from the list.")]})
    wanted = list(dict.fromkeys(roles))
    if any(role not in Role.values for role in wanted):
        raise ValidationError({"roles": [_("Unknown role.")]})
    if not wanted:
        raise ValidationError({"roles": [_("Choose at least one role.")]})
    return wanted


@transaction.atomic
def set_roles(actor: Actor, person, roles) -> list[str]:
    """Give `person` exactly these roles; each role given or taken leaves an audit entry.

    A coordinator gives and takes only `resident` and `volunteer`; only an administrator changes
    an administrator; a community always keeps at least one administrator. Returns the new roles.
    """

    actor.require(Action.MANAGE_ROLES)
    if person.community_id != actor.community.pk or person.erased_at is not None:
        raise Http404
    wanted = clean_roles(roles)
    person = type(person).objects.select_for_update().get(pk=person.pk)
    require_may_act_on(actor, person)
    current = set(person.memberships.values_list("role", flat=True))
    added = [role for role in wanted if role not in current]
    removed = sorted(current - set(wanted))
    if not set(added + removed) <= grantable_roles(actor.roles):
        raise PermissionDenied("role not grantable")
    if Role.ADMIN in removed:
        # Lock the community row so that two administrators removing each other cannot both win.
        Community.objects.select_for_update().get(pk=actor.community.pk)
        others = Membership.objects.filter(
            person__community=actor.community, person__erased_at__isnull=True, role=Role.ADMIN
        ).exclude(person=person)
        if not others.exists():
            raise ValidationError(
                {"roles": [_("The community needs an administrator: appoint another one first.")]}
            )
    Membership.objects.filter(person=person, role__in=removed).delete()
    Membership.objects.bulk_create(Membership(person=person, role=role) for role in added)
    for role in added:
        auditing.record_change(actor, person, f"role given: {role}", ["roles"])
    for role in removed:
        auditing.record_change(actor, person, f"role taken away: {role}", ["roles"])
    return sorted(wanted)


def login_switchable(actor: Actor, person) -> bool:
    """Not one's own login, not a superuser's, not one shared with another community."""

    if person.user_id is None or (actor.person is not None and actor.person.pk == person.pk):
        return False
    if person.user.is_superuser:
        return False
    logins = type(person).objects.filter(user_id=person.user_id)
    return not logins.exclude(community=actor.community).exists()


@transaction.atomic
def set_login_active(actor: Actor, person, active: bool) -> bool:
    """Switch a member's login off (or on again): an administrator's step, audited.

    Switching off also ends the login's API tokens; the sessions end by themselves (Django refuses
    an inactive user). Refused for one's own login, a superuser's, and a login that also belongs
    to a person in another community (that community's administrators decide there).
    """

    actor.require(Action.MANAGE_LOGINS)
    if person.community_id != actor.community.pk or person.erased_at is not None:
        raise Http404
    require_may_act_on(actor, person)
    if person.user_id is None:
        raise Http404
    user = type(person.user).objects.select_for_update().get(pk=person.user_id)
    if not login_switchable(actor, person):
        raise PermissionDenied("login not switchable here")
    if user.is_active == bool(active):
        return user.is_active
    user.is_active = bool(active)
    user.save(update_fields=["is_active"])
    if not active:
        login_switched_off.send(sender=set_login_active, user=user)
    auditing.record_change(
        actor, person, "login switched on" if active else "login switched off", ["login"]
    )
    return user.is_active
