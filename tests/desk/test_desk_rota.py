"""The rota: who is on duty when, edited by coordinators; on_duty() for other apps."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naober.communities.context import resolve_actor
from naober.desk import selectors, services
from naober.desk.models import DutyShift

TZ = timezone.get_default_timezone()


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def shift(community, person, day, starts, ends):
    return DutyShift.objects.create(
        community=community,
        person=person,
        day=day,
        starts=datetime.time(starts),
        ends=datetime.time(ends),
    )


def test_on_duty_covers_the_shift_in_local_time_and_nothing_else(community, members):
    coordinator = members["coordinator"]
    day = datetime.date(2026, 11, 30)
    shift(community, coordinator, day, 10, 12)
    assert selectors.on_duty(community, at(day, 10)) == [coordinator]
    assert selectors.on_duty(community, at(day, 11, 59)) == [coordinator]
    assert selectors.on_duty(community, at(day, 12)) == []
    assert selectors.on_duty(community, at(day, 9, 59)) == []
    assert selectors.on_duty(community, at(day + datetime.timedelta(days=1), 11)) == []
    # 10:30 in Amsterdam is 09:30 UTC in winter: the same moment, the same answer.
    utc = datetime.datetime(2026, 11, 30, 9, 30, tzinfo=datetime.UTC)
    assert selectors.on_duty(community, utc) == [coordinator]


def test_on_duty_is_per_community(community, other_community, members, person_factory):
    day = datetime.date(2026, 11, 30)
    shift(community, members["coordinator"], day, 10, 12)
    assert selectors.on_duty(other_community, at(day, 11)) == []


def test_coordinator_adds_a_shift_on_the_rota_page(community, members, page_as):
    client = page_as(members["coordinator"])
    response = client.post(
        "/c/wijk/desk/rota/",
        {
            "person": members["admin"].pk,
            "day": "2026-11-30",
            "starts": "10:00",
            "ends": "12:00",
            "note": "daarna buurthuis",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?week=2026-11-30")
    page = client.get(response["Location"])
    assert members["admin"].name in page.content.decode()
    assert "daarna buurthuis" in page.content.decode()
    assert selectors.on_duty(community, at(datetime.date(2026, 11, 30), 11)) == [members["admin"]]


@pytest.mark.parametrize(
    "changes",
    [
        {"ends": "09:00"},  # before the start
        {"day": "2026-02-30"},  # no such day
        {"starts": ""},
        {"person": "resident"},  # filled in below: not a coordinator
    ],
)
def test_a_bad_shift_is_refused_with_a_message_and_nothing_stored(
    community, members, page_as, changes
):
    data = {"person": members["coordinator"].pk, "day": "2026-11-30", "starts": "10:00"}
    data["ends"] = "12:00"
    data.update(changes)
    if data["person"] == "resident":
        data["person"] = members["resident"].pk
    response = page_as(members["coordinator"]).post("/c/wijk/desk/rota/", data)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not DutyShift.objects.exists()


def test_a_coordinator_of_another_community_cannot_be_put_on_the_rota(
    community, other_community, members, person_factory
):
    stranger = person_factory(other_community, "coordinator")
    actor = resolve_actor(members["coordinator"].user, "wijk")
    with pytest.raises(ValidationError):
        services.add_shift(
            actor,
            person_id=stranger.pk,
            day=datetime.date(2026, 11, 30),
            starts=datetime.time(10),
            ends=datetime.time(12),
        )
    assert not DutyShift.objects.exists()


def test_coordinator_removes_a_shift(community, members, page_as):
    made = shift(community, members["coordinator"], datetime.date(2026, 11, 30), 10, 12)
    response = page_as(members["coordinator"]).post(f"/c/wijk/desk/rota/{made.pk}/remove/")
    assert response.status_code == 302
    assert not DutyShift.objects.exists()


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_only_staff_see_and_edit_the_rota(community, members, page_as, role):
    made = shift(community, members["coordinator"], datetime.date(2026, 11, 30), 10, 12)
    client = page_as(members[role])
    assert client.get("/c/wijk/desk/rota/").status_code == 403
    assert client.get("/c/wijk/desk/").status_code == 403
    data = {"person": members["coordinator"].pk, "day": "2026-12-01"}
    assert (
        client.post("/c/wijk/desk/rota/", {**data, "starts": "10:00", "ends": "12:00"}).status_code
        == 403
    )
    assert client.post(f"/c/wijk/desk/rota/{made.pk}/remove/").status_code == 403
    assert DutyShift.objects.count() == 1


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_staff_open_the_rota_and_the_desk(community, members, page_as, role):
    client = page_as(members[role])
    assert client.get("/c/wijk/desk/rota/").status_code == 200
    assert client.get("/c/wijk/desk/").status_code == 200


def test_the_desk_asks_who_is_on_duty_in_plain_dutch(community, members, page_as):
    page = page_as(members["coordinator"]).get("/c/wijk/desk/", HTTP_ACCEPT_LANGUAGE="nl")
    html = page.content.decode()
    assert "Wie heeft nu dienst?" in html and "Nu dienst<" not in html


def test_a_non_member_gets_404_and_another_communitys_shift_is_not_found(
    community, other_community, members, person_factory, page_as
):
    outsider = person_factory(other_community, "coordinator")
    assert page_as(outsider).get("/c/wijk/desk/rota/").status_code == 404
    made = shift(community, members["coordinator"], datetime.date(2026, 11, 30), 10, 12)
    response = page_as(outsider).post(f"/c/{other_community.slug}/desk/rota/{made.pk}/remove/")
    assert response.status_code == 404
    assert DutyShift.objects.count() == 1
