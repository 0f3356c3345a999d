"""A small process supervisor: the web server and the task worker side by side.

`manage.py serve` runs it (and `make run` for the demo). It starts each child in its own session,
so that Ctrl-C reaches only the supervisor, which then stops the children in an orderly way:
SIGTERM, up to GRACE seconds to finish (the web server drains its requests, the worker its task),
then SIGKILL. A child that exits while the supervisor runs is started again, after a pause that
grows when it keeps dying (1, 2, 4 ... up to 30 s). Every HEARTBEAT_EVERY seconds it enqueues the
worker's heartbeat task, so that `/readyz` can tell whether the worker really takes tasks.
"""

import logging
import signal
import subprocess
import time
from dataclasses import dataclass

log = logging.getLogger("naober.supervisor")

GRACE = 25.0
HEARTBEAT_EVERY = 30.0
STABLE_AFTER = 60.0  # a child that ran this long starts again without waiting


@dataclass
class Child:
    """One supervised command and the process currently running it."""

    name: str
    argv: list[str]
    env: dict | None = None
    proc: subprocess.Popen | None = None
    started: float = 0.0
    failures: int = 0
    restart_at: float | None = None
    restarts: int = 0

    def start(self) -> None:
        self.proc = subprocess.Popen(self.argv, env=self.env, start_new_session=True)  # noqa: S603
        self.started = time.monotonic()
        self.restart_at = None
        log.warning("started %s (pid %s)", self.name, self.proc.pid)

    def check(self, now: float) -> None:
        """Start the child again when it has died and its pause is over."""
        if self.proc is None or self.proc.poll() is None:
            if self.restart_at is not None and now >= self.restart_at:
                self.restarts += 1
                self.start()
            return
        if self.restart_at is None:
            ran = now - self.started
            self.failures = 0 if ran >= STABLE_AFTER else self.failures + 1
            delay = 0.0 if self.failures == 0 else min(2 ** (self.failures - 1), 30)
            log.warning(
                "%s (pid %s) exited with %s; starting it again in %.0f s",
                self.name,
                self.proc.pid,
                self.proc.returncode,
                delay,
            )
            self.restart_at = now + delay
            self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def wait(self, deadline: float) -> None:
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log.warning("%s did not stop in time; killing it", self.name)
            self.proc.kill()
            self.proc.wait()


def supervise(children: list[Child], beat=None, tick: float = 0.5) -> None:
    """Run the children until SIGINT or SIGTERM, then stop them all (see the module docstring)."""
    stopping: list[int] = []

    def on_signal(signum, frame):
        stopping.append(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for child in children:
            child.start()
        next_beat = time.monotonic()
        while not stopping:
            now = time.monotonic()
            for child in children:
                child.check(now)
            if beat is not None and now >= next_beat:
                next_beat = now + HEARTBEAT_EVERY
                try:
                    beat()
                except Exception:  # the database may be away for a while; try again later
                    log.warning("could not enqueue the worker heartbeat", exc_info=True)
            time.sleep(tick)
    finally:
        for child in children:
            child.stop()
        deadline = time.monotonic() + GRACE
        for child in children:
            child.wait(deadline)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
