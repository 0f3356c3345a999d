"""The task worker that keeps going: `manage.py run_worker` (run it instead of `db_worker`).

It runs the tasks of django-tasks-db's database queue like `db_worker`, and adds what a worker
on a real machine needs:

- the database going away (a PostgreSQL restart, a locked SQLite file) is waited out with a
  growing pause and a fresh connection, instead of ending the process;
- SIGTERM (or Ctrl+C) lets the current task finish, then the worker stops; a second signal
  stops it at once, and the interrupted task is put back in the queue;
- a task that fails on a lock or a lost connection is run again later (up to TASK_MAX_TRIES);
- every few seconds it writes a beat (WorkerBeat); tasks left RUNNING by a worker whose beat
  stopped (kill -9, power cut) are put back in the queue after WORKER_RECLAIM_AFTER seconds;
- it sweeps the message outbox (naober.notify.delivery.sweep), so a message whose task was lost,
  or whose worker died mid-send, still goes out;
- it runs the periodic jobs that apps above notify register with `every()` at start-up (the
  escalation sweep): once when it starts, then every so many seconds. Every worker runs them, so
  a job must be idempotent (two workers may run it at the same moment); a job that fails is
  logged and tried again at its next turn, the worker goes on.
"""

import contextlib
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from traceback import format_exception

from django.db import InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from naober.notify import delivery
from naober.notify.models import WorkerBeat

logger = logging.getLogger(__name__)

DATABASE_TROUBLE = (OperationalError, InterfaceError)
TASK_MAX_TRIES = 5
BEAT_SECONDS = 5
SWEEP_SECONDS = 30
MAX_PAUSE_SECONDS = 30

#: name -> (seconds between runs, the job); filled by `every()` from AppConfig.ready().
PERIODIC: dict[str, tuple[float, Callable[[], object]]] = {}


def every(seconds: float, name: str, job: Callable[[], object]) -> None:
    """Have every worker run `job()` when it starts and then every `seconds` (an app above
    notify registers its schedule this way, from its AppConfig.ready)."""
    PERIODIC[name] = (float(seconds), job)


def clean_traceback(error: BaseException) -> str:
    """The traceback as text a database can store (a NUL from a gateway would break PostgreSQL)."""
    return "".join(format_exception(error)).replace("\x00", "\\x00")


class Worker:
    """One worker process. `run()` returns when it was asked to stop (or `batch` found no work)."""

    def __init__(
        self,
        *,
        worker_id: str,
        backend_name: str = "default",
        queue_names: tuple[str, ...] = ("default",),
        interval: float = 1.0,
        batch: bool = False,
    ):
        self.worker_id, self.backend_name = worker_id, backend_name
        self.queue_names, self.interval, self.batch = queue_names, interval, batch
        self.running = True
        self.in_task = False
        self.wake = threading.Event()
        self.started_at = timezone.now()
        self.last_beat = self.last_sweep = 0.0
        self.last_periodic: dict[str, float] = {}

    # --- signals -------------------------------------------------------------------------------

    def configure_signals(self) -> None:
        for name in ("SIGINT", "SIGTERM", "SIGQUIT"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), self.shutdown)

    def shutdown(self, signum: int, frame) -> None:
        if not self.running:
            logger.warning("Second %s: stopping at once.", signal.strsignal(signum))
            raise SystemExit(1)
        logger.warning("%s: stopping after the current task.", signal.strsignal(signum))
        self.running = False
        self.wake.set()

    # --- the loop ------------------------------------------------------------------------------

    def run(self) -> None:
        logger.info("Worker %s started (pid %s)", self.worker_id, os.getpid())
        pause = 1.0
        try:
            while self.running:
                try:
                    worked = self.step()
                    pause = 1.0
                except DATABASE_TROUBLE as error:
                    logger.warning("Database unavailable (%s); trying again in %ss", error, pause)
                    self.drop_connections()
                    self.sleep(pause)
                    pause = min(pause * 2, MAX_PAUSE_SECONDS)
                    continue
                if self.batch and not worked:
                    break
                if not worked:
                    self.sleep(self.interval)
        finally:
            self.sign_off()
        logger.info("Worker %s stopped", self.worker_id)

    def step(self) -> bool:
        """Housekeeping when due, then at most one task; True if a task ran."""
        now = time.monotonic()
        beat_every = min(BEAT_SECONDS, delivery.reclaim_after().total_seconds() / 4)
        if now - self.last_beat >= beat_every:
            self.beat()
            self.reclaim_tasks()
            self.last_beat = now
        sweep_every = min(SWEEP_SECONDS, delivery.reclaim_after().total_seconds() / 2)
        if now - self.last_sweep >= sweep_every:
            delivery.sweep()
            self.last_sweep = now
        self.run_periodic(now)
        task = self.next_task()
        if task is None:
            return False
        self.run_task(task)
        return True

    def run_periodic(self, now: float) -> None:
        """Each registered job whose turn has come; the first look runs them all. Database
        trouble goes up to run() (waited out, the job runs again); any other failure is logged."""
        for name, (seconds, job) in list(PERIODIC.items()):
            last = self.last_periodic.get(name)
            if last is not None and now - last < seconds:
                continue
            self.last_periodic[name] = now
            try:
                job()
            except DATABASE_TROUBLE:
                del self.last_periodic[name]
                raise
            except Exception:  # noqa: BLE001 (one job's failure must not stop the worker)
                logger.exception("Periodic job %s failed", name)

    def sleep(self, seconds: float) -> None:
        """Wait, but wake at once when asked to stop."""
        self.wake.wait(seconds)

    def drop_connections(self) -> None:
        """Close this thread's connections so the next query connects anew. One inside a
        transaction is left alone: the worker runs in autocommit, so such a transaction belongs
        to whoever runs the worker inline (a test, a management command), not to the worker."""
        for conn in connections.all(initialized_only=True):
            if conn.in_atomic_block:
                continue
            try:
                conn.close()
            except DATABASE_TROUBLE:
                conn.connection = None  # broken beyond closing: forget it, connect anew

    # --- tasks ---------------------------------------------------------------------------------

    def queue(self):
        tasks = DBTaskResult.objects.filter(backend_name=self.backend_name)
        if "*" not in self.queue_names:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        return tasks

    def next_task(self) -> DBTaskResult | None:
        ready = self.queue().ready()
        try:
            with exclusive_transaction(ready.db):
                task = ready.get_locked()
                if task is not None:
                    task.claim(self.worker_id)
                return task
        except OperationalError as error:
            if is_locked_database_exception(error):
                return None  # another worker has the queue this moment
            raise

    def run_task(self, row: DBTaskResult) -> None:
        """Run one task and record how it ended; database trouble means "again later"."""
        self.in_task = True
        try:
            task = row.task
            result = row.task_result
            backend = type(task.get_backend())
            task_started.send(sender=backend, task_result=result)
            if task.takes_context:
                value = task.call(TaskContext(task_result=result), *result.args, **result.kwargs)
            else:
                value = task.call(*result.args, **result.kwargs)
            row.set_successful(value)
            task_finished.send(sender=backend, task_result=row.task_result)
        except DATABASE_TROUBLE as error:
            self.again_later(row, error)
        except (SystemExit, KeyboardInterrupt):
            self.put_back(row)
            raise
        except Exception as error:  # noqa: BLE001 (a task's own failure is recorded, not fatal)
            logger.exception("Task %s (%s) failed", row.id, row.task_path)
            self.fail(row, error)
        finally:
            self.in_task = False

    def again_later(self, row: DBTaskResult, error: BaseException) -> None:
        tries = len(row.worker_ids)
        if tries >= TASK_MAX_TRIES:
            self.fail(row, error)
            return
        wait = timedelta(seconds=min(10 * 2 ** (tries - 1), 300))
        logger.warning("Task %s met %s; again in %s", row.id, type(error).__name__, wait)
        self.drop_connections()
        DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, run_after=timezone.now() + wait
        )

    def put_back(self, row: DBTaskResult) -> None:
        # If the database is away too, the next reclaim puts it back.
        with contextlib.suppress(*DATABASE_TROUBLE):
            DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY
            )

    def fail(self, row: DBTaskResult, error: BaseException) -> None:
        row.status = TaskResultStatus.FAILED
        row.finished_at = timezone.now()
        row.exception_class_path = f"{type(error).__module__}.{type(error).__qualname__}"
        row.traceback = clean_traceback(error)
        row.return_value = None
        row.save(
            update_fields=[
                "status",
                "finished_at",
                "exception_class_path",
                "traceback",
                "return_value",
            ]
        )

    # --- liveness and reclaiming ---------------------------------------------------------------

    def beat(self) -> None:
        WorkerBeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "pid": os.getpid(),
                "host": socket.gethostname()[:100],
                "started_at": self.started_at,
                "seen_at": timezone.now(),
            },
        )

    def reclaim_tasks(self) -> int:
        """Put back tasks left RUNNING by a dead worker (or by this one, before the database went
        away); a task that was tried TASK_MAX_TRIES times is failed instead. Returns how many."""
        now = timezone.now()
        stale = now - delivery.reclaim_after()
        alive = set(
            WorkerBeat.objects.filter(seen_at__gte=stale).values_list("worker_id", flat=True)
        )
        alive.discard(self.worker_id)
        reclaimed = 0
        for row in self.queue().filter(status=TaskResultStatus.RUNNING):
            last = row.worker_ids[-1] if row.worker_ids else None
            mine = last == self.worker_id
            if not mine and (last in alive or row.started_at is None or row.started_at >= stale):
                continue
            if len(row.worker_ids) >= TASK_MAX_TRIES:
                self.fail(row, RuntimeError("the worker stopped while running this task"))
            else:
                DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.READY
                )
            reclaimed += 1
        if reclaimed:
            logger.warning("Reclaimed %s task(s) left running by a stopped worker", reclaimed)
        WorkerBeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
        return reclaimed

    def sign_off(self) -> None:
        with contextlib.suppress(*DATABASE_TROUBLE):
            WorkerBeat.objects.filter(worker_id=self.worker_id).delete()
        self.drop_connections()
