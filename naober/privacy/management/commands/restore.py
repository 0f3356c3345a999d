"""`manage.py restore <file> [--force]`: put a backup made by `backup` back in place (SQLite).

Refuses to overwrite a database that has data unless --force is given. Stop the site first.
"""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from naober.privacy.management.commands.backup import connect, sqlite_name


class Command(BaseCommand):
    help = "Restore the SQLite database from a backup file (stop the site first)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="overwrite the current database, which may hold data",
        )

    def handle(self, *args, file, force=False, **options):
        source, target = Path(file), sqlite_name()
        if not source.is_file():
            raise CommandError(f"{source} does not exist.")
        check = sqlite3.connect(source)
        try:
            sound = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            sound = False
        finally:
            check.close()
        if not sound:
            raise CommandError(f"{source} is not a sound SQLite database.")
        if not force and "django_migrations" in connection.introspection.table_names():
            raise CommandError(f"{target} already holds a database; add --force to replace it.")
        connection.close()  # a no-op for the in-memory test database, which must stay alive
        src, dst = sqlite3.connect(source), connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        self.stdout.write(f"Restored {target} from {source}")
