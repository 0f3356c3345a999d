"""Two real processes on one database: a change in one reaches the other's cached index as a
delta from the change log, not a rebuild (cache.py). On SQLite the test database is copied to a
file first (the test database lives in memory, which another process cannot open)."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from tests.matchmaking.builders import make_offer, make_request

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def _shared_database_url(tmp_path) -> str:
    """A DATABASE_URL another process can open holding exactly this test's rows."""
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    url = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(url._replace(path="/" + connection.settings_dict["NAME"]))


def _start(env) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "tests.matchmaking.second_process"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _answer(process) -> dict:
    line = process.stdout.readline()
    assert line, "the other process ended"
    return json.loads(line)


def _ask(process, command: str) -> dict:
    process.stdin.write(command + "\n")
    process.stdin.flush()
    return _answer(process)


def test_a_pause_in_one_process_reaches_the_other_without_a_rebuild(
    community, coordinator, tmp_path
):
    help_request = make_request(community)
    paused, other = make_offer(community), make_offer(community)
    env = {**os.environ, "DATABASE_URL": _shared_database_url(tmp_path)}
    reader, writer = _start(env), _start(env)
    try:
        assert _answer(reader) == {"ready": True} and _answer(writer) == {"ready": True}
        first = _ask(reader, f"suggest {coordinator.pk} {help_request.pk}")
        assert set(first["offers"]) == {paused.pk, other.pk}
        assert first["builds"] == 1

        assert _ask(writer, f"pause {paused.pk}") == {"paused": paused.pk}

        second = _ask(reader, f"suggest {coordinator.pk} {help_request.pk}")
        assert second["offers"] == [other.pk]  # fresh at the next call
        assert second["builds"] == 1  # no rebuild: the logged step was applied
        assert second["deltas"] == 1
    finally:
        for process in (reader, writer):
            process.stdin.close()
            process.wait(timeout=20)
