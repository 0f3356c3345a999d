"""Rate limits: one count for all server processes, by the real client address."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from naober.privacy.ratelimit import client_ip

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def limits_on(settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {"login": "3/h", "token": "3/h", "public_form": "2/h"}
    return settings


def ip_of(remote: str, forwarded: str | None = None) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_connecting_address_counts(settings):
    settings.TRUSTED_PROXIES = []
    assert ip_of("203.0.113.9", "198.51.100.1") == "203.0.113.9"


def test_behind_a_trusted_proxy_the_address_it_saw_counts(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert ip_of("127.0.0.1", "203.0.113.9") == "203.0.113.9"
    # A client that writes its own header only adds hops to the left of the real one.
    assert ip_of("127.0.0.1", "1.1.1.1, 203.0.113.9") == "203.0.113.9"
    # Two proxies in a row (a load balancer in 10/8, then nginx): the first untrusted hop.
    assert ip_of("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3") == "203.0.113.9"
    assert ip_of("127.0.0.1") == "127.0.0.1"
    # An address outside the trusted list cannot name someone else.
    assert ip_of("203.0.113.50", "203.0.113.9") == "203.0.113.50"


@pytest.mark.parametrize("path", ["/accounts/login/", "/beheer/login/"])
def test_a_forged_forwarded_for_does_not_reset_the_login_limit(limits_on, db, path):
    limits_on.TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client(REMOTE_ADDR="127.0.0.1")
    statuses = [
        client.post(
            path, {"username": "x", "password": "y"}, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 192.0.2.7"
        ).status_code
        for n in range(4)
    ]
    assert statuses[3] == 429 and 429 not in statuses[:3]
    # Another real client behind the same proxy still gets in.
    other = client.post(path, {"username": "x"}, HTTP_X_FORWARDED_FOR="192.0.2.8")
    assert other.status_code != 429


def test_token_limit_counts_the_real_client(limits_on, db):
    limits_on.TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client(REMOTE_ADDR="127.0.0.1")
    body = {"username": "nobody", "password": "wrong"}
    statuses = [
        client.post(
            "/api/v1/token",
            body,
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 192.0.2.7",
        ).status_code
        for n in range(4)
    ]
    assert statuses[3] == 429 and 429 not in statuses[:3]


COUNT_SCRIPT = (
    "from naober.privacy.ratelimit import allow;"
    "print(sum(allow('login', '192.0.2.99') for _ in range(15)))"
)


def test_two_processes_share_one_count(tmp_path):
    """Two server processes each see 15 attempts of one client: together only 20 pass."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "NAOBER_VAR_DIR": str(tmp_path),
        "RATE_LIMITS_ENABLED": "1",
        "RATE_LIMIT_LOGIN": "20/h",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "ops", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    workers = [
        subprocess.Popen(  # noqa: S603
            [*manage, "shell", "-c", COUNT_SCRIPT],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    allowed = [int(worker.communicate(timeout=120)[0].split()[-1]) for worker in workers]
    assert sum(allowed) == 20, allowed
