"""Invitations for people who already exist: permissions, channels, activation, bad codes."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from naober.accounts import codes
from naober.accounts.invitations import InvalidCode, activate, invite
from naober.accounts.models import Invitation
from naober.communities.context import resolve_actor
from naober.notify.models import SmsOutbox
from naober.people.models import Person
from tests.accounts.helpers import code_from_mail, code_from_sms, log_in

pytestmark = pytest.mark.django_db
STRONG = "Zonnebloem-akker-77"


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator")


@pytest.fixture
def gerda(community, person_factory):
    """A resident registered by phone: no login, no e-mail."""
    return person_factory(
        community,
        login=False,
        name="Gerda Brink",
        email="",
        phone="0528 111222",
        address="Kerkstraat 3",
    )


def invite_api(api, person, via="letter", slug="wijk"):
    return api.post(f"c/{slug}/people/{person.pk}/invitation", {"via": via})


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_staff_may_invite(api, community, person_factory, gerda, role):
    api.login(person_factory(community, role))
    response = invite_api(api, gerda)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["via"] == "letter" and len(codes.normalise(body["code"])) == 8
    assert body["expires_at"]


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_others_may_not_invite(api, community, person_factory, gerda, role):
    api.login(person_factory(community, role))
    # Whoever cannot see gerda at all is told "not found" (issue 12.3); the core group sees her.
    assert invite_api(api, gerda).status_code == (403 if role == "core_group" else 404)
    assert not Invitation.objects.exists()


def test_another_communitys_coordinator_gets_not_found(api, other_community, person_factory, gerda):
    api.login(person_factory(other_community, "coordinator"))
    assert invite_api(api, gerda, slug="elders").status_code == 404
    assert invite_api(api, gerda, slug="wijk").status_code == 404


def test_the_code_is_stored_only_as_a_hash(api, coordinator, gerda):
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    invitation = Invitation.objects.get()
    assert codes.normalise(code) not in invitation.code_hash
    assert invitation.code_hash == codes.hash_code(code, "invitation")


def test_invitation_expires_after_the_setting(api, coordinator, gerda, settings):
    settings.INVITATION_DAYS = 3
    invite_api(api.login(coordinator), gerda)
    left = Invitation.objects.get().expires_at - timezone.now()
    assert timedelta(days=2, hours=23) < left <= timedelta(days=3)


def test_email_invitation_sends_a_link(api, community, coordinator, person_factory):
    person = person_factory(community, login=False, email="jan@voorbeeld.nl")
    response = invite_api(api.login(coordinator), person, via="email")
    assert response.status_code == 201
    assert mail.outbox[-1].to == ["jan@voorbeeld.nl"]
    assert "/accounts/activate/?code=" in mail.outbox[-1].body
    assert code_from_mail() == response.json()["code"]


def test_sms_invitation_sends_a_short_code(api, coordinator, gerda):
    response = invite_api(api.login(coordinator), gerda, via="sms")
    assert response.status_code == 201
    sms = SmsOutbox.objects.get(to="0528 111222")
    assert codes.normalise(code_from_sms()) == codes.normalise(response.json()["code"])
    assert len(sms.text) <= 160


@pytest.mark.parametrize(
    ("via", "fields"),
    [("email", {"email": ""}), ("sms", {"phone": ""}), ("pigeon", {})],
)
def test_a_channel_the_person_lacks_is_refused(
    api, community, coordinator, person_factory, via, fields
):
    person = person_factory(community, login=False, address="Kerkstraat 1", **fields)
    response = invite_api(api.login(coordinator), person, via=via)
    assert response.status_code == 422
    assert not Invitation.objects.exists()


def test_someone_with_a_login_is_not_invited(api, community, coordinator, person_factory):
    response = invite_api(api.login(coordinator), person_factory(community))
    assert response.status_code == 422
    assert "code" in response.json()


def test_activation_links_the_login_to_the_same_person(api, coordinator, gerda, community):
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    people_before = Person.objects.count()
    anonymous = type(api)()
    response = anonymous.post(
        "activate", {"code": code.lower(), "username": "gerda", "password": STRONG}
    )
    assert response.status_code == 201, response.content
    gerda.refresh_from_db()
    assert gerda.user.username == "gerda"
    assert Person.objects.count() == people_before
    anonymous.token = response.json()["token"]
    me = anonymous.get("c/wijk/me").json()
    assert me["person"] == gerda.pk and me["roles"] == ["resident"]


def test_a_used_code_does_not_work_twice(api, coordinator, gerda):
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    assert (
        api.post("activate", {"code": code, "username": "gerda", "password": STRONG}).status_code
        == 201
    )
    again = api.post("activate", {"code": code, "username": "gerda2", "password": STRONG})
    assert again.status_code == 400 and again.json()["code"] == "invalid_code"


def test_an_expired_code_does_not_work(api, coordinator, gerda):
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api.post("activate", {"code": code, "username": "gerda", "password": STRONG})
    assert response.status_code == 400 and response.json()["code"] == "invalid_code"
    assert get_user_model().objects.filter(username="gerda").count() == 0


def test_a_new_invitation_withdraws_the_old_code(api, coordinator, gerda):
    api.login(coordinator)
    old = invite_api(api, gerda).json()["code"]
    new = invite_api(api, gerda).json()["code"]
    assert (
        api.post("activate", {"code": old, "username": "g1", "password": STRONG}).status_code == 400
    )
    assert (
        api.post("activate", {"code": new, "username": "g2", "password": STRONG}).status_code == 201
    )


def test_revoked_code_does_not_work(coordinator, gerda, community):
    from naober.accounts.invitations import revoke

    actor = resolve_actor(coordinator.user, "wijk")
    issued = invite(gerda, "letter", by=actor)
    assert revoke(actor, gerda) == 1
    with pytest.raises(InvalidCode):
        activate(issued.code, "gerda", STRONG)


def test_revoke_through_the_api_and_the_page(
    api, client, community, coordinator, gerda, person_factory
):
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    resident_api = type(api)().login(person_factory(community))
    assert (
        resident_api.client.delete(
            f"/api/v1/c/wijk/people/{gerda.pk}/invitation", **resident_api._headers()
        ).status_code
        == 404  # a resident does not see gerda at all (issue 12.3)
    )
    response = api.client.delete(f"/api/v1/c/wijk/people/{gerda.pk}/invitation", **api._headers())
    assert response.status_code == 204
    assert (
        api.post("activate", {"code": code, "username": "g", "password": STRONG}).status_code == 400
    )
    invite(gerda, "letter", by=resolve_actor(coordinator.user, "wijk"))
    log_in(client, coordinator)
    assert "Uitnodiging intrekken" in client.get(f"/c/wijk/people/{gerda.pk}/").content.decode()
    client.post(f"/c/wijk/people/{gerda.pk}/invite/withdraw/")
    assert not any(i.is_open for i in Invitation.objects.all())


@pytest.mark.parametrize("code", ["", "nonsense", "AAAA-AAAA", "x" * 64, "\x00"])
def test_unknown_codes_get_invalid_code(api, code):
    response = api.post("activate", {"code": code or " ", "username": "x", "password": STRONG})
    assert response.status_code in (400, 422)
    # A NUL byte is refused by the JSON parser itself, before any code is looked up.
    if response.status_code == 400 and "\x00" not in code:
        assert response.json()["code"] == "invalid_code"


@pytest.mark.parametrize("password", ["12345678", "password", "kort", "gerdabrink"])
def test_a_weak_password_is_refused_and_the_code_still_works(api, coordinator, gerda, password):
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    response = api.post("activate", {"code": code, "username": "gerdabrink", "password": password})
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "invalid"
    gerda.refresh_from_db()
    assert gerda.user is None
    assert (
        api.post("activate", {"code": code, "username": "gerda", "password": STRONG}).status_code
        == 201
    )


def test_a_taken_user_name_is_refused(api, community, coordinator, gerda, person_factory):
    taken = person_factory(community).user.username
    code = invite_api(api.login(coordinator), gerda).json()["code"]
    response = api.post("activate", {"code": code, "username": taken.upper(), "password": STRONG})
    assert response.status_code == 422


def test_activation_is_rate_limited(api, settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "code": "3/m"}
    statuses = [
        api.post("activate", {"code": "AAAA-BBBB", "username": "x", "password": STRONG}).status_code
        for _ in range(5)
    ]
    assert statuses[:3] == [400, 400, 400] and statuses[-1] == 429


def test_an_erased_person_cannot_be_invited(coordinator, gerda):
    from django.core.exceptions import ValidationError

    Person.objects.filter(pk=gerda.pk).update(erased_at=timezone.now())
    gerda.refresh_from_db()
    with pytest.raises(ValidationError):
        invite(gerda, "letter", by=resolve_actor(coordinator.user, "wijk"))


def test_a_trusted_caller_may_invite_without_an_actor(community, person_factory):
    """The platform administrator appointing a community's first administrator."""
    admin = person_factory(community, "admin", login=False, email="beheer@voorbeeld.nl")
    issued = invite(admin, "email", by=None)
    assert issued.invitation.created_by is None
    assert mail.outbox[-1].to == ["beheer@voorbeeld.nl"]


# --- pages -----------------------------------------------------------------------------------


def test_coordinator_prints_a_letter_with_code_and_desk_phone(
    client, community, coordinator, gerda
):
    community.phone = "0528 765432"
    community.save()
    log_in(client, coordinator)
    detail = client.get(f"/c/wijk/people/{gerda.pk}/")
    assert f"/c/wijk/people/{gerda.pk}/invite/" in detail.content.decode()
    response = client.post(f"/c/wijk/people/{gerda.pk}/invite/", {"via": "letter"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "0528 765432" in page and "/accounts/activate/" in page
    invitation = Invitation.objects.get()
    code = page.split('class="code">')[1].split("<")[0]
    assert invitation.code_hash == codes.hash_code(code, "invitation")


def test_invite_page_refused_to_a_resident(client, community, person_factory, gerda):
    log_in(client, person_factory(community))
    # A page about one person answers "not found" to whoever may not use it (issue 12.3).
    assert client.get(f"/c/wijk/people/{gerda.pk}/invite/").status_code == 404
    assert client.post(f"/c/wijk/people/{gerda.pk}/invite/", {"via": "letter"}).status_code == 404
    assert not Invitation.objects.exists()


def test_invite_page_bad_channel_shows_an_error(client, coordinator, gerda):
    log_in(client, coordinator)
    response = client.post(f"/c/wijk/people/{gerda.pk}/invite/", {"via": "email"})
    assert response.status_code == 200 and not Invitation.objects.exists()


def test_activation_page_logs_in_and_lands_in_the_neighbourhood(client, coordinator, gerda):
    issued = invite(gerda, "letter", by=resolve_actor(coordinator.user, "wijk"))
    page = client.get(f"/accounts/activate/?code={issued.code}")
    assert issued.code in page.content.decode()
    response = client.post(
        "/accounts/activate/",
        {"code": codes.grouped(issued.code), "username": "gerda", "password": STRONG},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/c/wijk/"
    assert response.wsgi_request.user.username == "gerda"


def test_activation_page_bad_code_and_weak_password(client, coordinator, gerda):
    bad = client.post(
        "/accounts/activate/", {"code": "ZZZZ-ZZZZ", "username": "g", "password": STRONG}
    )
    assert bad.status_code == 200 and "werkt niet" in bad.content.decode()
    issued = invite(gerda, "letter", by=resolve_actor(coordinator.user, "wijk"))
    weak = client.post(
        "/accounts/activate/", {"code": issued.code, "username": "g", "password": "123"}
    )
    assert weak.status_code == 200
    gerda.refresh_from_db()
    assert gerda.user is None
