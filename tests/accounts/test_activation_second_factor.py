"""Activating an invitation lets a coordinator or administrator set up the code app at once.

With two-step login required, the setup page used to ask for a second code "from your
administrator": the first administrator of a new community had nobody to ask (the platform
administrator is no member), so she was stuck without a shell on the server.
"""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.accounts.invitations import invite
from naober.privacy.models import SecondFactorSetupCode

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def activate(client, person, username):
    issued = invite(person, "letter", None)
    return client.post(
        "/accounts/activate/",
        {"code": issued.code, "username": username, "password": "Zuidwolde-beheer-2026"},
        follow=True,
    )


def test_invited_administrator_goes_straight_to_the_code_app(community, person_factory):
    anke = person_factory(community, "admin", login=False, name="Anke Admin")
    client = Client()
    page = activate(client, anke, "anke")
    assert page.redirect_chain[-1][0].startswith("/c/wijk/security/2fa/setup/")
    html = page.content.decode()
    assert "otpauth://totp/" in html
    assert "Instelcode van uw beheerder" not in html
    device = TOTPDevice.objects.get(user__username="anke", confirmed=False)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    done = client.post("/c/wijk/security/2fa/setup/", {"code": code, "next": "/c/wijk/settings/"})
    assert done.status_code == 302 and done["Location"] == "/c/wijk/settings/"
    assert client.get("/c/wijk/settings/").status_code == 200


def test_a_later_session_still_needs_a_setup_code(community, person_factory):
    karin = person_factory(community, "coordinator", login=False)
    activate(Client(), karin, "karin")
    other = Client()
    other.post("/accounts/login/", {"username": "karin", "password": "Zuidwolde-beheer-2026"})
    page = other.get("/c/wijk/security/2fa/setup/")
    assert "otpauth://totp/" not in page.content.decode()
    assert "setup_code" in page.context["form"].fields


def test_a_resident_gets_no_setup_code(community, person_factory):
    gerda = person_factory(community, login=False)
    page = activate(Client(), gerda, "gerda")
    assert page.status_code == 200
    assert not SecondFactorSetupCode.objects.exists()


def test_the_platform_administrator_is_told_how_to_make_his_own_setup_code():
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("platform", "p@voorbeeld.nl", "Platform-2026-x")
    client = Client()
    client.post("/accounts/login/", {"username": "platform", "password": "Platform-2026-x"})
    html = client.get("/security/2fa/setup/").content.decode()
    assert "manage.py twofactor_setup_code platform" in html
    assert "Vraag het uw beheerder" not in html


def test_activating_through_the_api_answers_a_setup_code_for_staff(api, community, person_factory):
    bert = person_factory(community, "admin", login=False)
    issued = invite(bert, "email", None)
    body = api.post(
        "activate", {"code": issued.code, "username": "bert", "password": "Meppel-wijkhulp-2026"}
    ).json()
    assert body["token"] and body["second_factor_setup_code"]
    client = Client()
    client.post("/accounts/login/", {"username": "bert", "password": "Meppel-wijkhulp-2026"})
    client.post("/c/wijk/security/2fa/setup/", {"setup_code": body["second_factor_setup_code"]})
    assert "otpauth://totp/" in client.get("/c/wijk/security/2fa/setup/").content.decode()


def test_activating_through_the_api_answers_no_setup_code_for_a_resident(
    api, community, person_factory
):
    gerda = person_factory(community, login=False)
    issued = invite(gerda, "letter", None)
    body = api.post(
        "activate", {"code": issued.code, "username": "gerda", "password": "Meppel-wijkhulp-2026"}
    ).json()
    assert body["token"] and body["second_factor_setup_code"] is None


def test_the_platform_administrator_lands_on_the_start_page(settings):
    """Not on "Kies uw buurt ... Vraag de coördinator van uw buurt om u uit te nodigen"."""
    from django.contrib.auth import get_user_model

    settings.REQUIRE_2FA_FOR_STAFF = False
    get_user_model().objects.create_superuser("platform", "p@voorbeeld.nl", "Platform-2026-x")
    client = Client()
    client.post("/accounts/login/", {"username": "platform", "password": "Platform-2026-x"})
    response = client.get("/accounts/after-login/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Nieuw buurthulpproject starten" in client.get("/").content.decode()


def test_a_new_communitys_administrator_lands_on_the_settings(settings, community, person_factory):
    """Until the help desk has a phone number her day starts there, with what comes next."""
    settings.REQUIRE_2FA_FOR_STAFF = False
    community.phone = ""
    community.save()
    anke = person_factory(community, "admin")
    client = Client()
    client.post(
        "/accounts/login/", {"username": anke.user.username, "password": "geheim-wachtwoord"}
    )
    response = client.get("/accounts/after-login/", follow=True)
    assert response.redirect_chain[-1][0] == "/c/wijk/settings/"
    assert "Begin hier: het telefoonnummer" in response.content.decode()
    community.phone = "0528 123456"
    community.save()
    assert client.get("/accounts/after-login/")["Location"] != "/c/wijk/settings/"


def test_roles_and_login_page_offers_the_invitation(settings, community, person_factory):
    """'Deze persoon heeft geen login.' was a dead end: the invitation was one page back."""
    settings.REQUIRE_2FA_FOR_STAFF = False
    admin = person_factory(community, "admin")
    karin = person_factory(community, "coordinator", login=False, name="Karin Kok")
    client = Client()
    client.force_login(admin.user, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(f"/c/wijk/people/{karin.pk}/access/").content.decode()
    assert f'href="/c/wijk/people/{karin.pk}/invite/"' in html
    assert "Uitnodigen om in te loggen" in html
