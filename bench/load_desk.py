"""Load benchmark of the real server: the mixed desk workload with locust (run by hand, not in CI).

    .venv/bin/python -m pip install -e ".[bench]"        # locust, once
    .venv/bin/python -m bench.load_desk [--server gunicorn|granian] [--users 16] [--requests 5000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/naober_load .venv/bin/python -m bench.load_desk

It migrates and seeds the demo into a throwaway database (a temporary SQLite file unless
DATABASE_URL is set; a PostgreSQL database is emptied first), starts `manage.py serve` (the web
server and the task worker under the supervisor, as in production, DEBUG off), runs
bench/locust_desk.py headless until --requests requests are done, and prints Markdown: statuses
per endpoint, p50/p95, throughput, and the memory (RSS) of every server process before and after.
"""

import argparse
import contextlib
import csv
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:  # the thread ended meanwhile
                continue
            found.extend(int(c) for c in children)
            todo.extend(int(c) for c in children)
    return found


def rss_mb(pid: int) -> tuple[str, float]:
    cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:80]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return cmd, int(line.split()[1]) / 1024
    return cmd, 0.0


def memory(pid: int) -> dict[int, tuple[str, float]]:
    result = {}
    for child in descendants(pid):
        with contextlib.suppress(OSError):  # it ended meanwhile
            result[child] = rss_mb(child)
    return result


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def prepare(env: dict) -> None:
    manage = [sys.executable, "manage.py"]
    if env["DATABASE_URL"].startswith("postgres"):
        subprocess.run([*manage, "flush", "--noinput"], cwd=ROOT, env=env, check=False)
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*manage, "seed_demo"], cwd=ROOT, env={**env, "DEBUG": "1"}, check=True, capture_output=True
    )


def wait_until_up(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not come up")


def report(stats_csv: Path, statuses: dict, before: dict, after: dict, args, env) -> None:
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    load = os.getloadavg()[0]
    print(
        f"\n{args.server}, {database}, {args.users} users, {args.requests} requests; "
        f"{os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}, "
        f"load average at the end {load:.1f}\n"
    )
    print("| endpoint | requests | statuses | p50 ms | p95 ms | req/s |")
    print("|---|---:|---|---:|---:|---:|")
    with stats_csv.open() as handle:
        for row in csv.DictReader(handle):
            name = row["Name"]
            counts = statuses.get(name, {})
            shown = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "-"
            label = "**all**" if name == "Aggregated" else name
            if name == "Aggregated":
                total = {}
                for per in statuses.values():
                    for k, v in per.items():
                        total[k] = total.get(k, 0) + v
                shown = ", ".join(f"{k}: {v}" for k, v in sorted(total.items()))
            print(
                f"| {label} | {row['Request Count']} | {shown} | {row['50%']} | "
                f"{row['95%']} | {float(row['Requests/s']):.1f} |"
            )
    print("\n| process | RSS before MB | RSS after MB |")
    print("|---|---:|---:|")
    for pid, (cmd, mb) in sorted(before.items()):
        later = after.get(pid, (cmd, float("nan")))[1]
        print(f"| {pid} {cmd} | {mb:.0f} | {later:.0f} |")
    for pid, (cmd, mb) in sorted(after.items()):
        if pid not in before:
            print(f"| {pid} {cmd} (new) | - | {mb:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", choices=["gunicorn", "granian"], default="gunicorn")
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--requests", type=int, default=5000)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    workdir = Path(tempfile.mkdtemp(prefix="naober-desk-"))
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="naober.settings",
        NAOBER_VAR_DIR=str(workdir),
        DEBUG="0",
        RATE_LIMITS_ENABLED="0",
        REQUIRE_2FA_FOR_STAFF="0",
        SECURE_COOKIES="0",
        LOG_LEVEL="ERROR",
        ACCESS_LOG="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'naober.sqlite3'}")
    prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--server", args.server, "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=(workdir / "serve.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(port)
        before = memory(server.pid)
        status_file = workdir / "statuses.json"
        subprocess.run(
            [
                *(sys.executable, "-m", "locust", "-f", "bench/locust_desk.py", "--headless"),
                *("-u", str(args.users), "-r", str(args.users), "-t", "15m"),
                *("--host", f"http://127.0.0.1:{port}", "--csv", str(workdir / "desk")),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={
                **env,
                "LOCUST_MAX_REQUESTS": str(args.requests),
                "LOCUST_STATUS_FILE": str(status_file),
            },
            check=False,
            stdout=subprocess.DEVNULL,
        )
        after = memory(server.pid)
        statuses = json.loads(status_file.read_text())
        report(workdir / "desk_stats.csv", statuses, before, after, args, env)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
