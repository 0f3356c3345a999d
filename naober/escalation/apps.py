from django.apps import AppConfig
from django.conf import settings


class EscalationConfig(AppConfig):
    name = "naober.escalation"

    def ready(self):
        # The task worker (`manage.py run_worker`, also under `manage.py serve`) runs the sweep
        # when it starts and every ESCALATION_SWEEP_SECONDS: no cron needed. The sweep is
        # idempotent, so several workers, a restart or an extra `manage.py escalate` send nothing
        # twice.
        from naober.escalation.sweep import sweep
        from naober.notify import worker

        worker.every(settings.ESCALATION_SWEEP_SECONDS, "escalation", sweep)
