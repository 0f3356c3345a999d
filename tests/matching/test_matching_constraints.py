"""Hard constraints: one toy index, one request, and each rule switched on in turn."""

import numpy as np

from naober.matching import (
    GENDER_MAN,
    GENDER_UNKNOWN,
    GENDER_WOMAN,
    KIND_COMPANY,
    KIND_PRACTICAL,
    ONLY_WOMEN,
    Request,
    Weights,
    build_index,
    plan,
    score_all_dense,
    suggest,
)

KINDS = [KIND_PRACTICAL, KIND_PRACTICAL, KIND_COMPANY]


def index(**overrides):
    n = 4
    cols = {
        "person_id": [10, 11, 12, 13],
        "categories": [0b001] * n,
        "community_id": [1] * n,
        "x": [100.0, 200.0, 300.0, 400.0],
        "y": [0.0] * n,
        "neighbourhood": [5] * n,
        "gender": [GENDER_WOMAN, GENDER_MAN, GENDER_WOMAN, GENDER_UNKNOWN],
        "room_left": [1] * n,
    }
    cols.update(overrides)
    return build_index(cols, KINDS)


def feasible_people(idx, req, weights=None):
    weights = weights or Weights()
    scores = score_all_dense(idx, req, weights)
    dense = set(idx.person_id[np.isfinite(scores)].tolist())
    fast = {s.person_id for s in suggest(idx, req, weights, k=100)}
    assert fast == dense
    return dense


REQ = Request(person_id=1, category=0, community_id=1, x=0.0, y=0.0, neighbourhood=5)


def test_everyone_feasible_in_baseline():
    assert feasible_people(index(), REQ) == {10, 11, 12, 13}


def test_never_the_requester():
    assert 10 not in feasible_people(index(), Request(10, 0, community_id=1, x=0.0, y=0.0))


def test_paused_offer_and_helper_without_room():
    assert feasible_people(index(active=[False, True, True, True]), REQ) == {11, 12, 13}
    assert feasible_people(index(room_left=[1, 0, 1, 1]), REQ) == {10, 12, 13}


def test_declined_or_stopped_helpers_excluded():
    req = Request(1, 0, community_id=1, x=0.0, y=0.0, excluded_person_ids=(11, 13))
    assert feasible_people(index(), req) == {10, 12}


def test_gender_wish_is_hard_and_unknown_gender_does_not_pass_it():
    req = Request(1, 0, community_id=1, x=0.0, y=0.0, allowed_genders=ONLY_WOMEN)
    assert feasible_people(index(), req) == {10, 12}


def test_no_cross_community_suggestion():
    idx = index(community_id=[1, 2, 1, 2])
    assert feasible_people(idx, REQ) == {10, 12}
    other = Request(1, 0, community_id=2, x=0.0, y=0.0)
    assert feasible_people(idx, other) == {11, 13}
    p = plan(idx, [REQ, other, REQ])
    for req, row in zip([REQ, other, REQ], p.rows.tolist(), strict=True):
        if row >= 0:
            assert idx.community_id[row] == req.community_id


def test_category_and_kind():
    idx = index(categories=[0b001, 0b010, 0b100, 0b110])
    assert feasible_people(idx, REQ) == {10, 11, 13}  # 12 offers only company
    assert feasible_people(idx, REQ, Weights(kind_credit=0.0)) == {10}


def test_travel_radius_metres_and_own_neighbourhood_only():
    idx = index(travel_radius_m=[50.0, 250.0, 0.0, np.inf], neighbourhood=[5, 5, 6, 7])
    # distances 100, 200, 300, 400; 12 stays in neighbourhood 6, the request is in 5
    assert feasible_people(idx, REQ) == {11, 13}
    in_six = Request(1, 0, community_id=1, x=0.0, y=0.0, neighbourhood=6)
    assert feasible_people(idx, in_six) == {11, 12, 13}


def test_unknown_distance_only_passes_unlimited_radius():
    idx = index(x=[np.nan] * 4, neighbourhood=[-1] * 4, travel_radius_m=[5000.0, np.inf, 0.0, 1.0])
    assert feasible_people(idx, Request(1, 0, community_id=1)) == {11}
