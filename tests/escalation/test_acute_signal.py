"""An acute signal alerts the core group and the coordinator on duty at once (issue 15.2)."""

from datetime import time

import pytest
from django.utils import timezone

from naober.communities.context import Actor
from naober.desk.models import DutyShift
from naober.notify.models import Message
from naober.outreach.models import Urgency
from naober.outreach.triage import raise_signal
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(community):
    return {
        "core": make_person(community, "core_group", preferred_channel="email"),
        "duty": make_person(community, "coordinator", preferred_channel="email"),
        "off": make_person(community, "coordinator", preferred_channel="email"),
        "visitor": make_person(community, "volunteer", preferred_channel="email"),
    }


def raise_as(community, person, urgency):
    actor = Actor(community=community, person=person, roles=frozenset({"volunteer"}))
    return raise_signal(
        actor,
        description="Mevrouw Jansen op nummer 12 is gevallen en ligt al dagen binnen.",
        urgency=urgency,
    )


def test_acute_alerts_core_group_and_the_one_on_duty_without_the_contents(community, people):
    now = timezone.localtime()
    DutyShift.objects.create(
        community=community,
        person=people["duty"],
        day=now.date(),
        starts=time(0),
        ends=time(23, 59),
    )
    raise_as(community, people["visitor"], Urgency.ACUTE)
    alerted = set(Message.objects.filter(event="acute_signal").values_list("person", flat=True))
    assert alerted == {people["core"].pk, people["duty"].pk}
    for message in Message.objects.filter(event="acute_signal"):
        assert "Jansen" not in message.body and "vandaag" in message.body


def test_an_ordinary_signal_alerts_nobody(community, people):
    raise_as(community, people["visitor"], Urgency.HIGH)
    assert not Message.objects.filter(event="acute_signal").exists()
