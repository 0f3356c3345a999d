"""A call-back promised at the desk: one reminder on its day to whoever promised it, once, also
when the sweep runs again; none before its day, none once called back."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from naober.communities.context import Actor
from naober.desk import services
from naober.desk.models import Callback
from naober.escalation.sweep import remind_callbacks, sweep
from naober.notify.models import Message
from tests.factories import make_person

pytestmark = pytest.mark.django_db

DAY = date(2030, 3, 4)


def at(hour, day=DAY):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def promise(community, coordinator, caller, day=DAY):
    actor = Actor(community=community, person=coordinator, roles=frozenset({"coordinator"}))
    return services.promise_callback(actor, person=caller, due_on=day, note="over de heg")


def reminders():
    return list(Message.objects.filter(idempotency_key__startswith="callback_due:"))


def test_reminded_once_on_its_day_to_whoever_promised_it(community):
    coordinator = make_person(community, "coordinator", preferred_channel="email")
    make_person(community, "coordinator", preferred_channel="email")  # another coordinator
    caller = make_person(community, name="Aaltje Hoekstra", login=False)
    callback = promise(community, coordinator, caller)
    assert remind_callbacks(at(12, DAY - timedelta(days=1))) == 0
    assert remind_callbacks(at(7)) == 0  # its day, but before nine
    assert remind_callbacks(at(9)) == 1
    assert remind_callbacks(at(10)) == 0 and sweep(at(11)) == 0
    [message] = reminders()
    assert message.person == coordinator
    assert "Aaltje" not in message.body and caller.phone not in message.body
    callback.refresh_from_db()
    assert callback.reminded_at is not None


def test_called_back_before_its_day_gets_no_reminder(community):
    coordinator = make_person(community, "coordinator")
    callback = promise(community, coordinator, make_person(community, login=False))
    actor = Actor(community=community, person=coordinator, roles=frozenset({"coordinator"}))
    services.callback_done(actor, callback.pk)
    assert remind_callbacks(at(12)) == 0 and not reminders()


def test_a_coordinator_who_left_hands_the_reminder_to_the_coordinators(community):
    gone = make_person(community, "coordinator")
    callback = promise(community, gone, make_person(community, login=False))
    gone.memberships.all().delete()
    others = [make_person(community, "coordinator", preferred_channel="email") for _ in range(2)]
    assert remind_callbacks(at(9)) == 2
    assert {m.person_id for m in reminders()} == {p.pk for p in others}
    assert Callback.objects.get(pk=callback.pk).reminded_at is not None
