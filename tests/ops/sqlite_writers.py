"""Run as a child process: many threads append to one chain table at once on a SQLite file.

    python -m tests.ops.sqlite_writers DB_FILE THREADS ROUNDS [deferred]

Each round is what an audit append does: read the chain head, then write a new link and move the
head, in one transaction. The database settings are the project's own (DATABASE_URL points at the
file), so this shows whether those settings hold; "deferred" switches the transaction mode back to
SQLite's default to show that they are needed. Prints JSON: errors and the links written.
"""

import json
import os
import sys
import threading
import time

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")

import django  # noqa: E402

django.setup()
from django.db import OperationalError, connection, transaction  # noqa: E402

THREADS, ROUNDS = int(sys.argv[2]), int(sys.argv[3])
DEFERRED = len(sys.argv) > 4 and sys.argv[4] == "deferred"
errors: list[str] = []


def writer() -> None:
    if DEFERRED:
        connection.ensure_connection()
        connection.transaction_mode = None
    for _ in range(ROUNDS):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT seq FROM head WHERE id = 1")
                (seq,) = cursor.fetchone()
                time.sleep(0.001)  # a page renders between reading and writing
                cursor.execute("INSERT INTO link (seq) VALUES (%s)", [seq + 1])
                cursor.execute("UPDATE head SET seq = %s WHERE id = 1", [seq + 1])
        except OperationalError as exc:
            errors.append(str(exc))
    connection.close()


with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS head (id INTEGER PRIMARY KEY, seq INTEGER)")
    cursor.execute("CREATE TABLE IF NOT EXISTS link (seq INTEGER UNIQUE)")
    cursor.execute("INSERT OR IGNORE INTO head VALUES (1, 0)")
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
connection.close()
threads = [threading.Thread(target=writer) for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*), MAX(seq) FROM link")
    links, top = cursor.fetchone()
print(json.dumps({"errors": len(errors), "links": links, "top": top, "journal_mode": journal_mode}))
