"""A call-back asked for on the public page runs on the answer promise like a request: raised at
half to the coordinator on duty and at three quarters to all, once each, never once called back."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from naober.desk.models import Callback
from naober.desk.services import ask_callback
from naober.escalation.sweep import sweep
from naober.notify.models import Message
from tests.factories import make_person

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 3, 2, 9, 0))  # promise 48 hours


@pytest.fixture
def coordinators(community):
    community.response_deadline_hours = 48
    community.save()
    return [make_person(community, "coordinator", preferred_channel="email") for _ in range(2)]


@pytest.fixture
def callback(community, coordinators):
    row = ask_callback(community, name="Gerrit Bos", phone="0528 123 456", good_time="middag")
    Callback.objects.filter(pk=row.pk).update(created_at=START)
    return row


def waiting():
    return list(Message.objects.filter(event="callback_waiting").order_by("id"))


def test_raised_at_half_and_three_quarters_once_each(callback, coordinators):
    assert sweep(START + timedelta(hours=23)) == 0
    sweep(START + timedelta(hours=24))
    sweep(START + timedelta(hours=25))  # again: nothing new
    assert len(waiting()) == 2  # nobody on the rota: every coordinator
    sweep(START + timedelta(hours=36))
    sweep(START + timedelta(hours=36))
    assert len(waiting()) == 4
    for message in waiting():
        assert "Gerrit" not in message.body and "0528" not in message.body


def test_a_call_back_made_is_not_raised(callback, coordinators):
    Callback.objects.filter(pk=callback.pk).update(done_at=START + timedelta(hours=1))
    assert sweep(START + timedelta(hours=40)) == 0 and waiting() == []
