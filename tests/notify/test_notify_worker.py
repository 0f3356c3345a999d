"""`manage.py run_worker`: kill -9 in the middle of a batch and every message still goes out exactly
once; database trouble is waited out; tasks of dead workers are reclaimed; SIGTERM stops it
cleanly (issue 11).

The kill test runs the real command as a subprocess against a local fake SMS gateway and the test
database (SQLite: a file copy of the in-memory test database; PostgreSQL: the test database
itself). It takes about 15 seconds.
"""

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from naober.notify import tasks
from naober.notify.models import Message, MessageStatus, WorkerBeat
from naober.notify.services import notify
from naober.notify.worker import Worker

ROOT = Path(__file__).resolve().parents[2]
DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BATCH = 30


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DB_BACKEND
    settings.WORKER_RECLAIM_AFTER = 2


class Gateway(BaseHTTPRequestHandler):
    """A gateway that honours idempotency keys: a key it already took is not sent again."""

    def do_POST(self):  # noqa: N802 (the name http.server asks for)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        key = self.headers.get("Idempotency-Key")
        with self.server.lock:
            self.server.posts[key] += 1
            if key not in self.server.sent:
                self.server.sent[key] = body["text"]
        time.sleep(self.server.delay)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"status": "accepted"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    server.posts, server.sent, server.lock, server.delay = Counter(), {}, threading.Lock(), 0.1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


class Database:
    """Where the subprocess finds the test data, and how the test reads what it did."""

    def __init__(self, tmp_path: Path):
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.file = tmp_path / "worker.sqlite3"
            target = sqlite3.connect(self.file)
            connection.ensure_connection()
            connection.connection.backup(target)
            target.close()
            self.url = f"sqlite:///{self.file}"
        else:
            s = connection.settings_dict
            self.url = f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def statuses_of(database: Database) -> Counter:
    if database.sqlite:
        with sqlite3.connect(database.file) as db:
            rows = db.execute("SELECT status FROM notify_message").fetchall()
        return Counter(status for (status,) in rows)
    return Counter(Message.objects.values_list("status", flat=True))


def start_worker(database: Database, gateway, tmp_path: Path, name: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "NAOBER_VAR_DIR": str(tmp_path / "var"),
        "SMS_BACKEND": "http",
        "SMS_GATEWAY_URL": f"http://127.0.0.1:{gateway.server_port}/send",
        "SMS_GATEWAY_TOKEN": "t",
        "SMS_GATEWAY_TIMEOUT": "5",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "WORKER_RECLAIM_AFTER": "2",
        "SECRET_KEY": "test-worker-secret-key-" + "x" * 40,
        "DEBUG": "0",
    }
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(  # noqa: S603 (our own interpreter and command)
        [sys.executable, "manage.py", "run_worker", "--interval", "0.1", "--worker-id", name],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_kill_9_in_the_middle_of_a_batch_sends_every_message_exactly_once(
    db_tasks, gateway, tmp_path, community, person_factory
):
    people = [
        person_factory(community, preferred_channel="sms", phone=f"06 5555{n:04d}")
        for n in range(BATCH)
    ]
    with transaction.atomic():
        for person in people:
            notify(person, "custom", {"subject": "x", "body": f"Bericht voor {person.pk}"})
    assert DBTaskResult.objects.count() == BATCH
    database = Database(tmp_path)

    first = start_worker(database, gateway, tmp_path, "first")
    try:
        wait_for(lambda: len(gateway.posts) >= BATCH // 3, 60, "the first worker to send")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    assert len(gateway.sent) < BATCH, "the kill came too late to test anything"

    second = start_worker(database, gateway, tmp_path, "second")
    try:
        wait_for(lambda: statuses_of(database)[MessageStatus.SENT] == BATCH, 60, "all sent")
        second.send_signal(signal.SIGTERM)
        assert second.wait(15) == 0  # a graceful stop
    finally:
        if second.poll() is None:
            second.kill()
    log = (tmp_path / "second.log").read_text()

    keys = {m.idempotency_key for m in Message.objects.all()} if not database.sqlite else None
    assert len(gateway.sent) == BATCH, log
    if keys is not None:
        assert set(gateway.sent) == keys
    # Exactly once on the phone: each key sent once; at most the one text in flight at the
    # kill was handed over twice, and the gateway recognised its key.
    assert sum(gateway.posts.values()) - BATCH <= 1, gateway.posts
    assert statuses_of(database) == Counter({MessageStatus.SENT: BATCH})


# --- the worker in-process -----------------------------------------------------------------------


@pytest.fixture
def worker(db_tasks):
    return Worker(worker_id="test-worker", interval=0.01, batch=True)


def test_database_trouble_is_waited_out(worker, db):
    calls = []

    def step():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("server closed the connection unexpectedly")
        return False  # batch: an empty queue ends the run

    with mock.patch.object(worker, "step", step), mock.patch.object(worker, "sleep") as sleep:
        worker.run()
    assert len(calls) == 3
    assert [c.args[0] for c in sleep.call_args_list] == [1.0, 2.0]


@pytest.mark.django_db(transaction=True)
def test_a_task_that_meets_a_lock_runs_again_later(worker, community, person_factory):
    person = person_factory(community, preferred_channel="sms")
    with transaction.atomic():
        message = notify(person, "custom", {"subject": "x", "body": "y"})
    with mock.patch(
        "naober.notify.delivery.claim", side_effect=OperationalError("database is locked")
    ):
        assert worker.step()
    row = DBTaskResult.objects.get()
    assert row.status == "READY" and row.run_after > timezone.now()
    DBTaskResult.objects.update(run_after=timezone.now())
    worker.run()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_tasks_of_a_dead_worker_are_reclaimed(worker, community, person_factory):
    person = person_factory(community, preferred_channel="sms")
    with transaction.atomic():
        message = notify(person, "custom", {"subject": "x", "body": "y"})
    long_ago = timezone.now() - timedelta(minutes=10)
    DBTaskResult.objects.update(status="RUNNING", started_at=long_ago, worker_ids=["dead"])
    WorkerBeat.objects.create(
        worker_id="dead", pid=1, host="h", started_at=long_ago, seen_at=long_ago
    )
    assert worker.reclaim_tasks() == 1
    assert DBTaskResult.objects.get().status == "READY"
    worker.run()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


@pytest.mark.django_db(transaction=True)
def test_a_live_workers_task_is_left_alone(worker, community, person_factory):
    person = person_factory(community, preferred_channel="sms")
    with transaction.atomic():
        notify(person, "custom", {"subject": "x", "body": "y"})
    now = timezone.now()
    DBTaskResult.objects.update(status="RUNNING", started_at=now, worker_ids=["alive"])
    WorkerBeat.objects.create(worker_id="alive", pid=1, host="h", started_at=now, seen_at=now)
    assert worker.reclaim_tasks() == 0
    assert DBTaskResult.objects.get().status == "RUNNING"


@pytest.mark.django_db(transaction=True)
def test_a_task_failure_with_a_nul_byte_is_recorded(worker):
    row = tasks.deliver_message.enqueue(1).db_result
    worker.fail(row, ValueError("gateway said \x00\x00"))
    row.refresh_from_db()
    assert row.status == "FAILED" and "\x00" not in row.traceback


def test_sigterm_lets_the_current_task_finish(worker):
    worker.shutdown(signal.SIGTERM, None)
    assert not worker.running and worker.wake.is_set()
    with pytest.raises(SystemExit):
        worker.shutdown(signal.SIGTERM, None)  # a second signal stops at once


def test_the_worker_command_is_documented():
    readme = (ROOT / "README.md").read_text()
    assert "run_worker" in readme and "EMAIL_TIMEOUT" in readme and "WORKER_RECLAIM_AFTER" in readme
    assert django_settings.EMAIL_TIMEOUT > 0


class CuttableProxy:
    """A TCP proxy in front of PostgreSQL that the test can cut, as a database restart does:
    every open connection is dropped and new ones are refused until it is restored."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.up = threading.Event()
        self.up.set()
        self.links: list[socket.socket] = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.up.is_set():
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self.up.clear()
        for link in self.links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
        self.links = []

    def restore(self):
        self.up.set()

    def close(self):
        self.cut()
        self.server.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_worker_survives_a_database_restart(
    db_tasks, gateway, tmp_path, community, person_factory
):
    """PostgreSQL goes away under a running worker and comes back: the worker waits, reconnects
    and sends what was queued meanwhile (before: db_worker exited on the OperationalError)."""
    if connection.vendor != "postgresql":
        pytest.skip("a database server to restart is PostgreSQL's")
    s = connection.settings_dict
    proxy = CuttableProxy(s["HOST"] or "127.0.0.1", int(s["PORT"] or 5432))
    database = Database(tmp_path)
    database.url = f"postgres://{s['USER']}@127.0.0.1:{proxy.port}/{s['NAME']}"
    people = [
        person_factory(community, preferred_channel="sms", phone=f"06 4444{n:04d}")
        for n in range(4)
    ]

    def send(person):
        with transaction.atomic():
            notify(person, "custom", {"subject": "x", "body": f"Voor {person.pk}"})

    worker = start_worker(database, gateway, tmp_path, "survivor")
    try:
        send(people[0])
        wait_for(lambda: len(gateway.sent) == 1, 60, "the first message")
        proxy.cut()
        send(people[1])  # queued while the worker cannot reach the database
        time.sleep(3)
        assert worker.poll() is None, "the worker died with the database"
        proxy.restore()
        send(people[2])
        wait_for(lambda: len(gateway.sent) == 3, 60, "the messages after the restart")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(15) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
        proxy.close()
    assert Counter(Message.objects.values_list("status", flat=True)) == {MessageStatus.SENT: 3}
    log = (tmp_path / "survivor.log").read_text()
    assert "Database unavailable" in log or "Database away" in log  # it did meet the outage
