"""The task worker runs the escalation sweep itself (issue 15.2: "scheduled in the task
framework"): with only `manage.py run_worker` running, an unanswered request gets its reminders,
each once, also when the worker is stopped and started again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from naober.exchange.models import Category, HelpRequest
from naober.notify import worker as worker_module
from naober.notify.models import Message
from naober.notify.worker import Worker
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting_request(community):
    community.response_deadline_hours = 48
    community.save()
    make_person(community, "coordinator", preferred_channel="email")
    requester = make_person(community, preferred_channel="sms")
    request = HelpRequest.objects.create(
        community=community,
        requester=requester,
        category=Category.objects.filter(community=community).first(),
        title="Boodschappen doen",
    )
    HelpRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(hours=25)
    )
    return request


def run_worker_once(name: str) -> None:
    Worker(worker_id=name, batch=True, interval=0.05).run()


def test_the_worker_sends_the_reminders_without_cron_and_once_after_a_restart(waiting_request):
    run_worker_once("first")
    assert Message.objects.filter(event="request_waiting").count() == 1
    news = Message.objects.get(event="request_in_progress")
    assert "bezig" in news.body
    # the worker is stopped and started again: nothing is sent twice
    run_worker_once("second")
    assert Message.objects.filter(event__in=["request_waiting", "request_in_progress"]).count() == 2
    # three quarters of the promise: all coordinators, once, the requester not again
    HelpRequest.objects.filter(pk=waiting_request.pk).update(
        created_at=timezone.now() - timedelta(hours=37)
    )
    run_worker_once("third")
    run_worker_once("fourth")
    assert Message.objects.filter(event="request_waiting").count() == 2
    assert Message.objects.filter(event="request_in_progress").count() == 1


def test_a_failing_periodic_job_is_logged_and_the_worker_goes_on(monkeypatch, caplog):
    calls = []

    def broken():
        calls.append(1)
        raise ValueError("broken")

    monkeypatch.setitem(worker_module.PERIODIC, "broken", (3600.0, broken))
    worker = Worker(worker_id="w", batch=True)
    worker.step()
    worker.step()  # not again before its hour is up
    assert calls == [1]
    assert "Periodic job broken failed" in caplog.text
