"""Roles: who gives and takes which role, only admins act on admins, the last admin stays.

Every rule is tried through the API (PUT people/{id}/roles) with the allowed and the denied role;
the page uses the same service (tests/privacy/test_access_page.py).
"""

import pytest

from naober.communities.models import Membership, Role
from naober.communities.permissions import (
    GRANTABLE,
    Action,
    grantable_roles,
    is_allowed,
    may_act_on,
)
from naober.privacy.models import AuditEntry

ALL = set(Role.values)
COORDINATOR_MAY = {Role.RESIDENT, Role.VOLUNTEER}
ADMIN_ONLY = sorted(ALL - COORDINATOR_MAY)


def sign_in(client, user) -> None:
    """Log in through the login page (force_login skips the real client address)."""
    response = client.post(
        "/accounts/login/", {"username": user.get_username(), "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302, response.status_code


def roles_of(person) -> set[str]:
    return set(Membership.objects.filter(person=person).values_list("role", flat=True))


def put(api, actor, person, roles):
    return api.login(actor).client.put(
        f"/api/v1/c/{person.community.slug}/people/{person.pk}/roles",
        {"roles": roles},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
    )


@pytest.mark.parametrize("role", Role.values)
def test_table_manage_roles_staff_and_logins_admin_only(role):
    assert is_allowed({role}, Action.MANAGE_ROLES) is (role in {Role.COORDINATOR, Role.ADMIN})
    assert is_allowed({role}, Action.MANAGE_LOGINS) is (role == Role.ADMIN)


def test_grantable_roles_per_role():
    assert grantable_roles({Role.ADMIN}) == ALL
    assert grantable_roles({Role.COORDINATOR}) == COORDINATOR_MAY
    for role in ALL - {Role.ADMIN, Role.COORDINATOR}:
        assert grantable_roles({role}) == frozenset()
    assert set(GRANTABLE) == {Role.ADMIN, Role.COORDINATOR}


def test_may_act_on_protects_administrators_only():
    assert may_act_on({Role.ADMIN}, {Role.ADMIN})
    assert not may_act_on({Role.COORDINATOR}, {Role.ADMIN, Role.RESIDENT})
    assert may_act_on({Role.COORDINATOR}, {Role.COORDINATOR})


@pytest.mark.parametrize("role", Role.values)
def test_admin_gives_and_takes_every_role_with_an_audit_entry(api, community, person_factory, role):
    admin = person_factory(community, "admin")
    person = person_factory(community, "resident")
    wanted = sorted({Role.RESIDENT, role})
    response = put(api, admin, person, wanted)
    assert response.status_code == 200, response.content
    assert response.json()["roles"] == wanted
    assert roles_of(person) == set(wanted)
    if role != Role.RESIDENT:
        assert AuditEntry.objects.filter(person=person, purpose=f"role given: {role}").exists()
        back = put(api, admin, person, [Role.RESIDENT])
        assert back.status_code == 200 and roles_of(person) == {Role.RESIDENT}
        assert AuditEntry.objects.filter(person=person, purpose=f"role taken away: {role}").exists()


@pytest.mark.parametrize("role", sorted(COORDINATOR_MAY))
def test_coordinator_gives_resident_and_volunteer(api, community, person_factory, role):
    coordinator = person_factory(community, "coordinator")
    person = person_factory(community, "core_group")
    response = put(api, coordinator, person, [Role.CORE_GROUP, role])
    assert response.status_code == 200, response.content
    assert roles_of(person) == {Role.CORE_GROUP, role}


@pytest.mark.parametrize("role", ADMIN_ONLY)
def test_coordinator_cannot_give_or_take_other_roles(api, community, person_factory, role):
    coordinator = person_factory(community, "coordinator")
    person = person_factory(community, "resident")
    response = put(api, coordinator, person, [Role.RESIDENT, role])
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert roles_of(person) == {Role.RESIDENT}
    if role != Role.ADMIN:
        holder = person_factory(community, "resident", role)
        taken = put(api, coordinator, holder, [Role.RESIDENT])
        assert taken.status_code == 403
        assert roles_of(holder) == {Role.RESIDENT, role}
    assert not AuditEntry.objects.filter(purpose__startswith="role ").exists()


@pytest.mark.parametrize(
    "role", [Role.RESIDENT, Role.VOLUNTEER, Role.CORE_GROUP, Role.PARTNER, Role.FUNDER]
)
def test_nobody_below_coordinator_changes_roles(api, community, person_factory, role):
    actor = person_factory(community, role)
    person = person_factory(community, "resident")
    response = put(api, actor, person, [Role.RESIDENT, Role.VOLUNTEER])
    assert response.status_code in (403, 404)
    assert roles_of(person) == {Role.RESIDENT}


def test_coordinator_cannot_change_an_administrator_at_all(api, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin")
    response = put(api, coordinator, admin, [Role.ADMIN, Role.VOLUNTEER])
    assert response.status_code == 403
    assert roles_of(admin) == {Role.ADMIN}


def test_a_superusers_person_counts_as_administrator(api, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    person = person_factory(community, "resident")
    person.user.is_superuser = True
    person.user.save()
    assert put(api, coordinator, person, [Role.VOLUNTEER]).status_code == 403
    assert roles_of(person) == {Role.RESIDENT}


@pytest.mark.parametrize(
    "roles", [["boss"], [], ["resident", 3], "resident", None, ["resident"] * 11]
)
def test_bad_roles_are_refused_with_422_and_nothing_changes(api, community, person_factory, roles):
    admin = person_factory(community, "admin")
    person = person_factory(community, "volunteer")
    response = put(api, admin, person, roles)
    assert response.status_code == 422
    assert set(response.json()) >= {"detail", "code"}
    assert roles_of(person) == {Role.VOLUNTEER}


def test_the_last_administrator_keeps_their_role(api, community, person_factory):
    admin = person_factory(community, "admin")
    response = put(api, admin, admin, [Role.RESIDENT])
    assert response.status_code == 422
    assert roles_of(admin) == {Role.ADMIN}
    second = person_factory(community, "admin")
    assert put(api, admin, admin, [Role.RESIDENT]).status_code == 200
    assert roles_of(admin) == {Role.RESIDENT} and roles_of(second) == {Role.ADMIN}


def test_another_communitys_person_is_not_found(api, community, other_community, person_factory):
    admin = person_factory(community, "admin")
    stranger = person_factory(other_community, "resident")
    response = put(api, admin, stranger, [Role.VOLUNTEER])
    assert response.status_code == 404
    response = api.login(admin).client.put(
        f"/api/v1/c/{other_community.slug}/people/{stranger.pk}/roles",
        {"roles": ["volunteer"]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
    )
    assert response.status_code == 404
    assert roles_of(stranger) == {Role.RESIDENT}


# Only admins act on admins: edit, tags and erasure refuse a coordinator, page and API alike.


def test_coordinator_cannot_edit_an_administrator(api, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin", name="Anna Beheer")
    response = api.login(coordinator).patch(
        f"c/{community.slug}/people/{admin.pk}", {"name": "Gewijzigd"}
    )
    assert response.status_code == 403
    admin.refresh_from_db()
    assert admin.name == "Anna Beheer"
    other_admin = person_factory(community, "admin")
    allowed = api.login(other_admin).patch(
        f"c/{community.slug}/people/{admin.pk}", {"name": "Anna B. Beheer"}
    )
    assert allowed.status_code == 200


def test_coordinator_cannot_edit_or_erase_an_administrator_on_pages(community, person_factory):
    from django.test import Client

    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin", name="Anna Beheer")
    client = Client()
    sign_in(client, coordinator.user)
    base = f"/c/{community.slug}/people/{admin.pk}"
    assert client.get(f"{base}/edit/").status_code == 403  # not even the form
    edited = client.post(
        f"{base}/edit/",
        {"name": "Gewijzigd", "phone": "0612345678", "preferred_channel": "phone"},
    )
    assert edited.status_code == 403
    erased = client.post(f"{base}/erase/", {"confirm": "on"})
    assert erased.status_code == 403
    admin.refresh_from_db()
    assert admin.name == "Anna Beheer" and admin.erased_at is None
    # The same coordinator may still edit a resident.
    resident = person_factory(community, "resident")
    page = client.get(f"/c/{community.slug}/people/{resident.pk}/edit/")
    assert page.status_code == 200


def test_coordinator_cannot_erase_an_administrator_through_the_api(api, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin")
    response = api.login(coordinator).post(
        f"c/{community.slug}/people/{admin.pk}/erase", {"confirm": True}
    )
    assert response.status_code == 403
    admin.refresh_from_db()
    assert admin.erased_at is None
