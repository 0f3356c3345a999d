"""Every reason code of the engine reads as a short Dutch sentence."""

import pytest
from django.utils import translation

from naober.matching import REASON_CODES, REASON_PARAMS
from naober.matchmaking.reasons import TEXTS, reason_text, reason_texts
from tests.matchmaking.builders import make_offer, make_person, make_request, suggested_offers

PARAMS = {"m": 350, "n": 2, "days": 45}


def test_every_engine_reason_has_a_text():
    assert set(REASON_CODES) <= set(TEXTS)


@pytest.mark.parametrize("code", REASON_CODES)
def test_every_reason_is_translated_to_dutch(code):
    params = {name: PARAMS[name] for name in REASON_PARAMS.get(code, ())}
    with translation.override("en"):
        english = reason_text(code, params)
    with translation.override("nl"):
        dutch = reason_text(code, params)
    assert dutch and dutch != english and dutch != code
    for value in params.values():
        assert str(value) in dutch


def test_plurals_and_distances():
    with translation.override("nl"):
        assert reason_text("room_left", {"n": 1}) == "heeft deze maand nog 1 keer ruimte"
        assert reason_text("room_left", {"n": 3}) == "heeft deze maand nog 3 keer ruimte"
        assert reason_text("waiting_long", {"days": 1}) == "wacht al 1 dag op een vraag"
        assert reason_text("waiting_long", {"days": 40}) == "wacht al 40 dagen op een vraag"
        assert reason_text("distance_m", {"m": 0}) == "woont heel dichtbij"
        assert reason_texts([("same_street", {}), ("helped_before", {})]) == [
            "woont in dezelfde straat",
            "hielp deze persoon eerder",
        ]


@pytest.mark.django_db
def test_suggestions_carry_dutch_reasons(community, coordinator):
    offer = make_offer(community)
    help_request = make_request(community, make_person(community))
    with translation.override("nl"):
        assert suggested_offers(coordinator, help_request) == [offer.pk]
        from naober.matchmaking.ranking import suggestions
        from tests.matchmaking.builders import actor_of

        reasons = suggestions(actor_of(coordinator), help_request)[0].reasons
    assert "biedt precies deze hulp aan" in reasons
    assert "woont in dezelfde straat" in reasons
