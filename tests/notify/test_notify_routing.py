"""notify(): one logged message on the person's preferred channel, delivered in the background."""

import pytest
from django.core import mail

from naober.notify.models import Message, MessageStatus, SmsOutbox
from naober.notify.services import notify


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Run notify() and the deliveries it schedules for after the commit."""

    def run(person, event="custom", context=None):
        with django_capture_on_commit_callbacks(execute=True):
            message = notify(person, event, context or {"subject": "Hallo", "body": "Tekst"})
        message.refresh_from_db()
        return message

    return run


def test_email_goes_through_django_mail(community, person_factory, deliver):
    person = person_factory(community, preferred_channel="email")
    message = deliver(person)
    assert message.channel == "email"
    assert message.status == MessageStatus.SENT and message.sent_at and message.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]
    assert mail.outbox[0].subject == "Hallo"
    assert not SmsOutbox.objects.exists()


def test_sms_goes_to_the_local_gateway(community, person_factory, deliver):
    person = person_factory(community, preferred_channel="sms")
    message = deliver(person, "custom", {"subject": "x", "body": "Morgen om tien uur"})
    assert message.channel == "sms" and message.status == MessageStatus.SENT
    sms = SmsOutbox.objects.get()
    assert sms.to == person.phone and sms.text == "Morgen om tien uur" and sms.sender == "Naober"
    assert not mail.outbox


def test_letter_waits_for_printing(community, person_factory, deliver):
    person = person_factory(community, preferred_channel="letter")
    message = deliver(person)
    assert message.channel == "letter" and message.status == MessageStatus.QUEUED
    assert not mail.outbox and not SmsOutbox.objects.exists()


@pytest.mark.parametrize("channel", ["phone", "via_coordinator"])
def test_phone_and_via_coordinator_go_on_the_call_list(community, person_factory, deliver, channel):
    person = person_factory(community, preferred_channel=channel)
    message = deliver(person)
    assert message.channel == channel
    assert message.status == MessageStatus.HANDED_TO_COORDINATOR
    assert not mail.outbox and not SmsOutbox.objects.exists()


def test_reachable_only_via_coordinator_overrides_email(community, person_factory, deliver):
    person = person_factory(community, preferred_channel="email", reachable_via_coordinator=True)
    message = deliver(person)
    assert message.channel == "via_coordinator" and not mail.outbox


def test_unknown_event_is_a_programming_error(community, person_factory):
    person = person_factory(community)
    with pytest.raises(ValueError):
        notify(person, "no_such_event", {})
    assert not Message.objects.exists()


def test_nothing_is_sent_when_the_transaction_rolls_back(
    community, person_factory, django_capture_on_commit_callbacks
):
    person = person_factory(community, preferred_channel="email")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(person, "custom", {"subject": "a", "body": "b"})
    assert len(callbacks) == 1 and not mail.outbox


def test_erased_person_gets_nothing(community, person_factory):
    from django.utils import timezone

    person = person_factory(community, preferred_channel="email", erased_at=timezone.now())
    assert notify(person, "custom", {"subject": "a", "body": "b"}) is None
    assert not Message.objects.exists()


def test_related_object_is_logged_as_plain_text(community, person_factory):
    person = person_factory(community, preferred_channel="letter")
    other = person_factory(community)
    message = notify(person, "match_proposed", {"match": other})
    assert message.related == f"match:{other.pk}"
    assert message.community == community and message.person == person
