"""Logging in: Argon2, the Dutch login page, lockout after five failures, hashed API tokens."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from naober import settings as naober_settings
from naober.api.models import ApiToken, hash_token
from naober.communities.models import Role

PASSWORD = "geheim-wachtwoord"


def test_argon2_is_the_first_password_hasher():
    assert naober_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_axes_locks_after_five_failures():
    assert naober_settings.AXES_FAILURE_LIMIT == 5
    assert "axes.middleware.AxesMiddleware" in naober_settings.MIDDLEWARE


# --- login page ------------------------------------------------------------------------------


def test_login_page_is_dutch_with_labelled_fields(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="nl">' in html
    assert "Gebruikersnaam" in html and "Wachtwoord" in html and "Inloggen" in html
    assert 'for="id_username"' in html and 'for="id_password"' in html
    assert "Aanmelden" not in html


def test_login_with_the_right_password(client, community, person_factory):
    person = person_factory(community)
    response = client.post(
        "/accounts/login/", {"username": person.user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(person.user.pk)


def test_login_with_a_wrong_password_shows_a_dutch_error(client, community, person_factory):
    person = person_factory(community)
    response = client.post("/accounts/login/", {"username": person.user.username, "password": "x"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "gebruikersnaam of het wachtwoord klopt niet" in response.content.decode()


def test_login_page_locks_after_five_failures(client, community, person_factory):
    person = person_factory(community)
    for _attempt in range(5):
        client.post("/accounts/login/", {"username": person.user.username, "password": "fout"})
    response = client.post(
        "/accounts/login/", {"username": person.user.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Te veel pogingen" in response.content.decode()


def test_four_failures_do_not_lock(client, community, person_factory):
    person = person_factory(community)
    for _attempt in range(4):
        client.post("/accounts/login/", {"username": person.user.username, "password": "fout"})
    response = client.post(
        "/accounts/login/", {"username": person.user.username, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_logout_needs_post_and_ends_the_session(client, community, person_factory):
    person = person_factory(community)
    client.force_login(person.user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


# --- API tokens ------------------------------------------------------------------------------


def test_token_for_right_credentials(api, community, person_factory):
    person = person_factory(community)
    response = api.post("token", {"username": person.user.username, "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert len(body["token"]) >= 40 and body["expires_at"]
    me = Client().get("/api/v1/c/wijk/me", HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.status_code == 200 and me.json()["person"] == person.pk


@pytest.mark.parametrize(
    "credentials",
    [{"username": "nobody", "password": PASSWORD}, {"username": "USER", "password": "wrong"}],
)
def test_token_for_wrong_credentials_is_401(api, community, person_factory, credentials):
    person = person_factory(community)
    if credentials["username"] == "USER":
        credentials = credentials | {"username": person.user.username}
    response = api.post("token", credentials)
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"
    assert not ApiToken.objects.exists()


def test_token_for_an_inactive_user_is_401(api, community, person_factory):
    person = person_factory(community)
    person.user.is_active = False
    person.user.save()
    response = api.post("token", {"username": person.user.username, "password": PASSWORD})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "body", [{}, {"username": ""}, {"username": "a", "password": ""}, {"username": ["a"]}]
)
def test_token_with_missing_fields_is_422(api, db, body):
    response = api.post("token", body)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_token_is_stored_only_as_a_hash(api, community, person_factory):
    person = person_factory(community)
    raw = api.post("token", {"username": person.user.username, "password": PASSWORD}).json()[
        "token"
    ]
    stored = ApiToken.objects.get()
    assert stored.key_hash == hash_token(raw) and stored.key_hash != raw
    stored_values = [str(v) for v in ApiToken.objects.values_list().get()]
    assert not any(raw in value for value in stored_values)
    assert stored.prefix == raw[:8]


def test_token_expires_after_the_configured_days(api, community, person_factory):
    person = person_factory(community)
    api.login(person)
    token = ApiToken.objects.get()
    days = (token.expires_at - token.created_at).days
    assert days == naober_settings.API_TOKEN_DAYS - 1 or days == naober_settings.API_TOKEN_DAYS


def test_expired_token_is_401(api, community, person_factory):
    person = person_factory(community)
    api.login(person)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api.get("c/wijk/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_revoked_token_is_401(api, community, person_factory):
    person = person_factory(community)
    api.login(person)
    assert api.delete("token").status_code == 204
    assert ApiToken.objects.get().revoked_at is not None
    assert api.get("c/wijk/me").status_code == 401


def test_revoking_one_token_keeps_the_others(api, community, person_factory):
    from tests.factories import ApiClient

    person = person_factory(community)
    other_device = ApiClient().login(person)
    api.login(person).delete("token")
    assert other_device.get("c/wijk/me").status_code == 200


def test_revoking_needs_a_token(api, db):
    assert api.delete("token").status_code == 401


def test_token_of_a_deactivated_user_stops_working(api, community, person_factory):
    person = person_factory(community)
    api.login(person)
    person.user.is_active = False
    person.user.save()
    assert api.get("c/wijk/me").status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer nonsense", "Bearer " + "x" * 500, "Token abc", "Bearer", "", "Basic dXNlcjpwdw=="],
)
def test_bad_authorization_headers_are_401(db, header):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "code"}


def test_token_endpoint_locks_after_five_failures(api, community, person_factory):
    person = person_factory(community, Role.COORDINATOR)
    for _attempt in range(5):
        api.post("token", {"username": person.user.username, "password": "fout"})
    response = api.post("token", {"username": person.user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"
    assert set(response.json()) == {"detail", "code"}
    assert not ApiToken.objects.exists()
