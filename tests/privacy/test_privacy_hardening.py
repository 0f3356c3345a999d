"""Hardening: security headers and CSP, CSRF, rate limits, session expiry, check --deploy."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from naober.privacy.middleware import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def limits_on(settings):
    cache.clear()
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {"login": "3/m", "token": "3/m", "public_form": "2/m"}
    yield settings
    cache.clear()


def test_pages_send_csp_and_security_headers(client, community):
    for path in ("/", "/accounts/login/", "/c/wijk/"):
        response = client.get(path)
        csp = response["Content-Security-Policy"]
        for directive in (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
        ):
            assert directive in csp, (path, directive)
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]


def test_csp_has_no_unsafe_sources():
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_templates_have_no_inline_scripts_or_styles():
    """The CSP blocks inline code, so none may hide in the project's templates."""
    offenders = []
    for template in (ROOT / "naober").rglob("templates/**/*.html"):
        text = template.read_text()
        if " style=" in text or "<style" in text or "<script>" in text or " onclick=" in text:
            offenders.append(str(template.relative_to(ROOT)))
    assert not offenders, offenders


def test_post_without_csrf_token_is_refused(community, person_factory):
    person = person_factory(community)
    client = Client(enforce_csrf_checks=True)
    client.force_login(person.user)
    response = client.post("/c/wijk/profile/", {"purpose": "contact", "granted": "on"})
    assert response.status_code == 403
    assert not person.consents.exists()
    login = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"username": person.user.username, "password": "geheim-wachtwoord"}
    )
    assert login.status_code == 403


def test_token_endpoint_is_rate_limited(api, limits_on, community, person_factory):
    person = person_factory(community)
    body = {"username": person.user.username, "password": "geheim-wachtwoord"}
    statuses = [api.post("token", body).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.post("token", body)
    assert response.json()["code"] == "too_many_requests"
    assert "Retry-After" in response


def test_token_endpoint_not_limited_when_switched_off(api, community, person_factory, settings):
    cache.clear()
    settings.RATE_LIMITS = {"login": "1/m", "token": "1/m", "public_form": "1/m"}
    person = person_factory(community)
    body = {"username": person.user.username, "password": "geheim-wachtwoord"}
    assert {api.post("token", body).status_code for _ in range(3)} == {200}


def test_login_page_is_rate_limited_in_dutch(limits_on, db):
    client = Client()
    statuses = [
        client.post("/accounts/login/", {"username": "x", "password": "y"}).status_code
        for _ in range(4)
    ]
    assert statuses[:3] == [200, 200, 200] and statuses[3] == 429
    assert "Te veel pogingen" in client.post("/accounts/login/", {}).content.decode()


def test_rate_limited_decorator_for_public_forms(limits_on, rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from naober.privacy.ratelimit import rate_limited

    view = rate_limited("public_form")(lambda request: HttpResponse("ok"))

    def post():
        request = rf.post("/c/wijk/ask/")
        request.user = AnonymousUser()
        return view(request).status_code

    assert [post(), post(), post()] == [200, 200, 429]
    assert view(rf.get("/c/wijk/ask/")).status_code == 200


def test_session_ends_with_the_browser_and_after_idle_time(
    client, community, person_factory, settings
):
    person = person_factory(community)
    response = client.post(
        "/accounts/login/", {"username": person.user.username, "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # gone when the browser closes
    first = client.session.get_expiry_date()
    response = client.get("/c/wijk/profile/")
    assert settings.SESSION_COOKIE_NAME in response.cookies  # saved again: the idle timer restarts
    assert client.session.get_expiry_date() >= first
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_no_secrets_are_hard_coded():
    import naober.settings as conf

    source = Path(conf.__file__).read_text()
    for name in ("SECRET_KEY", "EMAIL_HOST_PASSWORD", "SMS_GATEWAY_TOKEN"):
        assert f'{name} = "' not in source and f"{name} = '" not in source


def test_check_deploy_is_clean_with_production_environment(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "naober.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "SECURE_HSTS_PRELOAD": "1",
        "SECURE_COOKIES": "1",
        "ALLOWED_HOSTS": "naober.example.nl",
        "NAOBER_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
