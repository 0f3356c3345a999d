"""plan and greedy_plan on toy instances you can solve by hand."""

import numpy as np

from naober.matching import Request, Weights, build_index, greedy_plan, max_matchable, plan

KINDS = [0]


def test_urgent_request_wins_the_only_helper():
    idx = build_index({"person_id": [1], "categories": [1], "x": [0.0], "y": [0.0]}, KINDS)
    normal = Request(10, 0, x=10.0, y=0.0, created=0.0)  # nearer and earlier: a better fit
    urgent = Request(11, 0, x=900.0, y=0.0, created=1.0, urgency=2)
    result = plan(idx, [normal, urgent])
    assert result.rows.tolist() == [-1, 0]
    # Without urgency the nearer request wins: the fit decides.
    calm = plan(idx, [normal, Request(11, 0, x=900.0, y=0.0, created=1.0)])
    assert calm.rows.tolist() == [0, -1]
    # The dispatcher baseline serves first come, first served.
    assert greedy_plan(idx, [normal, urgent]).rows.tolist() == [0, -1]


def test_vulnerable_request_first():
    idx = build_index({"person_id": [1], "categories": [1]}, KINDS)
    result = plan(idx, [Request(10, 0), Request(11, 0, vulnerable=True)])
    assert result.rows.tolist() == [-1, 0]
    assert (
        plan(
            idx, [Request(10, 0), Request(11, 0, vulnerable=True)], Weights(vulnerable_weight=0)
        ).n_matched
        == 1
    )


def test_count_comes_before_fit_and_greedy_falls_short():
    # Helper A (row 0) can serve both requests, helper B (row 1) only the first.
    # Greedy gives the first request its nearest helper A; then the second has nobody.
    idx = build_index(
        {
            "person_id": [1, 2],
            "categories": [1, 1],
            "x": [0.0, 600.0],
            "y": [0.0, 0.0],
            "travel_radius_m": [np.inf, 700.0],
        },
        KINDS,
    )
    first = Request(10, 0, x=0.0, y=0.0, created=0.0)
    second = Request(11, 0, x=-2000.0, y=0.0, created=1.0)
    assert greedy_plan(idx, [first, second]).n_matched == 1
    best = plan(idx, [first, second])
    assert best.rows.tolist() == [1, 0]
    assert best.person_ids.tolist() == [2, 1]
    assert best.exact_cardinality


def test_capacity_is_per_helper_across_offers():
    # One helper, two offers, room 1: only one of two requests can be served.
    idx = build_index({"person_id": [1, 1], "categories": [1, 1], "room_left": [1, 1]}, KINDS)
    result = plan(idx, [Request(10, 0), Request(11, 0)])
    assert result.n_matched == 1
    roomy = build_index({"person_id": [1, 1], "categories": [1, 1], "room_left": [2, 2]}, KINDS)
    assert plan(roomy, [Request(10, 0), Request(11, 0)]).n_matched == 2


def test_empty_inputs():
    idx = build_index({"person_id": [], "categories": []}, KINDS)
    assert plan(idx, []).n_matched == 0
    assert plan(idx, [Request(1, 0)]).rows.tolist() == [-1]
    assert greedy_plan(idx, [Request(1, 0)]).rows.tolist() == [-1]


def test_max_matchable_by_hand():
    # requests 0 and 1 both only to helper 0 (capacity 1), request 2 to helper 1
    assert max_matchable(np.array([0, 1, 2]), np.array([0, 0, 1]), np.array([1, 5]), 3) == 2
    assert max_matchable(np.array([0, 1, 2]), np.array([0, 0, 1]), np.array([2, 5]), 3) == 3


def test_truncated_candidates_are_grown_until_count_is_maximal():
    # Each request's single best helper is the same person; with max_candidates=1 only one
    # request could be matched, the certification must widen the candidate lists.
    idx = build_index(
        {"person_id": [1, 2, 3], "categories": [1, 1, 1], "x": [0.0, 500.0, 900.0], "y": [0.0] * 3},
        KINDS,
    )
    reqs = [Request(10 + i, 0, x=0.0, y=0.0) for i in range(3)]
    result = plan(idx, reqs, max_candidates=1)
    assert result.n_matched == 3 and result.exact_cardinality
