"""Backups that restore: SQLite copied while writers write; the PostgreSQL procedure end to end."""

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from naober.privacy.audit import append
from naober.privacy.models import AuditAction
from tests.factories import make_community, make_person

ROOT = Path(__file__).resolve().parents[2]


def test_sqlite_backup_while_writes_happen(tmp_path):
    """`manage.py backup` copies a consistent database while another process keeps writing."""
    live = tmp_path / "live.sqlite3"
    with sqlite3.connect(live) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, body TEXT)")
    errors, stop = [], threading.Event()

    def write():
        db = sqlite3.connect(live, timeout=20, isolation_level=None)
        while not stop.is_set():
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO entry (body) VALUES (?)", ["x" * 500])
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                errors.append(exc)
        db.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        time.sleep(0.5)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{live}", "NAOBER_VAR_DIR": str(tmp_path)}
        copies = []
        for n in range(3):
            target = tmp_path / f"copy{n}.sqlite3"
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", "backup", str(target)], cwd=ROOT, env=env, check=True
            )
            copies.append(target)
    finally:
        stop.set()
        writer.join()
    assert not errors
    with sqlite3.connect(live) as db:
        final = db.execute("SELECT COUNT(*) FROM entry").fetchone()[0]
    counts = []
    for copy in copies:
        with sqlite3.connect(copy) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts.append(db.execute("SELECT COUNT(*) FROM entry").fetchone()[0])
    assert 0 < counts[0] <= counts[1] <= counts[2] <= final


def table_counts(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgres_dump_and_restore_as_in_operations_md(tmp_path):
    """docs/operations.md, "Backups": pg_dump, restore into a fresh database, then compare."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    community = make_community("bewaard", "Buurthulp Bewaard")
    coordinator = make_person(community, "coordinator", name="Co Ordinator")
    for n in range(5):
        resident = make_person(community, name=f"Bewoner {n}", phone=f"06 1234567{n}")
        append(community, AuditAction.VIEW, resident, "backup", actor_person=coordinator)
    s = connection.settings_dict
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    base = f"postgresql://{quote(s['USER'] or 'postgres')}@{host}:{port}"
    live_url, restored_name = f"{base}/{s['NAME']}", f"{s['NAME']}_restored"
    restored_url = f"{base}/{restored_name}"
    dump = tmp_path / "naober.dump"
    run = lambda *argv: subprocess.run(argv, check=True, capture_output=True, text=True)  # noqa: E731, S603
    run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", live_url)
    run("dropdb", "--if-exists", f"--maintenance-db={base}/postgres", restored_name)
    run("createdb", f"--maintenance-db={base}/postgres", restored_name)
    try:
        run(
            "pg_restore",
            "--no-owner",
            "--clean",
            "--if-exists",
            f"--dbname={restored_url}",
            str(dump),
        )
        assert table_counts(restored_url) == table_counts(live_url)
        verify = [sys.executable, "manage.py", "audit_verify"]
        env = dict(os.environ, NAOBER_VAR_DIR=str(tmp_path))
        restored = subprocess.run(  # noqa: S603
            verify,
            cwd=ROOT,
            env={**env, "DATABASE_URL": restored_url},
            capture_output=True,
            text=True,
        )
        live = subprocess.run(  # noqa: S603
            verify, cwd=ROOT, env={**env, "DATABASE_URL": live_url}, capture_output=True, text=True
        )
        assert restored.returncode == 0 and live.returncode == 0, restored.stderr
        assert "bewaard: 5 entries, chain intact" in restored.stdout
        assert restored.stdout == live.stdout
    finally:
        run("dropdb", "--if-exists", f"--maintenance-db={base}/postgres", restored_name)
