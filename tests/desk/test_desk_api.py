"""The desk's API: who is on duty, the call log; allowed and denied roles, bad input."""

import datetime

import pytest

from naober.desk.models import Call, DutyShift
from tests.factories import ApiClient


@pytest.fixture
def api_as(db):
    return lambda person: ApiClient().login(person)


def test_on_duty_answers_the_coordinators_on_duty_at_a_moment(community, members, api_as):
    DutyShift.objects.create(
        community=community,
        person=members["coordinator"],
        day=datetime.date(2026, 11, 30),
        starts=datetime.time(10),
        ends=datetime.time(12),
    )
    api = api_as(members["admin"])
    response = api.get("c/wijk/desk/on-duty", at="2026-11-30T11:00:00+01:00")
    assert response.status_code == 200
    assert response.json()["on_duty"] == [
        {"id": members["coordinator"].pk, "name": members["coordinator"].name}
    ]
    assert api.get("c/wijk/desk/on-duty", at="2026-11-30T13:00:00+01:00").json()["on_duty"] == []
    bad = api.get("c/wijk/desk/on-duty", at="maandag")
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_datetime"


def test_coordinator_logs_and_lists_calls(community, members, api_as):
    api = api_as(members["coordinator"])
    made = api.post(
        "c/wijk/desk/calls", {"caller_name": "Mevrouw de Vries", "subject": "Tuinclub?"}
    )
    assert made.status_code == 201, made.content
    listed = api.get("c/wijk/desk/calls")
    assert listed.json()["count"] == 1
    assert listed.json()["items"][0]["subject"] == "Tuinclub?"


@pytest.mark.parametrize(
    "body",
    [
        {"subject": ""},
        {"subject": "x"},
        {"subject": "x", "person": 999999},
        {"subject": "x" * 501, "caller_name": "A"},
        {"caller_name": "A"},
    ],
)
def test_a_bad_call_is_422_and_nothing_stored(community, members, api_as, body):
    response = api_as(members["coordinator"]).post("c/wijk/desk/calls", body)
    assert response.status_code == 422
    assert set(response.json()) >= {"detail", "code"}
    assert not Call.objects.exists()


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_only_staff_use_the_desk_api(community, members, api_as, role):
    api = api_as(members[role])
    assert api.get("c/wijk/desk/on-duty").status_code == 403
    assert api.get("c/wijk/desk/calls").status_code == 403
    assert api.post("c/wijk/desk/calls", {"caller_name": "A", "subject": "B"}).status_code == 403
    assert not Call.objects.exists()


def test_a_non_member_gets_404(community, other_community, person_factory, api_as):
    api = api_as(person_factory(other_community, "coordinator"))
    assert api.get("c/wijk/desk/calls").status_code == 404
    assert api.get("c/wijk/desk/on-duty").status_code == 404
