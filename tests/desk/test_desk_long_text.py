"""Text over its limit at the desk is refused, never cut (issue 14): a call written down, a
call-back promised and one asked for on the public page say so per field (TooLong), the page
shows it in Dutch, the API answers 422, and nothing is stored."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naober.communities.context import resolve_actor
from naober.desk import services
from naober.desk.models import Call, Callback


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


def refused(call, field: str, limit: int) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.message_dict[field] == [f"Gebruik hooguit {limit} tekens (nu {limit + 1})."]


@pytest.mark.parametrize(
    ("fields", "field", "limit"),
    [
        ({"subject": "x" * 501}, "subject", 500),
        ({"subject": "Tuinclub", "caller_name": "x" * 121}, "caller_name", 120),
        ({"subject": "Tuinclub", "caller_name": "Truus", "number": "0" * 31}, "number", 30),
    ],
)
def test_a_call_with_text_over_its_limit_is_refused(community, members, fields, field, limit):
    refused(lambda: services.log_call(actor_of(members["coordinator"]), **fields), field, limit)
    assert not Call.objects.exists()


def test_call_backs_refuse_text_over_the_limit(community, members):
    coordinator = actor_of(members["coordinator"])
    today = timezone.localdate() + datetime.timedelta(days=1)
    refused(
        lambda: services.promise_callback(
            coordinator, person=members["resident"], due_on=today, note="x" * 501
        ),
        "note",
        500,
    )
    refused(
        lambda: services.ask_callback(
            community, name="Gerrit", phone="0528 123456", good_time="x" * 201
        ),
        "good_time",
        200,
    )
    refused(
        lambda: services.ask_callback(community, name="x" * 121, phone="0528 123456"), "name", 120
    )
    assert not Callback.objects.exists()


def test_the_calls_page_says_so_in_dutch_and_stores_nothing(community, members, page_as):
    response = page_as(members["coordinator"]).post(
        "/c/wijk/desk/calls/", {"caller_name": "Truus", "subject": "x" * 501}
    )
    assert response.status_code == 200
    assert "niet meer dan 500 tekens" in response.content.decode()
    assert not Call.objects.exists()


def test_the_api_answers_422_and_stores_nothing(community, members, api):
    api.login(members["coordinator"])
    assert (
        api.post("c/wijk/desk/calls", {"subject": "Tuinclub", "caller_name": "x" * 121}).status_code
        == 422
    )
    assert not Call.objects.exists()
