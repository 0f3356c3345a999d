"""The supervisor restarts a child that dies and stops all children on SIGTERM."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
from naober.ops.supervisor import Child, supervise
supervise([Child("web", ["sleep", "300"]), Child("worker", ["sleep", "301"])], tick=0.1)
"""


def children_of(pid: int) -> dict[str, int]:
    found = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        for child in (task / "children").read_text().split():
            cmd = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            found[cmd[1].decode() if len(cmd) > 1 else ""] = int(child)
    return found


def wait_for(predicate, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_a_killed_worker_comes_back_and_sigterm_stops_everything():
    supervisor = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SCRIPT], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    try:
        first = wait_for(lambda: (c := children_of(supervisor.pid)) and len(c) == 2 and c)
        os.kill(first["301"], signal.SIGKILL)
        again = wait_for(
            lambda: (c := children_of(supervisor.pid)).get("301") not in (None, first["301"]) and c
        )
        assert again["300"] == first["300"]  # the web server was left alone
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=30) == 0
        for pid in again.values():
            assert not Path(f"/proc/{pid}").exists()
        assert "exited with -9; starting it again" in supervisor.stderr.read()
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
