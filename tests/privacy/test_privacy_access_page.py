"""The "Roles and login" page, and API tokens: revoked with the password, listed and revoked by an
administrator (page and API), only admins acting on admins.
"""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from naober.api.models import ApiToken
from naober.communities.models import Membership
from naober.privacy.models import AuditEntry, SecondFactorSetupCode


def sign_in(client, user) -> None:
    """Log in through the login page (force_login skips the real client address)."""
    response = client.post(
        "/accounts/login/", {"username": user.get_username(), "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302, response.status_code


class StrongerHasher(MD5PasswordHasher):
    """A cheap stand-in for a stronger hasher that passwords are upgraded to at login."""

    algorithm = "stronger"


def roles_of(person) -> set[str]:
    return set(Membership.objects.filter(person=person).values_list("role", flat=True))


def page_client(person) -> Client:
    client = Client()
    sign_in(client, person.user)
    return client


def access_url(person, tail=""):
    return f"/c/{person.community.slug}/people/{person.pk}/access/{tail}"


def bearer(person) -> dict:
    _, raw = ApiToken.issue(person.user, second_factor=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# Roles on the page


def test_admin_gives_a_role_on_the_page_with_an_audit_entry(community, person_factory):
    admin = person_factory(community, "admin")
    person = person_factory(community, "resident")
    client = page_client(admin)
    page = client.get(access_url(person))
    assert page.status_code == 200
    assert 'value="coordinator"' in page.content.decode()
    response = client.post(access_url(person), {"roles": ["resident", "coordinator"]})
    assert response.status_code == 302
    assert roles_of(person) == {"resident", "coordinator"}
    assert AuditEntry.objects.filter(person=person, purpose="role given: coordinator").exists()


def test_coordinator_gives_volunteer_but_the_other_roles_are_locked(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    person = person_factory(community, "resident", "core_group")
    client = page_client(coordinator)
    html = client.get(access_url(person)).content.decode()
    assert 'value="coordinator" id="role_coordinator" disabled' in html
    assert 'value="volunteer" id="role_volunteer">' in html
    # A locked box that is sent anyway (a forged form) changes nothing; core_group stays.
    response = client.post(access_url(person), {"roles": ["volunteer", "admin"]})
    assert response.status_code == 302
    assert roles_of(person) == {"volunteer", "core_group"}


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_roles_page_is_for_staff_only(community, person_factory, role):
    actor = person_factory(community, role)
    person = person_factory(community, "resident")
    client = page_client(actor)
    assert client.get(access_url(person)).status_code in (403, 404)
    assert client.post(access_url(person), {"roles": ["volunteer"]}).status_code in (403, 404)
    assert roles_of(person) == {"resident"}


def test_coordinator_cannot_open_an_administrators_roles_page(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin")
    client = page_client(coordinator)
    assert client.get(access_url(admin)).status_code == 403
    assert client.post(access_url(admin), {"roles": ["volunteer"]}).status_code == 403
    assert roles_of(admin) == {"admin"}


def test_the_last_admin_sees_a_clear_error(community, person_factory):
    admin = person_factory(community, "admin")
    client = page_client(admin)
    response = client.post(access_url(admin), {"roles": ["resident"]})
    assert response.status_code == 422
    assert "administrator" in response.content.decode() or "beheerder" in response.content.decode()
    assert roles_of(admin) == {"admin"}


@pytest.mark.parametrize("roles", [[], ["boss"]])
def test_bad_roles_on_the_page_change_nothing(community, person_factory, roles):
    admin = person_factory(community, "admin")
    person = person_factory(community, "volunteer")
    response = page_client(admin).post(access_url(person), {"roles": roles})
    assert response.status_code == 422
    assert roles_of(person) == {"volunteer"}


# Tokens: the administrator's list and revoke (page and API)


def test_admin_lists_and_revokes_a_members_tokens_in_the_api(community, person_factory):
    admin = person_factory(community, "admin")
    member = person_factory(community, "volunteer")
    first, raw_first = ApiToken.issue(member.user)
    second, _raw = ApiToken.issue(member.user)
    headers = bearer(admin)
    base = f"/api/v1/c/{community.slug}/people/{member.pk}/tokens"
    listed = Client().get(base, **headers)
    assert listed.status_code == 200
    assert {t["id"] for t in listed.json()} == {first.pk, second.pk}
    assert "key_hash" not in listed.json()[0]
    one = Client().delete(f"{base}/{first.pk}", **headers)
    assert one.status_code == 204
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw_first}").status_code == 401
    everything = Client().delete(base, **headers)
    assert everything.status_code == 200 and everything.json() == {"revoked": 1}
    assert not ApiToken.objects.usable().filter(user=member.user).exists()
    assert AuditEntry.objects.filter(person=member, purpose="API access revoked").count() == 2


def test_someone_elses_token_id_is_not_found(community, person_factory):
    admin = person_factory(community, "admin")
    member = person_factory(community, "volunteer")
    other = person_factory(community, "resident")
    token, _raw = ApiToken.issue(other.user)
    response = Client().delete(
        f"/api/v1/c/{community.slug}/people/{member.pk}/tokens/{token.pk}", **bearer(admin)
    )
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize("role", ["coordinator", "resident", "core_group", "partner", "funder"])
def test_only_admins_list_or_revoke_tokens(community, person_factory, role):
    actor = person_factory(community, role)
    member = person_factory(community, "volunteer")
    token, _raw = ApiToken.issue(member.user)
    base = f"/api/v1/c/{community.slug}/people/{member.pk}/tokens"
    assert Client().get(base, **bearer(actor)).status_code in (403, 404)
    assert Client().delete(base, **bearer(actor)).status_code in (403, 404)
    client = page_client(actor)
    assert client.post(access_url(member, "revoke/")).status_code in (403, 404)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_another_communitys_admin_cannot_touch_tokens(community, other_community, person_factory):
    admin = person_factory(other_community, "admin")
    member = person_factory(community, "volunteer")
    ApiToken.issue(member.user)
    response = Client().delete(
        f"/api/v1/c/{community.slug}/people/{member.pk}/tokens", **bearer(admin)
    )
    assert response.status_code == 404
    assert ApiToken.objects.usable().filter(user=member.user).exists()


def test_admin_page_shows_tokens_and_revokes_them(community, person_factory):
    admin = person_factory(community, "admin")
    member = person_factory(community, "volunteer")
    token, _raw = ApiToken.issue(member.user)
    client = page_client(admin)
    page = client.get(access_url(member))
    assert token.prefix in page.content.decode()
    for bad in ("abc", "9" * 40, "-1"):
        assert client.post(access_url(member, "revoke/"), {"token": bad}).status_code == 404
    response = client.post(access_url(member, "revoke/"), {"token": str(token.pk)})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_admin_page_issues_a_setup_code_shown_once(community, person_factory):
    admin = person_factory(community, "admin")
    member = person_factory(community, "coordinator")
    client = page_client(admin)
    response = client.post(access_url(member, "setup-code/"))
    assert response.status_code == 200
    raw = response.context["issued"]["code"]
    assert raw in response.content.decode()
    assert raw not in client.get(access_url(member)).content.decode()
    assert SecondFactorSetupCode.objects.filter(user=member.user, used_at=None).count() == 1


def test_coordinator_cannot_act_on_an_admins_login(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin")
    token, _raw = ApiToken.issue(admin.user)
    client = page_client(coordinator)
    # Logins are the administrators' (404 to others, as every person page they may not use).
    assert client.post(access_url(admin, "revoke/")).status_code in (403, 404)
    assert client.post(access_url(admin, "setup-code/")).status_code in (403, 404)
    token.refresh_from_db()
    assert token.revoked_at is None


# Tokens end with the password


def test_a_new_password_revokes_every_token(community, person_factory):
    person = person_factory(community, "volunteer")
    first, _ = ApiToken.issue(person.user)
    second, _ = ApiToken.issue(person.user)
    person.user.set_password("een-heel-nieuw-wachtwoord")
    person.user.save()
    assert not ApiToken.objects.usable().filter(user=person.user).exists()


def test_the_password_page_change_revokes_tokens(community, person_factory):
    """Whatever path changes the password (here Django's own form) ends API access."""
    from django.contrib.auth.forms import SetPasswordForm

    person = person_factory(community, "volunteer")
    ApiToken.issue(person.user)
    form = SetPasswordForm(
        person.user,
        {"new_password1": "Lange-Zin-Voor-Test-42", "new_password2": "Lange-Zin-Voor-Test-42"},
    )
    assert form.is_valid(), form.errors
    form.save()
    assert not ApiToken.objects.usable().filter(user=person.user).exists()


def test_a_hash_upgrade_at_login_keeps_the_tokens(community, person_factory, settings):
    """Logging in may re-hash the same password with a stronger hasher: not a new password."""
    person = person_factory(community, "volunteer")
    token, _ = ApiToken.issue(person.user)
    settings.PASSWORD_HASHERS = [
        "tests.privacy.test_privacy_access_page.StrongerHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    assert person.user.check_password("geheim-wachtwoord")
    person.user.refresh_from_db()
    assert person.user.password.startswith("stronger$")
    token.refresh_from_db()
    assert token.revoked_at is None


def test_saving_a_user_without_a_new_password_keeps_the_tokens(community, person_factory):
    person = person_factory(community, "volunteer")
    token, _ = ApiToken.issue(person.user)
    person.user.first_name = "Els"
    person.user.save()
    token.refresh_from_db()
    assert token.revoked_at is None


# Switching a login off (only admins; only admins act on admins)


def put_login(actor, person, active):
    return Client().put(
        f"/api/v1/c/{person.community.slug}/people/{person.pk}/login",
        {"active": active},
        content_type="application/json",
        **bearer(actor),
    )


def test_admin_switches_a_login_off_and_on_again(community, person_factory):
    admin = person_factory(community, "admin")
    member = person_factory(community, "volunteer")
    token, raw = ApiToken.issue(member.user)
    response = put_login(admin, member, False)
    assert response.status_code == 200 and response.json() == {"active": False}
    member.user.refresh_from_db()
    assert not member.user.is_active
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = Client().post(
        "/accounts/login/",
        {"username": member.user.username, "password": "geheim-wachtwoord"},
    )
    assert refused.status_code == 200  # the login form again, not logged in
    assert AuditEntry.objects.filter(person=member, purpose="login switched off").exists()
    assert put_login(admin, member, True).json() == {"active": True}
    member.user.refresh_from_db()
    assert member.user.is_active


def test_admin_switches_a_login_off_on_the_page(community, person_factory):
    admin = person_factory(community, "admin")
    member = person_factory(community, "volunteer")
    client = page_client(admin)
    html = client.get(access_url(member)).content.decode()
    assert f'action="{access_url(member, "login/")}"' in html
    response = client.post(access_url(member, "login/"), {"active": "0"})
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert not member.user.is_active


@pytest.mark.parametrize("role", ["coordinator", "resident", "core_group", "partner", "funder"])
def test_only_admins_switch_logins_off(community, person_factory, role):
    actor = person_factory(community, role)
    member = person_factory(community, "volunteer")
    assert put_login(actor, member, False).status_code in (403, 404)
    assert page_client(actor).post(access_url(member, "login/"), {"active": "0"}).status_code in (
        403,
        404,
    )
    member.user.refresh_from_db()
    assert member.user.is_active


def test_coordinator_cannot_switch_off_an_admin(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    admin = person_factory(community, "admin")
    # A coordinator holds no MANAGE_LOGINS at all; the admin rule would refuse them as well.
    assert put_login(coordinator, admin, False).status_code == 403
    admin.user.refresh_from_db()
    assert admin.user.is_active


def test_no_switching_off_oneself_a_superuser_or_a_shared_login(
    community, other_community, person_factory
):
    admin = person_factory(community, "admin")
    second_admin = person_factory(community, "admin")
    assert put_login(admin, admin, False).status_code == 403
    second_admin.user.is_superuser = True
    second_admin.user.save()
    assert put_login(admin, second_admin, False).status_code == 403
    shared = person_factory(community, "volunteer")
    from naober.people.models import Person

    Person.objects.create(community=other_community, user=shared.user, name="Gedeeld", phone="06")
    assert put_login(admin, shared, False).status_code == 403
    for person in (admin, second_admin, shared):
        person.user.refresh_from_db()
        assert person.user.is_active


@pytest.mark.parametrize("body", [{}, {"active": "soms"}, {"active": None}])
def test_bad_login_input_is_422(community, person_factory, body):
    admin = person_factory(community, "admin")
    member = person_factory(community, "volunteer")
    response = Client().put(
        f"/api/v1/c/{community.slug}/people/{member.pk}/login",
        body,
        content_type="application/json",
        **bearer(admin),
    )
    assert response.status_code == 422
    member.user.refresh_from_db()
    assert member.user.is_active
