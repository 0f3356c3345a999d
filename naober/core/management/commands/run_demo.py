"""Serve Naober for the demo: the web server plus the background worker that sends messages."""

import atexit
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server on 127.0.0.1 and the task worker beside it (for `make run`)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port: int, **options):
        worker = subprocess.Popen([sys.executable, "manage.py", "run_worker"])  # noqa: S603
        atexit.register(worker.terminate)
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
