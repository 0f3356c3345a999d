"""The matching settings page: administrators only, validated, and used for ranking."""

import pytest

from naober.matching import DEFAULT_WEIGHTS
from naober.matching.weights import FEATURE_NAMES
from naober.matchmaking.models import MatchingSettings
from naober.matchmaking.selectors import WEIGHT_FIELDS
from tests.matchmaking.builders import (
    located,
    make_offer,
    make_person,
    make_request,
    street,
    suggested_offers,
)

pytestmark = pytest.mark.django_db
URL = "/c/wijk/matching/settings/"


def _form(**changes) -> dict:
    data = {name: getattr(DEFAULT_WEIGHTS, name) for name in WEIGHT_FIELDS}
    data.update(changes)
    return data


def test_settings_page_is_for_administrators(community, coordinator, as_person):
    admin = make_person(community, "admin")
    page = as_person(admin).get(URL)
    assert page.status_code == 200 and "Alleen de verhouding" in page.content.decode()
    # What a person reads names no source files.
    assert "weights.py" not in page.content.decode() and "docs/" not in page.content.decode()
    for role in ("coordinator", "resident", "volunteer", "partner"):
        assert as_person(make_person(community, role)).get(URL).status_code == 403


def test_another_community_is_not_found(community, other_community, as_person):
    assert as_person(make_person(other_community, "admin")).get(URL).status_code == 404


def test_defaults_come_from_the_engine(community):
    row = MatchingSettings(community=community)
    assert all(getattr(row, n) == getattr(DEFAULT_WEIGHTS, n) for n in WEIGHT_FIELDS)


@pytest.mark.parametrize(
    "changes",
    [
        {"distance": -1},
        {name: 0 for name in FEATURE_NAMES},
        {"kind_credit": 2},
        {"category": "veel"},
        {"distance_scale_m": 0},
        {"room_saturation": 0},
        {"category": ""},
        {"category": "1e400"},
    ],
)
def test_bad_input_is_refused_and_nothing_stored(community, as_person, changes):
    admin = make_person(community, "admin")
    response = as_person(admin).post(URL, _form(**changes))
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert MatchingSettings.objects.count() == 0


def test_saved_weights_change_the_ranking(community, as_person, coordinator):
    requester = located(make_person(community, area=street(community, "Dorpsstraat")), 0, 0)
    help_request = make_request(community, requester, code="tuin")
    near = located(
        make_person(community, "volunteer", area=street(community, "Kerkstraat")), 100, 0
    )
    far = located(
        make_person(community, "volunteer", area=street(community, "Kerkstraat")), 5000, 0
    )
    similar_near = make_offer(community, near, codes=("klussen",))
    exact_far = make_offer(community, far, codes=("tuin",))
    assert suggested_offers(coordinator, help_request)[0] == similar_near.pk
    admin = make_person(community, "admin")
    response = as_person(admin).post(URL, _form(distance=0.1, category=10))
    assert response.status_code == 302
    assert MatchingSettings.objects.get(community=community).category == 10
    assert suggested_offers(coordinator, help_request)[0] == exact_far.pk
