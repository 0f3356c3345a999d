"""Prometheus metrics: requests per status, latency histograms, and the worker's queue.

Counters live in each server process; under gunicorn they are shared through files in
PROMETHEUS_MULTIPROC_DIR (set by `manage.py serve`, emptied at its start), so a scrape sees the sum
over all processes. The queue figures are read from the database at scrape time.
"""

import os

from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from naober.ops.models import Heartbeat
from naober.ops.tasks import WORKER

REQUESTS = Counter(
    "naober_http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
LATENCY = Histogram(
    "naober_http_request_duration_seconds",
    "Time to answer a request",
    ["method", "route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


def observe(request, status: int, seconds: float) -> None:
    match = getattr(request, "resolver_match", None)
    route = match.route if match is not None and match.route else "unmatched"
    REQUESTS.labels(request.method, route, str(status)).inc()
    LATENCY.labels(request.method, route).observe(seconds)


class QueueCollector:
    """The task queue as the worker sees it: waiting tasks, the oldest one's age, the heartbeat."""

    def collect(self):
        now = timezone.now()
        ready = DBTaskResult.objects.ready()
        waiting = GaugeMetricFamily("naober_worker_queue_length", "Tasks waiting to run")
        waiting.add_metric([], ready.count())
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        age = GaugeMetricFamily(
            "naober_worker_oldest_task_age_seconds", "How long the oldest waiting task has waited"
        )
        age.add_metric([], (now - oldest).total_seconds() if oldest else 0.0)
        running = GaugeMetricFamily("naober_worker_running_tasks", "Tasks running now")
        running.add_metric([], DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count())
        beat = Heartbeat.objects.filter(name=WORKER).values_list("at", flat=True).first()
        since = GaugeMetricFamily(
            "naober_worker_heartbeat_age_seconds", "Seconds since the worker last ran its heartbeat"
        )
        since.add_metric([], (now - beat).total_seconds() if beat else float("inf"))
        return [waiting, age, running, since]


def render() -> tuple[bytes, str]:
    """The metrics text: this process's (or all processes') counters plus the queue."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY

        registry = REGISTRY
    output = generate_latest(registry)
    queue = CollectorRegistry()
    queue.register(QueueCollector())
    return output + generate_latest(queue), CONTENT_TYPE_LATEST
