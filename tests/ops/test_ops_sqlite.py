"""SQLite holds under concurrent writers with the project's database settings."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_writers(tmp_path, *mode: str) -> dict:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.ops.sqlite_writers", str(tmp_path / "w.sqlite3"), "8", "25"]
        + list(mode),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_eight_writers_reading_then_writing_never_fail(tmp_path):
    outcome = run_writers(tmp_path)
    assert outcome == {"errors": 0, "links": 200, "top": 200, "journal_mode": "wal"}


def test_without_immediate_transactions_the_same_work_fails(tmp_path):
    """The control: SQLite's default (deferred) transactions meet 'database is locked'."""
    outcome = run_writers(tmp_path, "deferred")
    assert outcome["errors"] > 0
