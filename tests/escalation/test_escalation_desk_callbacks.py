"""A call-back promised at the desk: one reminder on its day to whoever promised it, once, also
when the sweep runs again; none before its day, none once called back."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from naober.communities.context import Actor
from naober.desk import services
from naober.desk.models import Callback, DutyShift
from naober.desk.reminders import desk_opens
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


def test_the_reminder_waits_for_the_desk_hours_the_community_gives(community):
    """Opening hours "10:00 tot 12:00": not at nine, at ten."""
    community.opening_hours = "maandag tot en met vrijdag 10:00 tot 12:00 uur"
    community.save(update_fields=["opening_hours"])
    coordinator = make_person(community, "coordinator", preferred_channel="email")
    promise(community, coordinator, make_person(community, login=False))
    assert remind_callbacks(at(9)) == 0
    assert remind_callbacks(at(10)) == 1


def test_the_rota_of_that_day_says_when_the_desk_opens(community):
    """A shift from 13:30 on the call-back's day comes before the opening hours' text."""
    community.opening_hours = "ma-vr 9.00 - 12.00"
    community.save(update_fields=["opening_hours"])
    coordinator = make_person(community, "coordinator", preferred_channel="email")
    DutyShift.objects.create(
        community=community, person=coordinator, day=DAY, starts=time(13, 30), ends=time(17)
    )
    DutyShift.objects.create(
        community=community,
        person=coordinator,
        day=DAY + timedelta(days=1),
        starts=time(8),
        ends=time(9),
    )
    promise(community, coordinator, make_person(community, login=False))
    assert remind_callbacks(at(12)) == 0
    moment = timezone.make_aware(datetime(DAY.year, DAY.month, DAY.day, 13, 30))
    assert remind_callbacks(moment) == 1


@pytest.mark.parametrize(
    ("hours", "opens"),
    [
        ("", time(9)),
        ("op afspraak", time(9)),
        ("maandag, woensdag en vrijdag 9:00 tot 11:00 uur", time(9)),
        ("di en do 8.30-12.00", time(8, 30)),
        ("Monday to Friday 10:00 to 12:00.", time(10)),
    ],
)
def test_desk_opens_reads_the_first_clock_time_or_nine(community, hours, opens):
    community.opening_hours = hours
    assert desk_opens(community, DAY) == opens


def test_a_promised_visit_to_someone_without_a_phone_is_reminded_as_a_visit(community):
    coordinator = make_person(community, "coordinator", preferred_channel="email")
    caller = make_person(community, login=False, phone="", email="")
    promise(community, coordinator, caller)
    assert remind_callbacks(at(9)) == 1
    [message] = reminders()
    assert "zonder telefoon op het bezoek dat de balie heeft beloofd" in message.body
    assert caller.address not in message.body
