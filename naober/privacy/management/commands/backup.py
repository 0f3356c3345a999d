"""`manage.py backup <file>`: a consistent copy of the SQLite database while the site runs.

Uses sqlite3's online backup API, so writers are not blocked for long and the copy is never torn.
For PostgreSQL use pg_dump (see docs/operations.md).
"""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


def sqlite_name() -> str:
    """The database file (or, in tests, the shared in-memory database's URI)."""
    if connection.vendor != "sqlite":
        raise CommandError(
            "This command backs up SQLite; for PostgreSQL use pg_dump (see docs/operations.md)."
        )
    connection.ensure_connection()
    return str(connection.settings_dict["NAME"])


def connect(name: str) -> sqlite3.Connection:
    return sqlite3.connect(name, uri=name.startswith("file:"))


class Command(BaseCommand):
    help = "Copy the SQLite database to a file, safely while the site is running."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--force", action="store_true", help="overwrite an existing file")

    def handle(self, *args, file, force=False, **options):
        source, target = sqlite_name(), Path(file)
        if target.exists() and not force:
            raise CommandError(f"{target} exists; add --force to overwrite it.")
        target.parent.mkdir(parents=True, exist_ok=True)
        src, dst = connect(source), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        self.stdout.write(f"Backed up {source} to {target}")
