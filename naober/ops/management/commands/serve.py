"""Serve Naober: the production web server and the task worker under one small supervisor."""

import os
import shutil
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from naober.ops.supervisor import Child, supervise
from naober.ops.tasks import heartbeat


def web_server(server: str, host: str, port: int) -> list[str]:
    """The command line of the web server; gunicorn is the default (docs/benchmarks.md: why)."""
    if server == "granian":
        return [
            *(sys.executable, "-m", "granian", "--interface", "wsgi"),
            *("--host", host, "--port", str(port)),
            *("--workers", os.environ.get("WEB_WORKERS", str(os.cpu_count() or 2))),
            *("--blocking-threads", os.environ.get("WEB_THREADS", "4")),
            "--respawn-failed-workers",
            "naober.wsgi:application",
        ]
    return [
        *(sys.executable, "-m", "gunicorn", "--config", "python:naober.ops.gunicorn_conf"),
        *("--bind", f"{host}:{port}", "naober.wsgi:application"),
    ]


def enqueue_heartbeat() -> None:
    try:
        heartbeat.enqueue()
    finally:
        connection.close()


class Command(BaseCommand):
    help = "Run the web server and the task worker; Ctrl-C or SIGTERM stops both cleanly."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--server", choices=["gunicorn", "granian"], default="gunicorn")
        parser.add_argument("--no-worker", action="store_true", help="only the web server")

    def handle(self, *args, host, port, server, no_worker, **options):
        os.chdir(settings.BASE_DIR)
        # The web processes add up their metrics in files here (naober/ops/metrics.py).
        metrics_dir = settings.VAR_DIR / "prometheus"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
        children = [Child("web", web_server(server, host, port))]
        if not no_worker:
            worker = [sys.executable, "manage.py", "run_worker", "--queue-name", "*"]
            children.append(Child("worker", worker))
        self.stdout.write(f"Naober serves on http://{host}:{port}/ ({server}); Ctrl-C stops it.")
        supervise(children, beat=None if no_worker else enqueue_heartbeat)
