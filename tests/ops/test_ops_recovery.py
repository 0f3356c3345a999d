"""PostgreSQL goes away and comes back: the real server answers 503 meanwhile and then recovers."""

import time
from urllib.parse import urlsplit

import pytest
from django.db import connection

from tests.ops.live import Server, TcpProxy, get, server_env

pytestmark = pytest.mark.postgres


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def until(check, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.5)


def test_database_away_gives_503_in_dutch_and_recovers_without_restart(
    postgres_only, transactional_db, tmp_path
):
    settings_dict = connection.settings_dict
    proxy = TcpProxy((settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)))
    proxy.up()
    user = settings_dict["USER"] or "postgres"
    url = f"postgres://{user}@127.0.0.1:{proxy.port}/{settings_dict['NAME']}"
    assert urlsplit(url).port == proxy.port
    server = Server(server_env(DATABASE_URL=url, NAOBER_VAR_DIR=str(tmp_path)), "--no-worker")
    try:
        server.wait_up()
        page = server.url + "/c/nergens/"
        assert get(page)[0] == 404  # the database answers: no such community
        ready = get(server.url + "/readyz")
        assert '"database": "ok"' in ready[1]

        proxy.down()
        started = time.monotonic()
        status, body = get(page)
        assert status == 503, body[:500]
        assert "even niet bereikbaar" in body and "Traceback" not in body
        assert time.monotonic() - started < 15
        status, body = get(server.url + "/readyz")
        assert status == 503 and '"database": "error' in body
        assert get(server.url + "/healthz")[0] == 200
        token = get(
            server.url + "/api/v1/token",
            headers={"Content-Type": "application/json"},
            data=b'{"username": "x", "password": "y"}',
        )
        assert token[0] == 503 and '"code": "service_unavailable"' in token[1]

        proxy.up()
        assert until(lambda: get(page)[0] == 404), "did not recover"
        assert until(lambda: '"database": "ok"' in get(server.url + "/readyz")[1])
    finally:
        server.stop()
        proxy.down()
