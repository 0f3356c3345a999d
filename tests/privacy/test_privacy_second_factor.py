"""The second factor cannot be skipped (issue 12.5): tokens, superusers, setup codes.

REQUIRE_2FA_FOR_STAFF is off in tests by default; these tests turn it on (`enforced`).
"""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.api.models import ApiToken
from naober.privacy import twofactor
from naober.privacy.models import AuditEntry, SecondFactorSetupCode
from tests.privacy.test_privacy_twofactor import code_for

PASSWORD = "geheim-wachtwoord"  # noqa: S105 (the factories' test password)


def sign_in(client, user) -> None:
    """Log in through the login page (force_login skips the real client address)."""
    response = client.post(
        "/accounts/login/", {"username": user.get_username(), "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302, response.status_code


@pytest.fixture(autouse=True)
def no_code_throttling(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def enforced(settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    return settings


@pytest.fixture
def superuser(db):
    """A platform superuser as `createsuperuser` makes one: no Person anywhere."""
    return get_user_model().objects.create_superuser("platform", "p@example.nl", PASSWORD)


def token_call(username, **extra):
    return Client().post(
        "/api/v1/token",
        {"username": username, "password": PASSWORD, **extra},
        content_type="application/json",
    )


def device_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


# The token endpoint


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_staff_without_a_code_app_get_no_token(enforced, community, person_factory, role):
    person = person_factory(community, role)
    response = token_call(person.user.username)
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_required"
    assert not ApiToken.objects.filter(user=person.user).exists()


def test_superuser_without_a_person_gets_no_token_without_a_code(enforced, superuser):
    response = token_call("platform")
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_required"


@pytest.mark.parametrize("role", ["resident", "volunteer", "partner", "funder", "core_group"])
def test_others_get_a_token_with_their_password(enforced, community, person_factory, role):
    person = person_factory(community, role)
    response = token_call(person.user.username)
    assert response.status_code == 200
    assert ApiToken.objects.get(user=person.user).second_factor is False


def test_with_a_code_app_the_token_needs_the_right_otp(enforced, community, person_factory):
    person = person_factory(community, "coordinator")
    device = device_for(person.user)
    assert token_call(person.user.username).json()["code"] == "second_factor_required"
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    bad = token_call(person.user.username, otp=wrong)
    assert bad.status_code == 401 and bad.json()["code"] == "invalid_otp"
    assert not ApiToken.objects.filter(user=person.user).exists()
    ok = token_call(person.user.username, otp=code_for(device))
    assert ok.status_code == 200
    assert ApiToken.objects.get(user=person.user).second_factor is True
    me = Client().get(
        f"/api/v1/c/{community.slug}/me", HTTP_AUTHORIZATION=f"Bearer {ok.json()['token']}"
    )
    assert me.status_code == 200


def test_a_superuser_with_a_code_app_gets_a_token_with_otp(enforced, superuser):
    device = device_for(superuser)
    assert token_call("platform", otp=code_for(device)).status_code == 200


def test_a_resident_with_a_code_app_sends_the_code_too(community, person_factory):
    """Not only when enforced: whoever set up a code app uses it, on pages and in the API."""
    person = person_factory(community, "resident")
    device = device_for(person.user)
    assert token_call(person.user.username).status_code == 403
    assert token_call(person.user.username, otp=code_for(device)).status_code == 200


@pytest.mark.parametrize("otp", ["", "abc", "1" * 12, " "])
def test_bad_otp_input_is_a_4xx(community, person_factory, otp):
    person = person_factory(community, "coordinator")
    device_for(person.user)
    response = token_call(person.user.username, otp=otp)
    assert response.status_code in (401, 403)
    assert set(response.json()) >= {"detail", "code"}
    assert token_call(person.user.username, otp="9" * 13).status_code == 422


def test_a_staff_token_without_second_factor_stops_working(enforced, community, person_factory):
    """A token issued before the role (or before enforcement) gives no staff access."""
    person = person_factory(community, "resident")
    _, raw = ApiToken.issue(person.user)
    from naober.communities.models import Membership

    Membership.objects.create(person=person, role="coordinator")
    response = Client().get(
        f"/api/v1/c/{community.slug}/people", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_required"
    _, verified = ApiToken.issue(person.user, second_factor=True)
    ok = Client().get(f"/api/v1/c/{community.slug}/people", HTTP_AUTHORIZATION=f"Bearer {verified}")
    assert ok.status_code == 200


# Pages: a superuser without a person is held to the same rule


def test_superuser_without_a_person_is_sent_to_set_up(enforced, superuser):
    client = Client()
    sign_in(client, superuser)
    for path in ("/", "/beheer/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/security/2fa/setup/?next=")
    page = client.get("/security/2fa/setup/")
    assert page.status_code == 200
    assert "otpauth://" not in page.content.decode()


def test_a_django_admin_site_user_is_held_to_it_too(enforced, db):
    user = get_user_model().objects.create_user("beheer", password=PASSWORD, is_staff=True)
    assert token_call("beheer").json()["code"] == "second_factor_required"
    client = Client()
    sign_in(client, user)
    assert client.get("/beheer/")["Location"].startswith("/security/2fa/setup/")


def test_superuser_with_a_device_is_asked_for_the_code(superuser):
    device = device_for(superuser)
    client = Client()
    sign_in(client, superuser)
    assert client.get("/beheer/")["Location"].startswith("/security/2fa/verify/")
    done = client.post("/security/2fa/verify/", {"code": code_for(device), "next": "/beheer/"})
    assert done["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


# Setting up needs a setup code from an administrator


def test_a_password_alone_does_not_register_a_code_app(enforced, community, person_factory):
    person = person_factory(community, "coordinator")
    client = Client()
    sign_in(client, person.user)
    page = client.get("/c/wijk/security/2fa/setup/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "otpauth://" not in html and "secret" not in page.context
    assert not TOTPDevice.objects.filter(user=person.user).exists()
    wrong = client.post("/c/wijk/security/2fa/setup/", {"setup_code": "ABCD-EFGH-JKLM"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    # Someone else's code does not help either.
    other = person_factory(community, "coordinator")
    _code, raw = twofactor.issue_setup_code(other.user)
    stolen = client.post("/c/wijk/security/2fa/setup/", {"setup_code": raw})
    assert stolen.status_code == 200 and stolen.context["form"].errors
    assert not TOTPDevice.objects.filter(user=person.user).exists()


def set_up(client, user, raw, base="/c/wijk") -> TOTPDevice:
    response = client.post(f"{base}/security/2fa/setup/", {"setup_code": raw})
    assert response.status_code == 302, response.content
    client.get(f"{base}/security/2fa/setup/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(f"{base}/security/2fa/setup/", {"code": code_for(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    return device


def test_a_setup_code_works_once(enforced, community, person_factory):
    person = person_factory(community, "coordinator")
    code, raw = twofactor.issue_setup_code(person.user)
    client = Client()
    sign_in(client, person.user)
    device = set_up(client, person.user, raw)
    assert device.confirmed
    code.refresh_from_db()
    assert code.used_at is not None
    again = Client()
    sign_in(again, person.user)
    reuse = again.post("/c/wijk/security/2fa/setup/", {"setup_code": raw})
    assert reuse.status_code == 200 and reuse.context["form"].errors


def test_an_expired_setup_code_is_refused(enforced, community, person_factory):
    person = person_factory(community, "coordinator")
    code, raw = twofactor.issue_setup_code(person.user)
    SecondFactorSetupCode.objects.filter(pk=code.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client = Client()
    sign_in(client, person.user)
    response = client.post("/c/wijk/security/2fa/setup/", {"setup_code": raw})
    assert response.status_code == 200 and response.context["form"].errors


def test_a_new_setup_code_replaces_a_lost_phone(community, person_factory):
    person = person_factory(community, "coordinator")
    old = device_for(person.user)
    _code, raw = twofactor.issue_setup_code(person.user)
    client = Client()
    sign_in(client, person.user)
    assert client.get("/c/wijk/people/")["Location"].startswith("/c/wijk/security/2fa/verify/")
    new = set_up(client, person.user, raw)
    assert new.confirmed
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.get("/c/wijk/people/").status_code == 200


def test_superuser_sets_up_with_a_code_from_the_command(enforced, superuser):
    out = io.StringIO()
    call_command("twofactor_setup_code", "platform", stdout=out)
    raw = out.getvalue().split(": ", 1)[1].split()[0]
    client = Client()
    sign_in(client, superuser)
    device = set_up(client, superuser, raw, base="")
    assert device.confirmed
    assert client.get("/beheer/").status_code == 200


def test_the_command_refuses_an_unknown_login(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("twofactor_setup_code", "nobody")


# An administrator issues the code (page and API)


def api_post(person, path):
    _, raw = ApiToken.issue(person.user, second_factor=True)
    return Client().post(
        f"/api/v1/{path}", "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )


def test_admin_issues_a_setup_code_through_the_api(enforced, community, person_factory):
    admin = person_factory(community, "admin")
    coordinator = person_factory(community, "coordinator")
    response = api_post(admin, f"c/wijk/people/{coordinator.pk}/second-factor/setup-code")
    assert response.status_code == 201
    raw = response.json()["code"]
    assert twofactor.usable_setup_code(coordinator.user, raw) is not None
    assert AuditEntry.objects.filter(
        person=coordinator, purpose="code to set up two-step login issued"
    ).exists()


@pytest.mark.parametrize("role", ["coordinator", "resident", "core_group", "funder"])
def test_only_an_admin_issues_setup_codes(community, person_factory, role):
    actor = person_factory(community, role)
    target = person_factory(community, "coordinator")
    response = api_post(actor, f"c/wijk/people/{target.pk}/second-factor/setup-code")
    assert response.status_code in (403, 404)
    assert not SecondFactorSetupCode.objects.filter(user=target.user).exists()


def test_setup_code_for_someone_without_login_or_elsewhere_is_not_found(
    community, other_community, person_factory
):
    admin = person_factory(community, "admin")
    offline = person_factory(community, "resident", login=False)
    stranger = person_factory(other_community, "coordinator")
    for target in (offline, stranger):
        response = api_post(admin, f"c/wijk/people/{target.pk}/second-factor/setup-code")
        assert response.status_code == 404


def test_a_page_scripts_fetch_is_refused_not_redirected(enforced, community, person_factory):
    """A polling widget must not receive (and show) the code page inside another page."""
    person = person_factory(community, "coordinator")
    client = Client()
    sign_in(client, person.user)
    response = client.get("/c/wijk/", HTTP_SEC_FETCH_MODE="cors")
    assert response.status_code == 403
    assert client.get("/c/wijk/", HTTP_SEC_FETCH_MODE="navigate").status_code == 302
