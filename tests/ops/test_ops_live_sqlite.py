"""The real server on the default SQLite database: concurrent person pages, a worker that dies.

One demo database is migrated and seeded for the module (a minute), then `manage.py serve` runs
gunicorn (2 processes x 4 threads) and the worker on it, exactly as `make run` does.
"""

import http.cookiejar
import re
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from tests.ops.live import ROOT, Server, get, server_env

# One worker runs the whole module (`make test` runs pytest-xdist with --dist loadgroup): split
# over two workers, each would migrate and seed its own demo database for the shared server.
pytestmark = pytest.mark.xdist_group("live_sqlite_server")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite run covers this; PostgreSQL is measured by bench/load_desk.py")
    var = tmp_path_factory.mktemp("served")
    env = server_env(NAOBER_VAR_DIR=str(var), DATABASE_URL=f"sqlite:///{var / 'naober.sqlite3'}")
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [*manage, "seed_demo"], cwd=ROOT, env={**env, "DEBUG": "1"}, check=True, capture_output=True
    )
    server = Server(env)
    server.wait_up()
    yield server
    assert server.stop() == 0


def logged_in(server: Server, username: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(server.url + "/accounts/login/", timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = f"username={username}&password=demo&csrfmiddlewaretoken={token}".encode()
    request = urllib.request.Request(  # noqa: S310
        server.url + "/accounts/login/", data=body, headers={"Referer": server.url + "/"}
    )
    opener.open(request, timeout=60).read()
    return opener


def status_of(opener, url: str) -> int:
    try:
        with opener.open(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_coordinators_open_person_pages_at_once_without_errors(served):
    """Each person page writes an audit entry; 8 at a time must all succeed (was 5 in 40 500s)."""
    coordinator, admin = logged_in(served, "coordinator"), logged_in(served, "admin")
    listing = coordinator.open(served.url + "/c/demo/people/", timeout=60).read().decode()
    people = sorted(set(re.findall(r"/c/demo/people/(\d+)/", listing)))[:20]
    assert len(people) >= 10
    urls = [
        (opener, f"{served.url}/c/demo/people/{person}/")
        for person in people
        for opener in (coordinator, admin)
    ] * 2
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda job: status_of(*job), urls))
    assert statuses.count(200) == len(urls), sorted(set(statuses))


def test_static_files_come_from_whitenoise_with_debug_off(served):
    status, body = get(served.url + "/static/naober/naober.css")
    assert status == 200 and "{" in body


def worker_pid(server: Server) -> int | None:
    for task in Path(f"/proc/{server.proc.pid}/task").glob("*"):
        for child in (task / "children").read_text().split():
            if b"run_worker" in Path(f"/proc/{child}/cmdline").read_bytes():
                return int(child)
    return None


def test_a_killed_worker_is_started_again_and_readyz_stays_ready(served):
    """Waits are generous: on a loaded machine a fresh worker takes a while to import Django."""

    def ready():
        return get(served.url + "/readyz")[0] == 200

    def eventually(check, seconds: float = 120):
        deadline = time.monotonic() + seconds
        while not check() and time.monotonic() < deadline:
            time.sleep(1)
        return check()

    assert eventually(ready)
    first = worker_pid(served)
    subprocess.run(["kill", "-9", str(first)], check=True)  # noqa: S603, S607
    assert eventually(lambda: worker_pid(served) not in (None, first), 60)
    assert get(served.url + "/healthz")[0] == 200
    assert eventually(ready)
