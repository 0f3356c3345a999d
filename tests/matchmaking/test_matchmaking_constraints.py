"""Hard constraints through the Django layer, with real models: these helpers are never
suggested whatever their score."""

import pytest

from naober.exchange import services
from naober.matchmaking.models import RequestWish
from tests.matchmaking.builders import (
    actor_of,
    make_offer,
    make_person,
    make_request,
    suggested_offers,
)

pytestmark = pytest.mark.django_db


def test_never_the_requester_themselves(community, coordinator):
    requester = make_person(community, "volunteer")
    own = make_offer(community, requester)
    other = make_offer(community)
    assert suggested_offers(coordinator, make_request(community, requester)) == [other.pk]
    assert own.pk != other.pk


def test_never_a_paused_offer(community, coordinator):
    make_offer(community, available=False)
    live = make_offer(community)
    assert suggested_offers(coordinator, make_request(community)) == [live.pk]


def test_never_a_full_helper(community, coordinator):
    full = make_offer(community, max_per_month=1)
    services.propose(actor_of(coordinator), make_request(community), full)
    free = make_offer(community)
    assert suggested_offers(coordinator, make_request(community)) == [free.pk]


@pytest.mark.parametrize("end", ["declined", "stopped"])
def test_never_a_helper_the_requester_declined_or_stopped(community, coordinator, end):
    requester = make_person(community)
    before = make_offer(community, max_per_month=5)
    match = services.propose(actor_of(coordinator), make_request(community, requester), before)
    if end == "stopped":  # both sides said yes (recorded by the coordinator), then it stopped
        services.say_yes(actor_of(coordinator), match, side="helper")
        services.say_yes(actor_of(coordinator), match, side="requester")
    services.transition(actor_of(coordinator), match, end)
    other = make_offer(community)
    assert suggested_offers(coordinator, make_request(community, requester)) == [other.pk]


def test_never_a_helper_outside_the_gender_wish(community, coordinator):
    woman = make_offer(community, make_person(community, "volunteer", gender="female"))
    man = make_offer(community, make_person(community, "volunteer", gender="male"))
    unknown = make_offer(community, make_person(community, "volunteer", gender=""))
    help_request = make_request(community)
    assert set(suggested_offers(coordinator, help_request)) == {woman.pk, man.pk, unknown.pk}
    RequestWish.objects.create(request=help_request, gender="only_women")
    help_request.refresh_from_db()
    assert suggested_offers(coordinator, help_request) == [woman.pk]
    RequestWish.objects.filter(request=help_request).update(gender="only_men")
    help_request.refresh_from_db()
    assert suggested_offers(coordinator, help_request) == [man.pk]


def test_a_soft_wish_only_moves_helpers_up(community, coordinator):
    man = make_offer(community, make_person(community, "volunteer", gender="male"))
    woman = make_offer(community, make_person(community, "volunteer", gender="female"))
    help_request = make_request(community)
    RequestWish.objects.create(request=help_request, gender="prefer_men")
    help_request.refresh_from_db()
    assert suggested_offers(coordinator, help_request) == [man.pk, woman.pk]


def test_never_an_offer_in_another_community(community, other_community, coordinator):
    make_offer(other_community)
    assert suggested_offers(coordinator, make_request(community)) == []


def test_a_request_of_another_community_gets_nothing(community, other_community, coordinator):
    make_offer(community)
    assert suggested_offers(coordinator, make_request(other_community)) == []
