"""The telephony provider's signed incoming-call webhook, the ringing notice for the coordinator on
duty, and the local stand-in that plays the provider against a running server."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from naober.desk.models import Call, DutyShift
from naober.desk.telephony import HEADER, LocalTelephone, sign

URL = "/api/v1/c/wijk/desk/incoming-call"


def ring(body: dict | bytes, signature: str | None = None, secret="test-geheim", url=URL):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {HEADER: signature if signature is not None else sign(raw, secret)}
    return Client().post(url, raw, content_type="application/json", headers=headers)


def on_duty_now(community, person):
    now = timezone.localtime()
    start = (now - datetime.timedelta(minutes=30)).time()
    end = (now + datetime.timedelta(minutes=30)).time()
    if end <= start:  # around midnight: a shift of the whole day
        start, end = datetime.time(0), datetime.time(23, 59, 59)
    DutyShift.objects.create(
        community=community, person=person, day=now.date(), starts=start, ends=end
    )


def test_a_signed_ring_is_recorded_once_with_the_caller_found_by_number(
    community, members, person_factory, secret
):
    caller = person_factory(community, name="Truus Jansen", phone="0528-123456", login=False)
    body = {"call_id": "abc-1", "from": "+31528123456", "to": "0528000000"}
    first = ring(body)
    assert first.status_code == 200, first.content
    assert first.json()["person"] == caller.pk
    again = ring(body)  # the provider retries
    assert again.json() == first.json()
    call = Call.objects.get()
    assert call.person == caller
    assert call.source == "telephone"


@pytest.mark.parametrize(
    ("signature", "secret_setting"),
    [("", "test-geheim"), ("sha256=00", "test-geheim"), (None, "")],
)
def test_an_unsigned_or_wrongly_signed_ring_is_refused(
    community, settings, signature, secret_setting
):
    settings.TELEPHONY_WEBHOOK_SECRET = secret_setting
    response = ring({"call_id": "x", "from": "0612345678"}, signature=signature)
    assert response.status_code == 401
    assert response.json()["code"] == "bad_signature"
    assert not Call.objects.exists()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 400),
        ({"from": "0612345678"}, 422),
        ({"call_id": 5, "from": "0612345678"}, 422),
        ({"call_id": "x", "from": ["0612"]}, 422),
        ([1, 2], 422),
    ],
)
def test_a_bad_ring_body_is_a_clear_4xx_and_nothing_is_stored(community, secret, body, status):
    response = ring(body)
    assert response.status_code == status
    assert set(response.json()) >= {"detail", "code"}
    assert not Call.objects.exists()


def test_a_ring_for_an_unknown_community_is_404(community, secret):
    response = ring({"call_id": "x", "from": "0612"}, url="/api/v1/c/nergens/desk/incoming-call")
    assert response.status_code == 404


def test_the_coordinator_on_duty_sees_who_is_calling_and_others_do_not(
    community, members, person_factory, page_as, secret
):
    caller = person_factory(community, name="Truus Jansen", phone="0528-123456", login=False)
    other = person_factory(community, "coordinator")
    on_duty_now(community, members["coordinator"])
    ring({"call_id": "abc-2", "from": "0528 123456"})
    notice = page_as(members["coordinator"]).get("/c/wijk/desk/ringing/").content.decode()
    assert "Truus Jansen belt" in notice
    assert "Truus Jansen" not in page_as(other).get("/c/wijk/desk/ringing/").content.decode()
    # Opening the card takes the call: the notice goes away.
    call = Call.objects.get()
    response = page_as(members["coordinator"]).post(
        f"/c/wijk/desk/ringing/{call.pk}/seen/", {"person": caller.pk}
    )
    assert response["Location"] == f"/c/wijk/desk/caller/{caller.pk}/"
    assert (
        "belt" not in page_as(members["coordinator"]).get("/c/wijk/desk/ringing/").content.decode()
    )
    call.refresh_from_db()
    assert call.taken_by == members["coordinator"]


def test_without_anyone_on_duty_every_coordinator_sees_the_call(
    community, members, person_factory, page_as, secret
):
    ring({"call_id": "abc-3", "from": "0699999999"})
    notice = page_as(members["coordinator"]).get("/c/wijk/desk/ringing/").content.decode()
    assert "0699999999 belt" in notice
    assert page_as(members["resident"]).get("/c/wijk/desk/ringing/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_local_stand_in_rings_a_running_server(live_server, settings, person_factory):
    from tests.factories import make_community

    settings.TELEPHONY_WEBHOOK_SECRET = "test-geheim"
    community = make_community("wijk", "Buurthulp De Wijk")
    caller = person_factory(community, name="Truus Jansen", phone="0528-123456", login=False)
    status = LocalTelephone(live_server.url, "test-geheim").ring("wijk", "local-1", "0528123456")
    assert status == 200
    assert Call.objects.get().person == caller
