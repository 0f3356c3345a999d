"""Escalation before the promise breaks (issue 15.2), with the clock passed in by the test."""

from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from naober.desk.models import DutyShift
from naober.escalation.sweep import sweep
from naober.exchange.models import Category, HelpRequest, RequestStatus
from naober.notify.models import Message
from tests.factories import make_person

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 3, 2, 9, 0))  # a Monday morning, promise 48 hours


@pytest.fixture
def people(community):
    community.response_deadline_hours = 48
    community.save()
    return {
        "duty": make_person(community, "coordinator", preferred_channel="email"),
        "other": make_person(community, "coordinator", preferred_channel="email"),
        "requester": make_person(community, preferred_channel="sms"),
    }


@pytest.fixture
def help_request(community, people):
    request = HelpRequest.objects.create(
        community=community,
        requester=people["requester"],
        category=Category.objects.filter(community=community).first(),
        title="Boodschappen doen",
    )
    HelpRequest.objects.filter(pk=request.pk).update(created_at=START)
    return request


def sent(event, person=None):
    qs = Message.objects.filter(event=event)
    return qs.filter(person=person) if person else qs


def test_nothing_before_half_the_promise(help_request):
    assert sweep(START + timedelta(hours=23, minutes=59)) == 0
    assert not Message.objects.exists()


def test_half_goes_to_the_coordinator_on_duty_and_the_requester_hears_we_are_on_it(
    community, people, help_request
):
    at = START + timedelta(hours=24)
    DutyShift.objects.create(
        community=community, person=people["duty"], day=at.date(), starts=time(8), ends=time(17)
    )
    assert sweep(at) == 2
    assert sent("request_waiting").get().person == people["duty"]
    news = sent("request_in_progress").get()
    assert news.person == people["requester"] and news.channel == "sms"
    assert "bezig" in news.body
    # three quarters: every coordinator, the requester is not told again
    assert sweep(START + timedelta(hours=36)) == 2
    assert set(sent("request_waiting").values_list("person", flat=True)) == {
        people["duty"].pk,
        people["other"].pk,
    }
    assert sent("request_in_progress").count() == 1


def test_without_a_rota_all_coordinators_are_raised(people, help_request):
    assert sweep(START + timedelta(hours=25)) == 3
    assert sent("request_waiting").count() == 2


def test_each_reminder_once_even_when_the_sweep_runs_again_or_late(people, help_request):
    # a worker that was down for a day sends both stages now, each once
    at = START + timedelta(hours=40)
    first = sweep(at)
    assert first == 5  # half: two coordinators + requester; three quarters: two coordinators
    assert sweep(at) == 0 and sweep(at + timedelta(hours=1)) == 0
    keys = list(Message.objects.values_list("idempotency_key", flat=True))
    assert len(keys) == len(set(keys)) == 5


def test_an_answered_or_closed_request_is_not_raised(help_request):
    HelpRequest.objects.filter(pk=help_request.pk).update(first_response_at=START)
    assert sweep(START + timedelta(hours=30)) == 0
    HelpRequest.objects.filter(pk=help_request.pk).update(
        first_response_at=None, status=RequestStatus.CANCELLED
    )
    assert sweep(START + timedelta(hours=30)) == 0


def test_no_flood_for_requests_whose_promise_broke_long_ago(help_request):
    assert sweep(START + timedelta(hours=97)) == 0


def test_the_message_names_no_requester_address_and_keeps_the_promise_time(people, help_request):
    sweep(START + timedelta(hours=24))
    text = sent("request_waiting").first().body
    assert "Boodschappen doen" in text and people["requester"].address not in text


def test_the_command_runs_the_sweep(help_request):
    call_command("escalate")  # now is long after START: nothing to do, and no error
    assert not Message.objects.exists()
