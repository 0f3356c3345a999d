"""The outbox: messages are stored with the change that causes them, claimed, sent without a lock,
recorded once; lost tasks and dead workers are swept up; garbage from a gateway ends as a visible
"mislukt" with the reason (issue 11)."""

import socket
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from naober.notify import delivery
from naober.notify.errors import printable
from naober.notify.models import Message, MessageStatus, SmsOutbox
from naober.notify.services import notify
from naober.notify.sms import HttpSmsGateway, LocalSmsGateway


@pytest.fixture
def sms_person(community, person_factory):
    return person_factory(community, preferred_channel="sms", phone="06 12345678")


def custom(person, key="", body="Tot morgen!"):
    return notify(person, "custom", {"subject": "x", "body": body}, key=key)


# --- idempotency keys ----------------------------------------------------------------------------


def test_every_message_has_a_unique_key(sms_person, person_factory, community):
    letter = person_factory(community, preferred_channel="letter")
    first, second = custom(sms_person), custom(letter)
    assert first.idempotency_key and second.idempotency_key
    assert first.idempotency_key != second.idempotency_key
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.filter(pk=second.pk).update(idempotency_key=first.idempotency_key)


def test_the_same_key_gives_the_same_message(sms_person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = custom(sms_person, key="followup_due:1:2")
        again = custom(sms_person, key="followup_due:1:2")
    assert first.pk == again.pk and Message.objects.count() == 1
    assert SmsOutbox.objects.count() == 1


def test_the_local_gateway_takes_a_key_once(db):
    LocalSmsGateway("N").send("06 1", "hallo", "k1")
    LocalSmsGateway("N").send("06 1", "hallo", "k1")
    assert SmsOutbox.objects.filter(key="k1").count() == 1


# --- the outbox: stored with the change, delivered after commit ----------------------------------


def test_a_rolled_back_change_leaves_no_message_and_sends_nothing(
    sms_person, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        custom(sms_person)
        raise RuntimeError("the change fails")
    assert not callbacks and not Message.objects.exists() and not SmsOutbox.objects.exists()


def test_a_lost_commit_hook_is_made_good_by_the_sweep(
    sms_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)  # committed, but its task was never enqueued
    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED
    assert delivery.sweep(timezone.now()) == 0  # not late yet: its task may still come
    later = timezone.now() + delivery.reclaim_after() + timedelta(seconds=1)
    assert delivery.sweep(later) == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and SmsOutbox.objects.count() == 1
    assert delivery.sweep(later + timedelta(hours=1)) == 0


def test_a_queue_that_cannot_be_reached_does_not_fail_the_change(
    sms_person, django_capture_on_commit_callbacks
):
    with (
        mock.patch("naober.notify.services.enqueue_delivery", side_effect=OperationalError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = custom(sms_person)
    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED  # the sweep sends it later


def test_exchange_messages_are_written_inside_the_transaction(community, person_factory):
    """Before: written in an on_commit hook, lost when the database went away after commit."""
    from naober.exchange import services
    from tests.exchange.helpers import actor_of, make_offer, make_request

    help_request = make_request(community)
    offer = make_offer(community)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.respond(actor_of(offer.helper), help_request, offer)
        assert Message.objects.filter(event="helper_responded").count() == 1
        raise RuntimeError("roll back")
    assert not Message.objects.filter(event="helper_responded").exists()


def test_a_followup_reminder_run_twice_reminds_once(community, person_factory):
    from naober.exchange import services, tasks
    from tests.exchange.helpers import actor_of, make_offer, make_request

    person_factory(community, "coordinator", preferred_channel="letter")
    help_request = make_request(community)
    offer = make_offer(community)
    match = services.respond(actor_of(offer.helper), help_request, offer)
    followup = match.followups.create(kind="after_start", due_at=timezone.now())
    assert tasks.followup_reminder.call(followup.pk)
    assert tasks.followup_reminder.call(followup.pk)
    assert Message.objects.filter(event="followup_due").count() == 1


# --- claim, send, record -------------------------------------------------------------------------


def test_a_message_is_claimed_once(sms_person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)
    claimed = delivery.claim(message.pk)
    assert claimed.status == MessageStatus.SENDING and claimed.claimed_at and claimed.attempts == 1
    assert delivery.claim(message.pk) is None
    assert delivery.deliver(message.pk) == "skipped"
    assert not SmsOutbox.objects.exists()


def test_a_success_is_recorded_through_a_database_hiccup(
    sms_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)
    real_update, failures = QuerySet.update, [OperationalError("server closed the connection")]

    def flaky_update(queryset, **changes):
        if changes.get("status") == MessageStatus.SENT and failures:
            raise failures.pop()
        return real_update(queryset, **changes)

    with (
        mock.patch.object(QuerySet, "update", flaky_update),
        mock.patch("naober.notify.delivery.time.sleep"),
    ):
        assert delivery.deliver(message.pk) == MessageStatus.SENT
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.attempts == 1
    assert SmsOutbox.objects.count() == 1


def test_a_message_left_sending_by_a_dead_worker_is_sent_once(
    sms_person, django_capture_on_commit_callbacks
):
    """The worker handed the text over and died before recording it: after the reclaim time it
    is handed over again with the same key, and the gateway keeps one."""
    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)
    claimed = delivery.claim(message.pk)
    delivery.send(claimed)  # reached the gateway; then kill -9
    assert SmsOutbox.objects.count() == 1
    assert delivery.sweep(timezone.now()) == 0  # still within the claim time
    later = timezone.now() + delivery.reclaim_after() + timedelta(seconds=1)
    assert delivery.sweep(later) == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.attempts == 2
    assert SmsOutbox.objects.count() == 1


def test_a_message_that_keeps_killing_its_worker_fails_visibly(
    sms_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)
    Message.objects.filter(pk=message.pk).update(
        status=MessageStatus.SENDING,
        attempts=delivery.MAX_ATTEMPTS,
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    delivery.sweep()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.last_error == "het versturen werd te vaak onderbroken"


# --- no lock while talking to the gateway --------------------------------------------------------


class SlowGateway:
    """Accepts the text after `seconds`, like a gateway that hangs for a while."""

    def __init__(self, seconds):
        self.seconds = seconds

    def send(self, to, text, key):
        time.sleep(self.seconds)


@pytest.mark.django_db(transaction=True)
def test_nobody_waits_for_a_slow_gateway(community, person_factory):
    """While the worker waits for the gateway, other writes to the community, the person and
    the message log go through at once (before: a transaction and row locks were held)."""
    person = person_factory(community, preferred_channel="sms", phone="06 12345678")
    message = custom(person)  # autocommit: the immediate backend sends at once, so queue again
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.QUEUED)
    took = {}

    def write_meanwhile():
        from django.db import connections

        time.sleep(0.3)
        start = time.monotonic()
        with transaction.atomic():
            type(community).objects.filter(pk=community.pk).update(name="Buurthulp Nieuw")
            type(person).objects.filter(pk=person.pk).update(phone="06 87654321")
            Message.objects.filter(pk=message.pk).update(subject="gelezen")
        took["seconds"] = time.monotonic() - start
        connections.close_all()

    writer = threading.Thread(target=write_meanwhile)
    with mock.patch("naober.notify.channels.get_gateway", return_value=SlowGateway(2)):
        writer.start()
        assert delivery.deliver(message.pk) == MessageStatus.SENT
    writer.join(10)
    assert took["seconds"] < 1.0


# --- a gateway that misbehaves -------------------------------------------------------------------


def raw_server(reply: bytes):
    """A TCP server that answers every connection with `reply` (garbage, not HTTP) and closes."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                conn.sendall(reply)

    threading.Thread(target=serve, daemon=True).start()
    return server


@pytest.mark.parametrize(
    "reply",
    [
        b"\x00\x01\xff\xfe garbage \x00",
        b"HTTP/1.1 2\x0000 OK\r\n\r\n",
        b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 9\r\n\r\nkapot\x00\xff\xfe!",
        b"",
    ],
    ids=["binary", "nul-in-status", "500-binary-body", "closed"],
)
def test_garbage_from_the_gateway_is_retried_then_failed_with_a_readable_reason(
    settings, sms_person, django_capture_on_commit_callbacks, reply
):
    server = raw_server(reply)
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{server.getsockname()[1]}/send"
    settings.SMS_GATEWAY_TIMEOUT = 1
    try:
        with django_capture_on_commit_callbacks(execute=True):
            message = custom(sms_person)
    finally:
        server.close()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == delivery.MAX_ATTEMPTS
    assert message.last_error.startswith("de sms-dienst")
    assert message.last_error == printable(message.last_error, 500)  # no NUL, no control bytes


def test_a_hanging_gateway_times_out(settings):
    server = socket.create_server(("127.0.0.1", 0))  # accepts, never answers
    try:
        gateway = HttpSmsGateway(f"http://127.0.0.1:{server.getsockname()[1]}/", "t", "N", 0.3)
        start = time.monotonic()
        with pytest.raises(delivery.DeliveryError) as error:
            gateway.send("06 1", "x", "k")
        assert error.value.retryable and time.monotonic() - start < 3
    finally:
        server.close()


def test_the_key_is_sent_as_a_header(settings, sms_person, django_capture_on_commit_callbacks):
    seen = {}

    class Answer:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def urlopen(request, timeout):
        seen.update(request.headers, timeout=timeout)
        return Answer()

    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = "http://127.0.0.1:9/send"
    with (
        mock.patch("naober.notify.sms.urllib.request.urlopen", urlopen),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = custom(sms_person)
    assert seen["Idempotency-key"] == message.idempotency_key
    assert seen["timeout"] == settings.SMS_GATEWAY_TIMEOUT


def test_a_silent_mail_server_times_out_and_is_retried(
    settings, community, person_factory, django_capture_on_commit_callbacks
):
    server = socket.create_server(("127.0.0.1", 0))  # accepts, never greets
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.getsockname()[1]
    settings.EMAIL_TIMEOUT = 0.3
    person = person_factory(community, preferred_channel="email")
    try:
        start = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            message = custom(person)
        assert time.monotonic() - start < 5 * delivery.MAX_ATTEMPTS * 0.3 + 3
    finally:
        server.close()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED and message.attempts == delivery.MAX_ATTEMPTS
    assert message.last_error.startswith("de mailserver")


def test_an_email_carries_its_key_as_message_id(
    community, person_factory, django_capture_on_commit_callbacks
):
    from django.core import mail

    person = person_factory(community, preferred_channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        message = custom(person)
    assert mail.outbox[0].extra_headers["Message-ID"].startswith(f"<{message.idempotency_key}@")


def test_a_failed_message_shows_mislukt_and_the_reason(
    client, community, person_factory, sms_person, django_capture_on_commit_callbacks
):
    client.force_login(person_factory(community, "coordinator").user)
    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)
    Message.objects.filter(pk=message.pk).update(
        status=MessageStatus.FAILED, last_error="de sms-dienst weigerde het bericht (code 500)"
    )
    page = client.get(f"/c/{community.slug}/messages/").content.decode()
    assert "mislukt" in page and "de sms-dienst weigerde het bericht (code 500)" in page


def test_the_connection_is_not_in_a_transaction_while_sending(
    sms_person, django_capture_on_commit_callbacks
):
    """Inside the test's own transaction the depth is one; delivery adds none around the send."""
    depth = len(connection.savepoint_ids)
    seen = []

    class Spy:
        def send(self, to, text, key):
            seen.append(len(connection.savepoint_ids))

    with django_capture_on_commit_callbacks(execute=False):
        message = custom(sms_person)
    with mock.patch("naober.notify.channels.get_gateway", return_value=Spy()):
        delivery.deliver(message.pk)
    assert seen == [depth]
