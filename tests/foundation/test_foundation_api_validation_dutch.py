"""A validation error's `msg` is what a client shows a person: in Dutch, not pydantic's English
("Field required", "Input should be a valid integer"), found walking issue 15's call-out API.
`type` stays the machine's word."""

import pytest

from naober.api.errors import _clean_errors
from tests.exchange.helpers import make_request
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_the_call_out_api_explains_a_bad_field_in_dutch(community, api):
    help_request = make_request(community)
    api.login(make_person(community, "coordinator"))
    url = f"c/{community.slug}/requests/{help_request.pk}/callout"
    answer = api.post(url, {"helpers": ["a"]})
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert error == {
        "loc": ["body", "payload", "helpers", "0"],
        "msg": "Geef een heel getal.",
        "type": "int_parsing",
    }
    assert "Input should" not in answer.content.decode()


def test_the_callback_door_says_what_is_missing_or_too_long_in_dutch(community, api):
    missing = api.post(f"c/{community.slug}/callback", {"name": "Truus"}).json()["errors"][0]
    assert missing["msg"] == "Dit veld is verplicht." and missing["type"] == "missing"
    long = api.post(f"c/{community.slug}/callback", {"name": "Truus", "phone": "0" * 40})
    assert long.json()["errors"][0]["msg"] == "Geef hoogstens 30 tekens."


def test_choices_and_unknown_types_are_dutch_too():
    errors = _clean_errors(
        [
            {"type": "literal_error", "loc": ("x",), "ctx": {"expected": "'ja' or 'nee'"}},
            {"type": "something_new", "loc": ("y",), "msg": "Value error, whatever"},
        ]
    )
    assert errors[0]["msg"] == "Kies een van: 'ja', 'nee'."
    assert errors[1]["msg"] == "Deze waarde klopt niet."


def test_a_wrong_method_is_the_api_error_format_in_dutch_not_plain_english(client):
    """django-ninja answered a GET on the SMS webhook with text/html "Method not allowed"."""
    answer = client.get("/api/v1/sms/inbound")
    assert answer.status_code == 405
    assert answer["Content-Type"].startswith("application/json")
    assert answer["Allow"] == "POST"
    assert answer.json() == {
        "detail": "Deze methode kan hier niet. Wel: POST.",
        "code": "method_not_allowed",
    }
