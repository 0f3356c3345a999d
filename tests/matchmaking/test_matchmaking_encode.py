"""Encoding Django rows into the engine's columns and requests."""

import json
import math

import pytest

from naober.exchange import services
from naober.exchange.models import Category, Match
from naober.matching import ALL_GENDERS, GENDER_MAN, GENDER_WOMAN, KINDS, ONLY_WOMEN
from naober.matchmaking.encode import (
    _availability_masks,
    availability_mask,
    codebook_for,
    encode_request,
    language_bit,
    language_mask,
    offer_columns,
)
from naober.matchmaking.models import RequestWish
from tests.matchmaking.builders import (
    actor_of,
    located,
    make_offer,
    make_person,
    make_request,
    street,
)

pytestmark = pytest.mark.django_db


def test_categories_are_numbered_by_position_with_their_kind(community):
    book = codebook_for(community)
    ordered = list(Category.objects.filter(community=community).order_by("position", "label"))
    assert [book.category_number[c.pk] for c in ordered] == list(range(len(ordered)))
    assert [KINDS[k] for k in book.category_kind.tolist()] == [c.kind for c in ordered]


def test_area_path_street_neighbourhood_district(community):
    book = codebook_for(community)
    dorp = street(community, "Dorpsstraat")
    hood, district = dorp.parent, dorp.parent.parent
    assert book.path(dorp.pk) == (dorp.pk, hood.pk, district.pk)
    assert book.path(hood.pk) == (-1, hood.pk, district.pk)
    assert book.path(None) == (-1, -1, -1)


def test_languages_keep_dutch_at_bit_zero_and_are_stable():
    assert language_mask(["nl"]) == 1
    assert language_bit("tr") == language_bit("tr") and language_bit("tr") != 0
    assert 0 < language_bit("xyz") <= 62
    assert language_mask(["nl", "en"]) == 1 | (1 << language_bit("en"))


def test_offer_columns(community, coordinator):
    helper = located(
        make_person(community, "volunteer", gender="female", languages=["nl", "tr"]), 1000, 2000
    )
    offer = make_offer(
        community,
        helper,
        codes=("tuin",),
        max_per_month=3,
        availability=["mon-morning", "tue-evening"],
        radius_m=0,
    )
    second = make_offer(community, helper, codes=("klussen",), max_per_month=1, radius_m=None)
    requester = make_person(community)
    done = services.propose(actor_of(coordinator), make_request(community, requester), offer)
    Match.objects.filter(pk=done.pk).update(state="completed")
    book = codebook_for(community)
    cols = offer_columns(community.pk, book)
    i = cols["offer_id"].tolist().index(offer.pk)
    j = cols["offer_id"].tolist().index(second.pk)
    tuin = Category.objects.get(community=community, code="tuin")
    assert cols["categories"][i] == 1 << book.category_number[tuin.pk]
    assert (cols["x"][i], cols["y"][i]) == (1000, 2000)
    assert cols["availability"][i] == (1 << 0) | (1 << 5)
    assert cols["languages"][i] == language_mask(["nl", "tr"])
    assert cols["gender"][i] == GENDER_WOMAN
    assert cols["travel_radius_m"][i] == 0 and math.isinf(cols["travel_radius_m"][j])
    # one completed match this month: the helper's limit is the largest of their offers (3)
    assert cols["room_left"][i] == cols["room_left"][j] == 2
    assert cols["completed"][i] == 1 and cols["stopped"][i] == 0
    assert cols["days_idle"][i] < 1
    assert cols["street"][i] == street(community).pk


def test_request_encoding(community, coordinator):
    requester = located(make_person(community, gender="female", vulnerable=True), 5, 6)
    declined_by = make_person(community, "volunteer", gender="male")
    helped_by = make_person(community, "volunteer")
    preferred = make_person(community, "volunteer")
    earlier = make_request(community, requester)
    refused = services.propose(actor_of(coordinator), earlier, make_offer(community, declined_by))
    services.transition(actor_of(coordinator), refused, "declined")
    helping = services.propose(actor_of(coordinator), earlier, make_offer(community, helped_by))
    Match.objects.filter(pk=helping.pk).update(state="active")
    help_request = make_request(
        community,
        requester,
        urgency="high",
        weekday=1,
        recurrence="recurring",
        rhythm="weekly",
        preferred_helper=preferred.pk,
    )
    RequestWish.objects.create(request=help_request, gender="only_women")
    help_request.refresh_from_db()
    encoded = encode_request(help_request, codebook_for(community))
    assert encoded.person_id == requester.pk and (encoded.x, encoded.y) == (5, 6)
    assert encoded.excluded_person_ids == (declined_by.pk,)
    assert encoded.helped_by_person_ids == (helped_by.pk,)
    assert encoded.preferred_person_ids == (preferred.pk,)
    assert encoded.allowed_genders == ONLY_WOMEN and encoded.preferred_genders == ALL_GENDERS
    assert encoded.urgency == 2 and encoded.vulnerable
    assert encoded.availability == 0b111 << 3
    assert GENDER_MAN != GENDER_WOMAN


@pytest.mark.parametrize(
    "codes", [[], ["mon-morning"], ["sun-evening", "mon-morning", "wed-afternoon"], ["x", 3]]
)
def test_slot_lists_read_as_text_give_the_same_mask(codes):
    for text in (json.dumps(codes), json.dumps(codes, separators=(",", ":"))):
        assert _availability_masks([text]).tolist() == [availability_mask(codes)]
    assert _availability_masks([None]).tolist() == [0]
