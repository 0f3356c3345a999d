"""The HTTP SMS gateway against a local server, and retries with backoff (never a real host)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.utils import timezone

from naober.notify import delivery, tasks
from naober.notify.errors import DeliveryError
from naober.notify.models import MessageStatus, SmsOutbox
from naober.notify.services import notify
from naober.notify.sms import HttpSmsGateway


class FakeGateway(BaseHTTPRequestHandler):
    """Answers with the server's next status; records what it received."""

    def do_POST(self):  # noqa: N802 (the name http.server asks for)
        length = int(self.headers.get("Content-Length", 0))
        self.server.received.append(
            {"body": json.loads(self.rfile.read(length)), "auth": self.headers.get("Authorization")}
        )
        if self.server.delays:
            time.sleep(self.server.delays.pop(0))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGateway)
    server.received, server.statuses, server.delays = [], [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def http_sms(settings, gateway_server):
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{gateway_server.server_port}/send"
    settings.SMS_GATEWAY_TOKEN = "test-token"
    settings.SMS_SENDER = "Buurthulp"
    settings.SMS_GATEWAY_TIMEOUT = 0.5
    return gateway_server


@pytest.fixture
def sms_person(community, person_factory):
    return person_factory(community, preferred_channel="sms", phone="06 12345678")


def send(person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = notify(person, "custom", {"subject": "x", "body": "Tot morgen!"})
    message.refresh_from_db()
    return message


def test_http_gateway_posts_json_with_the_token(
    http_sms, sms_person, django_capture_on_commit_callbacks
):
    message = send(sms_person, django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.SENT and message.attempts == 1
    assert http_sms.received == [
        {
            "body": {"to": "06 12345678", "from": "Buurthulp", "text": "Tot morgen!"},
            "auth": "Bearer test-token",
        }
    ]
    assert not SmsOutbox.objects.exists()


def test_server_error_is_retried_until_it_works(
    http_sms, sms_person, django_capture_on_commit_callbacks
):
    http_sms.statuses = [500, 503]
    message = send(sms_person, django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.SENT and message.attempts == 3
    assert len(http_sms.received) == 3 and message.last_error == ""


def test_timeout_is_retried(http_sms, sms_person, django_capture_on_commit_callbacks):
    http_sms.delays = [1.0]
    message = send(sms_person, django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.SENT and message.attempts == 2


def test_after_four_attempts_the_message_failed(
    http_sms, sms_person, django_capture_on_commit_callbacks
):
    http_sms.statuses = [500] * 10
    message = send(sms_person, django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.FAILED and message.attempts == delivery.MAX_ATTEMPTS
    assert len(http_sms.received) == 4 and "500" in message.last_error


def test_unreachable_gateway_is_retryable(settings):
    gateway = HttpSmsGateway("http://127.0.0.1:9/none", "t", "N", timeout=0.5)
    with pytest.raises(DeliveryError) as error:
        gateway.send("06 1", "x", "key-1")
    assert error.value.retryable


def test_retry_is_re_enqueued_with_backoff(
    settings, http_sms, sms_person, django_capture_on_commit_callbacks
):
    """With a backend that can defer, each retry waits longer: 1, 5, then 30 minutes."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    http_sms.statuses = [500] * 10
    with django_capture_on_commit_callbacks(execute=True):
        message = notify(sms_person, "custom", {"subject": "x", "body": "y"})
    backend = task_backends["default"]
    assert len(backend.results) == 1 and backend.results[0].task.run_after is None
    for attempt, wait in enumerate(delivery.BACKOFF, start=1):
        before = timezone.now()
        assert tasks.deliver_message.call(message.pk) == MessageStatus.QUEUED
        retry = backend.results[-1].task
        assert len(backend.results) == attempt + 1
        assert before + wait <= retry.run_after <= timezone.now() + wait
        message.refresh_from_db()
        assert message.attempts == attempt and message.status == MessageStatus.QUEUED
    assert tasks.deliver_message.call(message.pk) == MessageStatus.FAILED
    assert len(backend.results) == 1 + len(delivery.BACKOFF)


def test_missing_address_fails_at_once(
    community, person_factory, django_capture_on_commit_callbacks
):
    person = person_factory(community, preferred_channel="email", email="")
    message = send(person, django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.FAILED and message.attempts == 1
    assert not mail.outbox


def test_a_sent_message_is_never_sent_twice(
    community, person_factory, django_capture_on_commit_callbacks
):
    person = person_factory(community, preferred_channel="email")
    message = send(person, django_capture_on_commit_callbacks)
    assert tasks.deliver_message.call(message.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_sms_outbox_command_lists_the_local_gateway(sms_person, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    send(sms_person, django_capture_on_commit_callbacks)
    out = StringIO()
    call_command("sms_outbox", "--clear", stdout=out)
    assert "06 12345678" in out.getvalue() and "Tot morgen!" in out.getvalue()
    assert not SmsOutbox.objects.exists()
