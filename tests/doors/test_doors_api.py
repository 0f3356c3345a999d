"""The doors in the API (shared/API.md "Reach"): anyone, no token, 202 when stored, 422 with
nothing stored on bad input, 429 past the public-form limit, 404 for an unknown community."""

import pytest

from naober.desk.models import Callback
from naober.doors.models import Talent, VolunteerSignup
from naober.notify.models import Message
from naober.outreach.models import Signal

pytestmark = pytest.mark.django_db

GOOD = {
    "callback": ({"name": "Gerrit Bos", "phone": "0528 123 456", "when": "middag"}, Callback),
    "concerns": ({"about": "nr 12", "description": "Post stapelt zich op", "contact": ""}, Signal),
    "volunteers": ({"name": "Ineke", "contact": "06 12345678", "likes": "Koken"}, VolunteerSignup),
    "talents": (
        {"name": "Henk", "good_at": "Fietsen", "contact": "06 1", "may_ask": True},
        Talent,
    ),
}
BAD = {
    "callback": {"name": " ", "phone": "0528 123 456"},
    "concerns": {"description": "  "},
    "volunteers": {"name": "Ineke", "contact": "06 12345678", "likes": " "},
    "talents": {"name": "Henk", "good_at": "", "contact": "06 1"},
}


@pytest.mark.parametrize("door", sorted(GOOD))
def test_a_door_answers_202_and_lands_in_its_queue(community, person_factory, api, door):
    coordinator = person_factory(community, "coordinator")
    body, model = GOOD[door]
    response = api.post(f"c/wijk/{door}", body)
    assert response.status_code == 202, response.json()
    assert response.json()["status"] == "received" and "id" not in response.json()
    assert model.objects.filter(community=community).count() == 1
    assert Message.objects.get(event="door_arrival").person == coordinator


def test_the_call_back_answer_names_the_promise(community, api):
    answer = api.post("c/wijk/callback", GOOD["callback"][0]).json()
    assert answer["answer_by"]
    callback = Callback.objects.get()
    assert callback.source == "public" and callback.name == "Gerrit Bos"


def test_a_concern_from_the_api_is_a_signal_without_a_raiser_for_the_core_group(
    community, person_factory, api
):
    core = person_factory(community, "core_group")
    api.post(
        "c/wijk/concerns",
        {"about": "", "description": "Zorgen", "contact": "06 11", "name": "Truus"},
    )
    signal = Signal.objects.get()
    assert signal.raiser_name == "Truus" and signal.raised_by is None
    api.login(core)
    seen = api.get(f"c/wijk/signals/{signal.pk}").json()
    assert seen.get("raised_by") is None and "Truus" not in str(seen)


@pytest.mark.parametrize("door", sorted(BAD))
def test_bad_input_is_422_and_stores_nothing(community, person_factory, api, door):
    person_factory(community, "coordinator")
    response = api.post(f"c/wijk/{door}", BAD[door])
    assert response.status_code == 422
    assert response.json()["code"] in ("invalid", "validation_error") and response.json()["detail"]
    _body, model = GOOD[door]
    assert model.objects.count() == 0 and not Message.objects.exists()


@pytest.mark.parametrize("door", sorted(GOOD))
def test_a_flood_is_refused_with_429(community, api, settings, door):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "public_form": "2/m"}
    body, model = GOOD[door]
    assert [api.post(f"c/wijk/{door}", body).status_code for _ in range(3)] == [202, 202, 429]
    assert model.objects.count() == 2


def test_an_unknown_community_is_404(db, api):
    assert api.post("c/nergens/callback", GOOD["callback"][0]).status_code == 404


@pytest.mark.parametrize("door", sorted(GOOD))
def test_hostile_input_is_refused_and_stores_nothing(community, api, door):
    body, model = GOOD[door]
    for bad in (
        {k: (v + "\x00" if isinstance(v, str) else v) for k, v in body.items()},
        {k: ("x" * 5000 if isinstance(v, str) else v) for k, v in body.items()},
        {k: 12 if isinstance(v, str) else "ja" for k, v in body.items()},
    ):
        assert api.post(f"c/wijk/{door}", bad).status_code in (400, 422)
    assert api.post(f"c/wijk/{door}", raw="[1, 2").status_code in (400, 422)
    assert model.objects.count() == 0
