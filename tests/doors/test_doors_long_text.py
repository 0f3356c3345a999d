"""Text over its limit at a door is refused, never cut (issue 14): the service says so per field
(TooLong), the page shows it in Dutch, the API answers 422, and nothing is stored or sent."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from naober.desk.models import Callback
from naober.doors import services
from naober.doors.models import Talent, VolunteerSignup
from naober.notify.models import Message
from naober.outreach.models import Signal
from tests.doors.test_doors_pages import GOOD

pytestmark = pytest.mark.django_db

# door -> (service call with one field too long, that field, its limit)
TOO_LONG = {
    "callback": (
        lambda c: services.call_me_back(c, name="Gerrit", phone="0528 123456", when="x" * 201),
        "when",
        200,
    ),
    "volunteer": (
        lambda c: services.sign_up_to_help(c, {**GOOD["volunteer"], "likes": "x" * 1001}),
        "likes",
        1000,
    ),
    "talent": (
        lambda c: services.tell_talent(c, {**GOOD["talent"], "would_do": "x" * 1001}),
        "would_do",
        1000,
    ),
    "concern": (
        lambda c: services.share_concern(c, **{**GOOD["concern"], "contact": "x" * 201}),
        "contact",
        200,
    ),
}


def stored() -> int:
    return sum(m.objects.count() for m in (Callback, VolunteerSignup, Talent, Signal, Message))


@pytest.mark.parametrize("door", sorted(TOO_LONG))
def test_the_service_refuses_text_over_its_limit(community, person_factory, door):
    person_factory(community, "coordinator")
    call, field, limit = TOO_LONG[door]
    with pytest.raises(ValidationError) as refused:
        call(community)
    assert refused.value.message_dict[field] == [
        f"Gebruik hooguit {limit} tekens (nu {limit + 1})."
    ]
    assert stored() == 0


def test_text_at_its_limit_is_kept_whole(community):
    services.sign_up_to_help(community, {**GOOD["volunteer"], "likes": "x" * 1000})
    assert len(VolunteerSignup.objects.get().likes) == 1000


@pytest.mark.parametrize("door", sorted(GOOD))
def test_the_page_says_so_in_dutch_and_stores_nothing(community, staff, knock, door):
    field, limit = {
        "callback": ("name", 120),
        "volunteer": ("likes", 1000),
        "talent": ("good_at", 1000),
        "concern": ("description", 3000),
    }[door]
    response = knock(Client(), door, {**GOOD[door], field: "x" * (limit + 1)})
    assert response.status_code == 200
    assert f"niet meer dan {limit} tekens" in response.content.decode()
    assert stored() == 0


@pytest.mark.parametrize("door", ["callback", "concerns", "volunteers", "talents"])
def test_the_api_answers_422_and_stores_nothing(community, api, door):
    body = {
        "callback": {"name": "x" * 121, "phone": "0528 123456"},
        "concerns": {"description": "x" * 3001},
        "volunteers": {"name": "Ineke", "contact": "06 12345678", "likes": "x" * 1001},
        "talents": {"name": "Henk", "good_at": "x" * 1001, "contact": "06 87654321"},
    }[door]
    assert api.post(f"c/wijk/{door}", body).status_code == 422
    assert stored() == 0
