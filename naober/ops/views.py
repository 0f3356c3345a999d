"""Operator endpoints: is the process alive, is it ready to serve, and its metrics."""

import hmac
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from naober.ops import metrics
from naober.ops.models import Heartbeat
from naober.ops.tasks import WORKER

LOOPBACK = {"127.0.0.1", "::1"}
migrations_done = {"ok": False}  # once applied, they stay applied for this process's code


@never_cache
def healthz(request):
    """The process answers: nothing else is checked (a liveness probe)."""
    return JsonResponse({"status": "ok"})


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def check_migrations() -> str:
    if not migrations_done["ok"]:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            return f"{len(plan)} not applied"
        migrations_done["ok"] = True
    return "ok"


def check_worker() -> str:
    beat = Heartbeat.objects.filter(name=WORKER).values_list("at", flat=True).first()
    if beat is None:
        return "no heartbeat yet"
    age = timezone.now() - beat
    if age > timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE):
        return f"last heartbeat {int(age.total_seconds())} s ago"
    return "ok"


@never_cache
def readyz(request):
    """Ready to serve: the database answers, every migration is applied, the worker is alive."""
    checks = {"database": check_database()}
    if checks["database"] == "ok":
        try:
            checks["migrations"] = check_migrations()
            checks["worker"] = check_worker()
        except DatabaseError as exc:
            checks["database"] = f"error: {type(exc).__name__}"
    ready = all(value == "ok" for value in checks.values()) and len(checks) == 3
    return JsonResponse(
        {"status": "ready" if ready else "unready", "checks": checks}, status=200 if ready else 503
    )


def operator_may_read(request) -> bool:
    """With METRICS_TOKEN set, a matching bearer token; without it, only this machine itself
    (a direct connection, not one forwarded by the proxy)."""
    token = settings.METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    return (
        request.META.get("REMOTE_ADDR") in LOOPBACK and "HTTP_X_FORWARDED_FOR" not in request.META
    )


@never_cache
def metrics_view(request):
    """Prometheus text format; anyone else gets the same 404 as for a page that does not exist."""
    if not operator_may_read(request):
        raise Http404
    body, content_type = metrics.render()
    return HttpResponse(body, content_type=content_type)
