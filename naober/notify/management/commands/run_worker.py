"""`manage.py run_worker`: the background worker to run in production and in `make run`.

Runs the database task queue like django-tasks-db's `db_worker`, but survives a database restart,
stops gracefully on SIGTERM, reclaims tasks of workers that died and sweeps the message outbox
(see naober/notify/worker.py). Run one or more beside the web server; the supervisor restarts it
if it dies anyway.
"""

import logging

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from naober.notify.worker import Worker


class Command(BaseCommand):
    help = "Run the background task worker (messages, reminders) until SIGTERM."
    # A restarted worker should be back at work at once; the web server runs the system checks.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name", default="default", help="queues to run, comma-separated; * for all"
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between looks at an empty queue"
        )
        parser.add_argument("--batch", action="store_true", help="stop when the queue is empty")
        parser.add_argument("--worker-id", default="", help="unique per worker (default: random)")

    def handle(self, *args, queue_name, interval, batch, worker_id, verbosity, **options):
        logger = logging.getLogger("naober.notify")
        if not logger.handlers and verbosity > 0:
            handler = logging.StreamHandler(self.stdout)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)
        worker = Worker(
            worker_id=(worker_id or get_random_string(32))[:64],
            queue_names=tuple(queue_name.split(",")),
            interval=max(interval, 0.05),
            batch=batch,
        )
        worker.configure_signals()
        worker.run()
