"""The worker's heartbeat: a task the supervisor enqueues now and then and the worker runs.

When the worker has run it recently, it is alive and taking tasks from the queue; `/readyz` and
the metrics read the time it last ran.
"""

from django.utils import timezone
from django_tasks import task

from naober.ops.models import Heartbeat

WORKER = "worker"


@task()
def heartbeat() -> None:
    Heartbeat.objects.update_or_create(name=WORKER, defaults={"at": timezone.now()})
