"""Logging in for everyone: where a login lands, no login loop, password reset, login codes."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from naober.accounts.models import LoginCode
from naober.notify.models import SmsOutbox
from tests.accounts.helpers import code_from_sms
from tests.factories import make_person

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord"


def log_in(client, user):
    return client.post(
        "/accounts/login/", {"username": user.username, "password": PASSWORD}, follow=True
    )


@pytest.mark.parametrize(
    "role, landing",
    [
        ("resident", "/c/wijk/"),
        ("volunteer", "/c/wijk/"),
        ("core_group", "/c/wijk/"),
        ("funder", "/c/wijk/impact/"),  # figures only: the dashboard, not the neighbours' board
        ("partner", "/c/wijk/"),
        ("coordinator", "/c/wijk/workbench/"),  # where a coordinator's day starts
    ],
)
def test_every_role_lands_on_its_own_community(client, community, role, landing):
    person = make_person(community, role)
    response = log_in(client, person.user)
    assert response.redirect_chain[-1][0] == landing
    assert response.status_code == 200


def test_someone_in_two_communities_chooses(client, community, other_community):
    person = make_person(community)
    make_person(other_community, login=False).__class__.objects.filter(
        community=other_community
    ).update(user=person.user)
    response = log_in(client, person.user)
    assert response.redirect_chain[-1][0] == "/accounts/after-login/"
    page = response.content.decode()
    assert "/c/wijk/" in page and "/c/elders/" in page


def test_a_logged_in_non_member_gets_a_clear_page_not_a_login_loop(
    client, community, other_community
):
    person = make_person(community)
    log_in(client, person.user)
    page = client.get("/c/elders/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "/accounts/login/?next=" not in text
    assert "/accounts/after-login/" in text
    # The login page itself sends a logged-in user on, never back to a login prompt.
    again = client.get("/accounts/login/?next=/c/elders/", follow=True)
    assert again.redirect_chain[-1][0] == "/c/elders/"


def test_a_login_without_a_community_gets_a_kind_page(client, community):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="los", password=PASSWORD)
    response = log_in(client, user)
    assert response.redirect_chain[-1][0] == "/accounts/after-login/"
    assert "coördinator" in response.content.decode()


def test_anonymous_visitors_still_get_the_login_button(client, community):
    text = client.get("/c/wijk/").content.decode()
    assert "/accounts/login/?next=/c/wijk/" in text


def test_password_reset_by_the_persons_email(client, community):
    person = make_person(community, email="anna@voorbeeld.nl")
    response = client.post("/accounts/password-reset/", {"email": "ANNA@voorbeeld.nl"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["ANNA@voorbeeld.nl"]
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Nieuw-wachtwoord-42", "new_password2": "Nieuw-wachtwoord-42"},
    )
    assert done.status_code == 302
    person.user.refresh_from_db()
    assert person.user.check_password("Nieuw-wachtwoord-42")


def test_password_reset_for_an_unknown_address_says_the_same(client, community):
    response = client.post("/accounts/password-reset/", {"email": "niemand@voorbeeld.nl"})
    assert response.status_code == 302 and not mail.outbox


def test_password_reset_is_rate_limited(client, settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "public_form": "2/m"}
    statuses = [
        client.post("/accounts/password-reset/", {"email": "a@b.nl"}).status_code for _ in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_login_code_by_sms(client, community):
    person = make_person(community, email="", phone="06 55554444")
    client.post("/accounts/login-code/", {"identifier": "0655554444"})
    code = code_from_sms("06 55554444")
    response = client.post("/accounts/login-code/enter/", {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == "/c/wijk/"
    assert response.wsgi_request.user == person.user


def test_login_code_by_email_and_it_works_once(client, community):
    person = make_person(community, email="bep@voorbeeld.nl")
    client.post("/accounts/login-code/", {"identifier": person.user.username})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    assert client.post("/accounts/login-code/enter/", {"code": code}).status_code == 302
    client.logout()
    client.post("/accounts/login-code/", {"identifier": "nobody"})  # keeps the session key
    session = client.session
    session["accounts_login_code_for"] = person.user.username
    session.save()
    again = client.post("/accounts/login-code/enter/", {"code": code})
    assert again.status_code == 200 and not again.wsgi_request.user.is_authenticated


def test_three_wrong_login_codes_use_the_code_up(client, community):
    person = make_person(community, email="", phone="06 33332222")
    client.post("/accounts/login-code/", {"identifier": "06 33332222"})
    right = code_from_sms("06 33332222")
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(3):
        client.post("/accounts/login-code/enter/", {"code": wrong})
    response = client.post("/accounts/login-code/enter/", {"code": right})
    assert not response.wsgi_request.user.is_authenticated
    assert LoginCode.objects.get(user=person.user).used_at is not None


def test_an_expired_login_code_does_not_work(client, community):
    make_person(community, email="", phone="06 77776666")
    client.post("/accounts/login-code/", {"identifier": "06 77776666"})
    LoginCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post("/accounts/login-code/enter/", {"code": code_from_sms("06 77776666")})
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated


def test_unknown_people_get_the_same_answer_and_nothing_is_sent(client, community):
    response = client.post("/accounts/login-code/", {"identifier": "06 00000000"})
    assert response.status_code == 302 and response.url == "/accounts/login-code/enter/"
    assert not SmsOutbox.objects.exists() and not mail.outbox and not LoginCode.objects.exists()


def test_a_shared_phone_number_is_not_enough(client, community):
    make_person(community, email="", phone="06 12341234")
    make_person(community, email="", phone="06 12341234")
    client.post("/accounts/login-code/", {"identifier": "06 12341234"})
    assert not SmsOutbox.objects.exists()


def test_login_codes_are_rate_limited(client, settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "code": "2/m"}
    statuses = [
        client.post("/accounts/login-code/", {"identifier": "x"}).status_code for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
