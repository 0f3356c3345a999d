"""Features, index building and incremental updates on toy examples checkable by hand."""

import math

import numpy as np
import pytest

from naober.matching import (
    KIND_COMPANY,
    KIND_PRACTICAL,
    Request,
    Weights,
    add_offers,
    availability_mask,
    bitmask,
    build_index,
    remove_offer,
    room_left_per_helper,
    update_helper_room,
    update_offer,
)
from naober.matching.features import (
    SAME_DISTRICT_M,
    SAME_NEIGHBOURHOOD_M,
    SAME_STREET_M,
    availability_fit,
    category_fit,
    combine,
    effective_distance,
    features,
    idle_fit,
    language_fit,
    reliability,
    room_fit,
)
from naober.matching.weights import FEATURE_NAMES

# categories: 0 groceries, 1 odd jobs (practical), 2 company (company)
KINDS = [KIND_PRACTICAL, KIND_PRACTICAL, KIND_COMPANY]


def toy_index(**extra):
    cols = {
        "person_id": [10, 11, 12],
        "categories": [bitmask([0]), bitmask([1]), bitmask([2])],
        "x": [0.0, 300.0, np.nan],
        "y": [0.0, 400.0, np.nan],
        "street": [1, 2, 1],
        "neighbourhood": [5, 5, 5],
        "district": [9, 9, 9],
    }
    cols.update(extra)
    return build_index(cols, KINDS)


def test_distance_uses_coordinates_then_area_proxy():
    idx = build_index(
        {
            "person_id": [1, 2, 3, 4, 5],
            "categories": [1] * 5,
            "x": [300.0, np.nan, np.nan, np.nan, np.nan],
            "y": [400.0, np.nan, np.nan, np.nan, np.nan],
            "street": [-1, 7, 8, 8, 8],
            "neighbourhood": [-1, 1, 1, 2, 3],
            "district": [-1, 1, 1, 1, 2],
        },
        [0],
    )
    req = Request(99, 0, x=0.0, y=0.0, street=7, neighbourhood=1, district=1)
    d = effective_distance(idx, None, req)
    assert d.tolist() == [500.0, SAME_STREET_M, SAME_NEIGHBOURHOOD_M, SAME_DISTRICT_M, math.inf]


def test_category_fit_exact_same_kind_other():
    idx = toy_index()
    fit = category_fit(idx, None, Request(1, 0), Weights(kind_credit=0.4))
    assert fit.tolist() == [1.0, 0.4, 0.0]


def test_availability_language_room_idle_reliability_by_hand():
    monday_morning = availability_mask([(0, 0)])
    both = availability_mask([(0, 0), (0, 1)])
    assert availability_fit(np.array([monday_morning]), both).tolist() == [0.5]
    assert availability_fit(np.array([monday_morning]), 0).tolist() == [1.0]
    assert language_fit(np.array([0b110]), 0b100).tolist() == [1.0]
    assert room_fit(np.array([2]), Weights(room_saturation=4)).tolist() == [0.5]
    assert idle_fit(np.array([15.0]), Weights(idle_saturation_days=60)).tolist() == [0.25]
    # 6 completed, 1 stopped with a Beta(4, 1) prior: (6 + 4) / (7 + 5)
    assert reliability(np.array([6]), np.array([1]), Weights()).tolist() == [10 / 12]


def test_score_is_weighted_mean_in_unit_interval():
    idx = toy_index()
    req = Request(1, 0, x=0.0, y=0.0, street=1, neighbourhood=5, district=9)
    w = Weights()
    d = effective_distance(idx, None, req)
    parts = features(idx, None, req, w, d)
    assert len(parts) == len(FEATURE_NAMES)
    score = combine(parts, w)
    by_hand = sum(wi * p[0] for wi, p in zip(w.feature_weights(), parts, strict=True)) / w.total()
    assert score[0] == pytest.approx(by_hand)
    assert np.all((score >= 0) & (score <= 1))


def test_only_one_feature_weight_gives_that_feature():
    idx = toy_index()
    only_distance = Weights(**{name: 0.0 for name in FEATURE_NAMES} | {"distance": 2.0})
    req = Request(1, 0, x=0.0, y=0.0)
    d = effective_distance(idx, None, req)
    score = combine(features(idx, None, req, only_distance, d), only_distance)
    assert score[:2].tolist() == [1.0, 1.0 / (1.0 + 500.0 / 1000.0)]


def test_weights_validate():
    with pytest.raises(ValueError):
        Weights(distance=-1)
    with pytest.raises(ValueError):
        Weights(**{name: 0.0 for name in FEATURE_NAMES})
    with pytest.raises(ValueError):
        Weights(kind_credit=1.5)


def test_build_index_postings_and_defaults():
    idx = toy_index(active=[True, False, True])
    assert idx.n == 3
    assert idx.exact_rows[0].tolist() == [0]
    assert idx.exact_rows[1].tolist() == []  # paused
    assert idx.kind_rows[KIND_PRACTICAL].tolist() == [0]
    assert idx.kind_rows[KIND_COMPANY].tolist() == [2]
    assert idx.offer_id.tolist() == [0, 1, 2]
    assert math.isinf(idx.travel_radius_m[0])


def test_build_index_rejects_bad_input():
    with pytest.raises(ValueError):
        build_index({"person_id": [1]}, [0])
    with pytest.raises(ValueError):
        build_index({"person_id": [1], "categories": [0b100]}, [0, 0])
    with pytest.raises(ValueError):
        build_index({"person_id": [1], "categories": [1], "colour": [3]}, [0])
    with pytest.raises(ValueError):
        build_index({"person_id": [1, 2], "categories": [1]}, [0])


def test_index_does_not_alias_caller_arrays():
    person = np.array([1, 2])
    idx = build_index({"person_id": person, "categories": [1, 1]}, [0])
    person[0] = 99
    assert idx.person_id.tolist() == [1, 2]


def test_room_is_helper_level():
    assert room_left_per_helper([1, 1, 2], [2, 3, 1], [1, 0, 1]).tolist() == [2, 2, 0]
    idx = build_index(
        {"person_id": [1, 1, 2], "categories": [1, 1, 1], "room_left": [2, 1, 3]}, [0]
    )
    assert idx.room_left.tolist() == [1, 1, 3]  # minimum over the helper's rows
    assert idx.helper_room.tolist() == [1, 3]


def test_update_offer_is_copy_on_write_and_refreshes_postings():
    idx = toy_index()
    moved = update_offer(idx, 0, categories=bitmask([1]))
    assert idx.exact_rows[0].tolist() == [0]  # old index untouched
    assert moved.exact_rows[0].tolist() == []
    assert moved.exact_rows[1].tolist() == [0, 1]
    assert moved.kind_rows[KIND_PRACTICAL].tolist() == [0, 1]
    gone = remove_offer(moved, 1)
    assert gone.exact_rows[1].tolist() == [0]
    assert gone.n == 3 and not gone.active[1]
    with pytest.raises(ValueError):
        update_offer(idx, 0, room_left=3)
    with pytest.raises(IndexError):
        update_offer(idx, 5, active=False)


def test_update_helper_room_and_add_offers():
    idx = toy_index()
    full = update_helper_room(idx, 11, 0)
    assert full.kind_rows[KIND_PRACTICAL].tolist() == [0]
    assert full.helper_room[full.helper[1]] == 0
    again = update_helper_room(full, 11, 2)
    assert again.kind_rows[KIND_PRACTICAL].tolist() == [0, 1]
    bigger = add_offers(idx, {"person_id": [13], "categories": [bitmask([0])]})
    assert bigger.n == 4
    assert bigger.offer_id.tolist() == [0, 1, 2, 3]
    assert bigger.exact_rows[0].tolist() == [0, 3]
    with pytest.raises(KeyError):
        update_helper_room(idx, 404, 1)
