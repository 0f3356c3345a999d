"""A ring whose caller number cannot be read (longer than 30 characters, not a phone number) is
still a ring: 200 (a 4xx makes the provider retry, and the desk would never see the call), the
call recorded without a number and marked unreadable, never a number cut short that could be
somebody else's; the desk's pages say the number could not be read."""

import json

import pytest
from django.test import Client

from naober.desk.api import _call_out
from naober.desk.models import Call
from naober.desk.services import caller_number
from naober.desk.telephony import HEADER, sign

URL = "/api/v1/c/wijk/desk/incoming-call"


def ring(body: dict):
    raw = json.dumps(body).encode()
    return Client().post(
        URL, raw, content_type="application/json", headers={HEADER: sign(raw, "test-geheim")}
    )


def test_a_number_over_30_characters_is_accepted_as_unreadable_and_shown_so(
    community, members, person_factory, page_as, secret
):
    # the first 30 characters would be this resident's number: it must not name her
    person_factory(community, name="Truus Jansen", phone="0612345678", login=False)
    long_number = "0612345678" + "9" * 25
    response = ring({"call_id": "long-1", "from": long_number})
    assert response.status_code == 200, response.content
    assert response.json()["person"] is None
    assert response.json()["number_readable"] is False
    call = Call.objects.get()
    assert call.number == "" and call.number_unreadable
    assert ring({"call_id": "long-1", "from": long_number}).json() == response.json()  # retry
    notice = page_as(members["coordinator"]).get("/c/wijk/desk/ringing/").content.decode()
    assert "het nummer niet lezen" in notice
    assert _call_out(call)["number_readable"] is False  # the call log in the API says so too


def test_a_sip_address_gives_its_number_and_finds_the_caller(community, person_factory, secret):
    caller = person_factory(community, name="Truus Jansen", phone="0612345678", login=False)
    response = ring({"call_id": "sip-1", "from": "sip:+31612345678@voip.aanbieder.example.nl"})
    assert response.status_code == 200
    assert response.json() == {
        "call": Call.objects.get().pk,
        "person": caller.pk,
        "number_readable": True,
    }
    assert Call.objects.get().number == "+31612345678"


def test_a_withheld_number_is_an_unknown_caller_not_an_english_word(
    community, members, page_as, secret
):
    for call_id, reported in (("w-1", "anonymous"), ("w-2", None), ("w-3", "")):
        response = ring({"call_id": call_id, "from": reported})
        assert response.status_code == 200, response.content
        assert response.json()["number_readable"] is True
    assert set(Call.objects.values_list("number", flat=True)) == {""}
    notice = page_as(members["coordinator"]).get("/c/wijk/desk/ringing/").content.decode()
    assert "anonymous" not in notice
    assert "Een onbekend nummer belt" in notice or "een onbekend nummer belt" in notice


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ("+31 6 1234 5678", ("+31 6 1234 5678", False)),
        ("tel:0528-123456", ("0528-123456", False)),
        ("sip:0612345678@10.0.0.1;user=phone", ("0612345678", False)),
        ("0612345678" + "9" * 25, ("", True)),
        ("06 12 34 56 78 ext. 12", ("", True)),
        ("anonymous", ("", False)),
        (None, ("", False)),
    ],
)
def test_caller_number(reported, expected):
    assert caller_number(reported) == expected
