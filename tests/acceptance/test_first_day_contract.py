"""Acceptance: issue 10's first day and issue 12's person look-up, through the contract only.

Everything goes through `/api/v1/...` and public pages exactly as shared/API.md spells paths,
bodies, status codes and error bodies `{"detail", "code"}`; the database starts empty (no seed) and
the only shortcuts are the ones a real install has too: `createsuperuser --noinput`, the code app of
the superuser, the mailbox that receives a sign-up's check link, and the clock for an expired code.
"""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.communities.models import Area, Community

pytestmark = pytest.mark.django_db

SLUG = "ons-dorp"
PHONE = "0528-765432"
STREETS = (
    "district,neighbourhood,street\n"
    "Noord,Krakeel,Dorpsstraat\n"
    "Noord,Krakeel,Molenweg\n"
    "Zuid,Ekehaar,Kerkpad\n"
)


class Api:
    """A JSON client for /api/v1/ with an optional bearer token."""

    def __init__(self, token: str | None = None):
        self.client = Client()
        self.token = token

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path):
        return self.client.get(f"/api/v1/{path}", **self._headers())

    def send(self, method, path, body=None, content_type="application/json"):
        data = body if isinstance(body, str) else json.dumps(body if body is not None else {})
        call = getattr(self.client, method)
        return call(f"/api/v1/{path}", data, content_type=content_type, **self._headers())

    def post(self, path, body=None, **kwargs):
        return self.send("post", path, body, **kwargs)

    def patch(self, path, body):
        return self.send("patch", path, body)

    def put(self, path, body):
        return self.send("put", path, body)


def error(response, status: int, code: str | None = None) -> dict:
    """The contract's error body: the status, and `{"detail", "code"}` (with this code)."""
    assert response.status_code == status, (response.status_code, response.content)
    body = response.json()
    assert isinstance(body.get("detail"), str) and body["detail"], body
    assert isinstance(body.get("code"), str) and body["code"], body
    if code is not None:
        assert body["code"] == code, body
    return body


def ok(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.content)
    return response.json()


def activate(code: str, username: str, password: str = "Lang-en-sterk-2026!") -> Api:
    body = ok(
        Api().post("activate", {"code": code, "username": username, "password": password}), 201
    )
    assert isinstance(body["token"], str) and body["token"]
    return Api(body["token"])


def token_for(username: str, password: str, **extra) -> Api:
    body = ok(Api().post("token", {"username": username, "password": password, **extra}), 200)
    return Api(body["token"])


def code_from_mail() -> str:
    match = re.search(r"code=([0-9A-Za-z-]+)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


@pytest.fixture
def superuser(monkeypatch, settings):
    """`manage.py createsuperuser --noinput`, as the operations guide's first step."""
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Platform-geheim-2026")
    call_command("createsuperuser", "--noinput", username="platform", email="platform@voorbeeld.nl")
    return get_user_model().objects.get(username="platform")


def platform_token(superuser, settings) -> Api:
    """With REQUIRE_2FA_FOR_STAFF a superuser without a code app is refused a token; with one,
    the token needs the app's current code as `otp`."""
    settings.REQUIRE_2FA_FOR_STAFF = True
    credentials = {"username": "platform", "password": "Platform-geheim-2026"}
    error(Api().post("token", credentials), 403, "second_factor_required")
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    error(Api().post("token", credentials), 403, "second_factor_required")
    api = token_for(**credentials, otp=f"{totp(device.bin_key):06d}")
    # The community's own staff set up their code app on the website (tests/privacy walk that);
    # the rest of this first day runs with the requirement off so their tokens stay plain.
    settings.REQUIRE_2FA_FOR_STAFF = False
    return api


def test_first_day_from_an_empty_database(superuser, settings):
    assert not Community.objects.exists()
    platform = platform_token(superuser, settings)

    # 1. The superuser creates the community; the same slug again is 409.
    created = ok(
        platform.post(
            "communities", {"slug": SLUG, "name": "Burenhulp Ons Dorp", "municipality": "Aa"}
        ),
        201,
    )
    assert created["slug"] == SLUG
    error(
        platform.post("communities", {"slug": SLUG, "name": "Ander", "municipality": "Aa"}),
        409,
    )
    # A superuser who is no member gets 404 inside the community, like anyone else.
    error(platform.get(f"c/{SLUG}/settings"), 404)

    # 2. ... and invites its administrator by a printed letter.
    appointed = ok(
        platform.post(
            f"communities/{SLUG}/administrators",
            {"name": "Anne Beheer", "address": "Dorpsstraat 1", "via": "letter"},
        ),
        201,
    )
    admin_code = appointed["code"]
    error(
        Api().post("activate", {"code": admin_code, "username": "anne", "password": "1234"}),
        422,
    )
    admin = activate(admin_code, "anne")
    error(
        Api().post(
            "activate",
            {"code": admin_code, "username": "anne2", "password": "Lang-en-sterk-2026!"},
        ),
        400,
        "invalid_code",
    )
    me = ok(admin.get(f"c/{SLUG}/me"), 200)
    assert "admin" in me["roles"]
    admin_id = me["id"] if "id" in me else me["person"]

    # 3. The administrator sets the desk's phone (and sign-up after approval).
    settings_body = ok(
        admin.patch(
            f"c/{SLUG}/settings",
            {"phone": PHONE, "opening_hours": "ma-vr 9-12 uur", "self_signup": "approval"},
        ),
        200,
    )
    assert settings_body["phone"] == PHONE
    assert settings_body["self_signup"] == "approval"
    for field in ("municipality", "response_deadline_hours", "house_rules", "walk_in"):
        assert field in settings_body

    # 4. Streets from CSV: a dry run changes nothing, a bad row stores nothing, then the import.
    areas_before = Area.objects.count()
    dry = ok(admin.post(f"c/{SLUG}/areas/import?dry_run=1", STREETS, content_type="text/csv"), 200)
    assert dry["created"] > 0 and dry["errors"] == []
    assert Area.objects.count() == areas_before
    bad = admin.post(
        f"c/{SLUG}/areas/import", STREETS + "Noord,,Losse straat\n", content_type="text/csv"
    )
    assert 400 <= bad.status_code < 500, bad.content
    assert bad.json()["errors"] and {"row", "detail"} <= set(bad.json()["errors"][0])
    assert Area.objects.count() == areas_before
    imported = ok(admin.post(f"c/{SLUG}/areas/import", STREETS, content_type="text/csv"), 201)
    assert imported["created"] == dry["created"] and imported["errors"] == []
    names = {area["name"] for area in ok(admin.get(f"c/{SLUG}/areas"), 200)}
    assert {"Dorpsstraat", "Molenweg", "Kerkpad", "Krakeel"} <= names

    # 5. A resident with no e-mail, reachable through the coordinator, invited by letter.
    resident_row = ok(
        admin.post(
            f"c/{SLUG}/people", {"name": "Mevrouw Jansen", "reachable_via_coordinator": True}
        ),
        201,
    )
    invitation = ok(
        admin.post(f"c/{SLUG}/people/{resident_row['id']}/invitation", {"via": "letter"}), 201
    )
    assert invitation["via"] == "letter" and invitation["code"] and invitation["expires_at"]
    resident = activate(invitation["code"], "jansen")
    assert ok(resident.get(f"c/{SLUG}/me"), 200)
    category = ok(resident.get(f"c/{SLUG}/categories"), 200)
    categories = category["items"] if isinstance(category, dict) else category
    code = next(c["code"] for c in categories if c["in_scope"])
    asked = ok(
        resident.post(
            f"c/{SLUG}/requests", {"category": code, "title": "Boodschappen op donderdag"}
        ),
        201,
    )
    assert asked["requester"] == resident_row["id"] and asked["status"] == "open"

    # 6. A coordinator, appointed by the administrator.
    coordinator_row = ok(
        admin.post(
            f"c/{SLUG}/people",
            {"name": "Carla Coördinator", "address": "Kerkpad 3", "roles": ["resident"]},
        ),
        201,
    )
    granted = ok(
        admin.put(f"c/{SLUG}/people/{coordinator_row['id']}/roles", {"roles": ["coordinator"]}),
        200,
    )
    assert granted["id"] == coordinator_row["id"] and granted["roles"] == ["coordinator"]
    coordinator_code = ok(
        admin.post(f"c/{SLUG}/people/{coordinator_row['id']}/invitation", {"via": "letter"}), 201
    )["code"]
    coordinator = activate(coordinator_code, "carla")

    # 7. Someone signs up on the public site and a coordinator approves.
    joined = Api().post(
        f"c/{SLUG}/join",
        {
            "name": "Kees Nieuw",
            "email": "kees@voorbeeld.nl",
            "address": "Molenweg 7",
            "wants": ["ask"],
            "accept_house_rules": True,
        },
    )
    assert ok(joined, 202) == {"status": "pending"}
    ok(Api().post(f"c/{SLUG}/join/verify", {"code": code_from_mail()}), 200)
    waiting = ok(coordinator.get(f"c/{SLUG}/join-requests"), 200)
    waiting = waiting["items"] if isinstance(waiting, dict) else waiting
    kees = next(row for row in waiting if row["name"] == "Kees Nieuw")
    approved = coordinator.post(f"c/{SLUG}/join-requests/{kees['id']}/approve", {})
    assert approved.status_code in (200, 201), approved.content

    # 8. The public contact endpoint and a community page's footer show the phone.
    contact = ok(Api().get(f"c/{SLUG}/contact"), 200)
    assert contact["phone"] == PHONE
    assert {"name", "phone", "email", "opening_hours", "walk_in"} <= set(contact)
    for path in (f"/c/{SLUG}/", f"/accounts/login/?next=/c/{SLUG}/"):
        page = Client().get(path, follow=True)
        assert page.status_code == 200, path
        assert PHONE in page.content.decode(), path

    error(Api().get("c/bestaat-niet/contact"), 404)

    # Sign-up closed: 403.
    ok(admin.patch(f"c/{SLUG}/settings", {"self_signup": "closed"}), 200)
    closed = Api().post(
        f"c/{SLUG}/join",
        {
            "name": "Te Laat",
            "email": "laat@voorbeeld.nl",
            "wants": ["offer"],
            "accept_house_rules": True,
        },
    )
    error(closed, 403)

    # 9. Denials: a coordinator cannot grant admin, cannot erase an administrator.
    error(coordinator.put(f"c/{SLUG}/people/{resident_row['id']}/roles", {"roles": ["admin"]}), 403)
    error(coordinator.put(f"c/{SLUG}/people/{admin_id}/roles", {"roles": ["resident"]}), 403)
    erase = coordinator.post(f"c/{SLUG}/people/{admin_id}/erase", {"confirm": True})
    error(erase, 403)
    assert ok(admin.get(f"c/{SLUG}/me"), 200)

    # 10. An expired code answers invalid_code.
    late_row = ok(admin.post(f"c/{SLUG}/people", {"name": "Laat", "address": "Molenweg 9"}), 201)
    late = ok(admin.post(f"c/{SLUG}/people/{late_row['id']}/invitation", {"via": "letter"}), 201)
    from naober.accounts.models import Invitation

    Invitation.objects.filter(person_id=late_row["id"]).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    error(
        Api().post(
            "activate",
            {"code": late["code"], "username": "laat", "password": "Lang-en-sterk-2026!"},
        ),
        400,
        "invalid_code",
    )

    # Issue 12: a resident looking up an unrelated person gets 404, as for a missing one.
    error(resident.get(f"c/{SLUG}/people/{late_row['id']}"), 404)
    error(resident.get(f"c/{SLUG}/people/{coordinator_row['id'] + 10_000}"), 404)


def test_a_superuser_without_a_second_factor_is_sent_to_set_one_up(superuser, settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    client = Client()
    client.post("/accounts/login/", {"username": "platform", "password": "Platform-geheim-2026"})
    response = client.get("/platform/")
    assert response.status_code == 302, response.status_code
    assert "/2fa/setup/" in response["Location"], response["Location"]
