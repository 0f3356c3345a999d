"""Two-factor authentication (TOTP) for coordinators and administrators."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.privacy import twofactor


def code_for(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def logged_in(person) -> Client:
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": person.user.username, "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302
    return client


@pytest.fixture(autouse=True)
def no_code_throttling(settings):
    """django-otp slows down retries after a wrong code; these tests retry at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def enforced(settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    return settings


def test_staff_without_device_is_sent_to_setup_when_enforced(enforced, community, person_factory):
    client = logged_in(person_factory(community, "coordinator"))
    response = client.get("/c/wijk/people/")
    assert response.status_code == 302
    assert response["Location"].startswith("/c/wijk/security/2fa/setup/?next=")


def test_resident_is_not_asked_for_a_second_factor(enforced, community, person_factory):
    client = logged_in(person_factory(community))
    assert client.get("/c/wijk/profile/").status_code == 200


def test_not_enforced_staff_without_device_passes(community, person_factory, settings):
    settings.REQUIRE_2FA_FOR_STAFF = False
    client = logged_in(person_factory(community, "coordinator"))
    assert client.get("/c/wijk/people/").status_code == 200


def test_setup_shows_secret_and_accepts_a_right_code(enforced, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    client = logged_in(coordinator)
    _code, raw = twofactor.issue_setup_code(coordinator.user)
    entered = client.post(
        "/c/wijk/security/2fa/setup/", {"setup_code": raw.lower(), "next": "/c/wijk/people/"}
    )
    assert entered.status_code == 302
    page = client.get("/c/wijk/security/2fa/setup/?next=/c/wijk/people/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=coordinator.user, confirmed=False)
    html = page.content.decode()
    assert "otpauth://totp/" in html and page.context["secret"].replace(" ", "") in html.replace(
        " ", ""
    )
    wrong = client.post(
        "/c/wijk/security/2fa/setup/", {"code": "000000", "next": "/c/wijk/people/"}
    )
    if code_for(device) != "000000":
        assert wrong.status_code == 200 and wrong.context["form"].errors
    response = client.post(
        "/c/wijk/security/2fa/setup/", {"code": code_for(device), "next": "/c/wijk/people/"}
    )
    assert response.status_code == 302 and response["Location"] == "/c/wijk/people/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/c/wijk/people/").status_code == 200


def test_user_with_device_must_verify_after_password(community, person_factory, settings):
    settings.REQUIRE_2FA_FOR_STAFF = False  # a device is enough to require the code
    coordinator = person_factory(community, "coordinator")
    device = TOTPDevice.objects.create(user=coordinator.user, name="x", confirmed=True)
    client = logged_in(coordinator)
    response = client.get("/c/wijk/people/")
    assert response["Location"].startswith("/c/wijk/security/2fa/verify/")
    bad = client.post("/c/wijk/security/2fa/verify/", {"code": "12ab56"})
    assert bad.status_code == 200
    assert client.get("/c/wijk/people/").status_code == 302
    ok = client.post(
        "/c/wijk/security/2fa/verify/", {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert ok.status_code == 302 and ok["Location"] == "/c/wijk/"
    assert client.get("/c/wijk/people/").status_code == 200


def test_wrong_code_is_rejected(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    device = TOTPDevice.objects.create(user=coordinator.user, name="x", confirmed=True)
    client = logged_in(coordinator)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post("/c/wijk/security/2fa/verify/", {"code": wrong})
    assert response.status_code == 200
    assert client.get("/c/wijk/people/").status_code == 302
