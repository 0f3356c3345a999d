"""The batch plan: page and API permissions, proposing a line, and as many matches as an
independent maximum flow over the same feasible pairs."""

import random

import pytest

from naober.exchange import services
from naober.exchange.models import Match
from naober.matchmaking.cache import entry_for
from naober.matchmaking.plans import current_lines
from naober.matchmaking.ranking import suggestions
from tests.matchmaking.builders import (
    actor_of,
    make_offer,
    make_person,
    make_request,
    other_district_street,
    street,
)

pytestmark = pytest.mark.django_db
PLAN = "/c/wijk/workbench/plan/"
PROPOSE = "/c/wijk/workbench/plan/propose/"


def test_plan_page_is_for_coordinators(community, coordinator, as_person):
    help_request = make_request(community)
    make_offer(community)
    page = as_person(coordinator).get(PLAN)
    assert page.status_code == 200
    assert help_request.title in page.content.decode()
    for role in ("resident", "volunteer", "partner"):
        assert as_person(make_person(community, role)).get(PLAN).status_code == 403


def test_plan_page_of_another_community_is_not_found(community, other_community, as_person):
    outsider = make_person(other_community, "coordinator")
    assert as_person(outsider).get(PLAN).status_code == 404
    assert as_person(outsider).get("/c/elders/workbench/plan/").status_code == 200


def test_plan_api_permissions_and_shape(community, other_community, coordinator, api):
    help_request = make_request(community)
    offer = make_offer(community)
    api.login(coordinator)
    rows = api.get("c/wijk/plan").json()
    assert rows == [
        {
            "request": help_request.pk,
            "offer": offer.pk,
            "person": offer.helper_id,
            "score": rows[0]["score"],
            "reasons": rows[0]["reasons"],
        }
    ]
    assert 0 < rows[0]["score"] <= 1 and rows[0]["reasons"]
    for role in ("resident", "volunteer", "partner"):
        api.login(make_person(community, role))
        assert api.get("c/wijk/plan").status_code == 403
    api.login(make_person(other_community, "coordinator"))
    assert api.get("c/wijk/plan").status_code == 404


def test_urgent_and_vulnerable_lines_come_first(community, coordinator):
    calm = make_request(community, title="Rustig")
    urgent = make_request(community, title="Spoed", urgency="high")
    for _ in range(2):
        make_offer(community)
    lines = list(current_lines(actor_of(coordinator)))
    assert [line.request.pk for line in lines] == [urgent.pk, calm.pk]


def test_proposing_a_line_creates_the_match(community, coordinator, as_person):
    help_request = make_request(community)
    offer = make_offer(community)
    response = as_person(coordinator).post(
        PROPOSE, {"request": help_request.pk, "offer": offer.pk}, follow=True
    )
    assert response.status_code == 200
    match = Match.objects.get(request=help_request)
    assert (match.offer_id, match.mode, match.state) == (offer.pk, "mediated", "proposed")
    assert list(current_lines(actor_of(coordinator))) == []  # the request is no longer open


def test_a_line_taken_meanwhile_gets_a_friendly_message(community, coordinator, as_person):
    help_request = make_request(community)
    offer, other = make_offer(community), make_offer(community)
    services.propose(actor_of(coordinator), help_request, other)
    response = as_person(coordinator).post(
        PROPOSE, {"request": help_request.pk, "offer": offer.pk}, follow=True
    )
    assert response.status_code == 200
    assert Match.objects.filter(request=help_request).count() == 1
    assert "message-warning" in response.content.decode()


def test_bad_input_on_propose_stores_nothing(community, other_community, coordinator, as_person):
    help_request = make_request(community)
    offer = make_offer(community)
    foreign_request, foreign_offer = make_request(other_community), make_offer(other_community)
    client = as_person(coordinator)
    for data in (
        {},
        {"request": "x", "offer": offer.pk},
        {"request": "-1", "offer": "1e9"},
        {"request": help_request.pk, "offer": "9" * 30},
    ):
        assert client.post(PROPOSE, data).status_code == 302
    for data in (
        {"request": foreign_request.pk, "offer": offer.pk},
        {"request": help_request.pk, "offer": foreign_offer.pk},
        {"request": 2**62, "offer": offer.pk},
    ):
        assert client.post(PROPOSE, data).status_code == 404
    assert client.get(PROPOSE).status_code == 405
    assert (
        as_person(make_person(community, "volunteer"))
        .post(PROPOSE, {"request": help_request.pk, "offer": offer.pk})
        .status_code
        == 403
    )
    assert Match.objects.count() == 0


def _max_flow(pairs: dict[int, set[int]], room: dict[int, int]) -> int:
    """Requests matched by a plain augmenting-path maximum flow (helpers have `room` slots)."""
    assigned: dict[int, list[int]] = {h: [] for h in room}

    def augment(request, seen) -> bool:
        for helper in pairs[request]:
            if helper in seen:
                continue
            seen.add(helper)
            if len(assigned[helper]) < room[helper]:
                assigned[helper].append(request)
                return True
            for other in list(assigned[helper]):
                if augment(other, seen):
                    assigned[helper].remove(other)
                    assigned[helper].append(request)
                    return True
        return False

    return sum(augment(r, set()) for r in pairs)


def test_the_plan_matches_as_many_as_an_independent_max_flow(community, coordinator):
    rng = random.Random(7)
    far = other_district_street(community)
    places = [street(community, "Dorpsstraat"), street(community, "Kerkstraat"), far]
    codes = ["tuin", "klussen", "boodschappen", "gezelschap"]
    for _ in range(12):
        helper = make_person(
            community, "volunteer", area=rng.choice(places), gender=rng.choice(["female", "male"])
        )
        make_offer(
            community,
            helper,
            codes=(rng.choice(codes),),
            max_per_month=rng.choice([1, 1, 2]),
            radius_m=rng.choice([None, 0]),
        )
    requests = [
        make_request(
            community, make_person(community, area=rng.choice(places)), code=rng.choice(codes)
        )
        for _ in range(20)
    ]
    actor = actor_of(coordinator)
    room = {
        int(p): int(r)
        for p, r in zip(
            entry_for(community).index.helper_person_id,
            entry_for(community).index.helper_room,
            strict=True,
        )
    }
    pairs = {r.pk: {s.person.pk for s in suggestions(actor, r, limit=1000)} for r in requests}
    optimum = _max_flow(pairs, room)
    lines = list(current_lines(actor))
    assert len(lines) == optimum > 0
    used: dict[int, int] = {}
    for line in lines:
        assert line.person.pk in pairs[line.request.pk]
        used[line.person.pk] = used.get(line.person.pk, 0) + 1
    assert all(used[p] <= room[p] for p in used)
