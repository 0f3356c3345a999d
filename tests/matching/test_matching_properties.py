"""Properties on many small random instances (hypothesis).

- ``suggest`` (postings, early filtering) returns exactly the top-k of the dense brute force.
- Feasibility agrees with an independent pure-Python reading of the hard constraints.
- ``plan`` matches as many requests as an independent max flow (source -> request (1) ->
  helper (room) -> sink over the pure-Python feasible pairs), respects every capacity, uses each
  request at most once and only feasible pairs; ``greedy_plan`` never beats it.
"""

import importlib
import math
from dataclasses import replace
from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

from naober.matching import (
    ALL_GENDERS,
    ONLY_WOMEN,
    Request,
    Weights,
    build_index,
    greedy_plan,
    plan,
    score_all_dense,
    suggest,
    suggest_dense,
)
from naober.matching.suggest import feasible_scores, feasible_scores_many

#: The module (``naober.matching.suggest`` the attribute is the function of that name).
suggest_module = importlib.import_module("naober.matching.suggest")
KINDS = [0, 0, 1, 2]  # categories 0, 1 practical; 2 company; 3 coaching


def random_instance(seed, n_offers, n_requests, n_communities=2):
    """Small random city with many ties and unknowns (coordinates on a coarse grid)."""
    rng = np.random.default_rng(seed)
    n_people = max(2, n_offers // 2 + 2)

    def coords(n):
        xy = rng.integers(0, 4, size=(n, 2)).astype(float) * 250.0
        xy[rng.random(n) < 0.2] = np.nan
        return xy

    xy = coords(n_offers)
    offers = {
        "person_id": rng.integers(0, n_people, n_offers),
        "community_id": rng.integers(0, n_communities, n_offers),
        "categories": rng.integers(1, 16, n_offers),
        "x": xy[:, 0],
        "y": xy[:, 1],
        "street": rng.integers(-1, 3, n_offers),
        "neighbourhood": rng.integers(-1, 3, n_offers),
        "district": rng.integers(-1, 2, n_offers),
        "availability": rng.integers(0, 8, n_offers),
        "languages": rng.integers(0, 4, n_offers),
        "gender": rng.integers(0, 3, n_offers),
        "active": rng.random(n_offers) < 0.85,
        "room_left": rng.integers(0, 3, n_offers),
        "travel_radius_m": rng.choice([0.0, 300.0, 800.0, np.inf], n_offers),
        "days_idle": rng.choice([0.0, 10.0, 45.0, np.inf], n_offers),
        "completed": rng.integers(0, 4, n_offers),
        "stopped": rng.integers(0, 2, n_offers),
    }
    index = build_index(offers, KINDS)
    rxy = coords(n_requests)
    requests = [
        Request(
            person_id=int(rng.integers(0, n_people)),
            category=int(rng.integers(0, len(KINDS))),
            community_id=int(rng.integers(0, n_communities)),
            x=float(rxy[i, 0]),
            y=float(rxy[i, 1]),
            street=int(rng.integers(-1, 3)),
            neighbourhood=int(rng.integers(-1, 3)),
            district=int(rng.integers(-1, 2)),
            availability=int(rng.integers(0, 8)),
            languages=int(rng.integers(0, 4)),
            allowed_genders=ONLY_WOMEN if rng.random() < 0.2 else ALL_GENDERS,
            preferred_genders=ONLY_WOMEN if rng.random() < 0.2 else ALL_GENDERS,
            excluded_person_ids=tuple(rng.integers(0, n_people, rng.integers(0, 3)).tolist()),
            helped_by_person_ids=tuple(rng.integers(0, n_people, rng.integers(0, 2)).tolist()),
            urgency=int(rng.integers(0, 3)),
            vulnerable=bool(rng.random() < 0.3),
            created=float(rng.integers(0, 5)),
        )
        for i in range(n_requests)
    ]
    return index, requests


def feasible_py(index, row, req, weights):
    """The hard constraints re-read from the issue, one pair at a time, in plain Python."""
    if not index.active[row] or index.room_left[row] <= 0:
        return False
    if index.community_id[row] != req.community_id or index.person_id[row] == req.person_id:
        return False
    if int(index.person_id[row]) in req.excluded_person_ids:
        return False
    if not (1 << int(index.gender[row])) & req.allowed_genders:
        return False
    cats = int(index.categories[row])
    same_kind = any(cats >> c & 1 and KINDS[c] == KINDS[req.category] for c in range(len(KINDS)))
    if not (cats >> req.category & 1 or (weights.kind_credit > 0 and same_kind)):
        return False
    x, y = float(index.x[row]), float(index.y[row])
    if not (math.isnan(x) or math.isnan(req.x)):
        d = math.hypot(x - req.x, y - req.y)
    elif req.street != -1 and index.street[row] == req.street:
        d = 100.0
    elif req.neighbourhood != -1 and index.neighbourhood[row] == req.neighbourhood:
        d = 500.0
    elif req.district != -1 and index.district[row] == req.district:
        d = 1500.0
    else:
        d = math.inf
    radius = float(index.travel_radius_m[row])
    if radius == 0:
        return req.neighbourhood != -1 and index.neighbourhood[row] == req.neighbourhood
    return d <= radius


def independent_max_flow(index, requests, weights):
    """Max number of matchable requests, built only from feasible_py and the helpers' room."""
    n = len(requests)
    helpers = sorted(set(index.person_id.tolist()))
    h_node = {p: n + 1 + j for j, p in enumerate(helpers)}
    sink = n + len(helpers) + 1
    room = {}
    for row in range(index.n):
        p = int(index.person_id[row])
        room[p] = min(room.get(p, 10**9), int(index.room_left[row]))
    edges = {}
    for i, req in enumerate(requests):
        edges[(0, i + 1)] = 1
        for row in range(index.n):
            if feasible_py(index, row, req, weights):
                edges[(i + 1, h_node[int(index.person_id[row])])] = 1
    for p in helpers:
        if room[p] > 0:
            edges[(h_node[p], sink)] = room[p]
    if not edges:
        return 0
    (tails, heads), caps = zip(*edges.keys(), strict=True), list(edges.values())
    graph = csr_array(
        (np.array(caps, dtype=np.int32), (np.array(tails), np.array(heads))),
        shape=(sink + 1, sink + 1),
    )
    return int(maximum_flow(graph, 0, sink).flow_value)


weights_strategy = st.sampled_from([Weights(), Weights(kind_credit=0.0), Weights(distance=10.0)])


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_offers=st.integers(0, 40),
    k=st.integers(1, 12),
    weights=weights_strategy,
)
def test_suggest_equals_dense_top_k(seed, n_offers, k, weights):
    index, requests = random_instance(seed, n_offers, 4)
    for req in requests:
        assert suggest(index, req, weights, k) == suggest_dense(index, req, weights, k)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n_offers=st.integers(1, 30), weights=weights_strategy)
def test_dense_feasibility_matches_plain_python(seed, n_offers, weights):
    index, requests = random_instance(seed, n_offers, 3)
    for req in requests:
        scores = score_all_dense(index, req, weights)
        expected = [feasible_py(index, row, req, weights) for row in range(index.n)]
        assert np.isfinite(scores).tolist() == expected
        assert np.all(scores[np.isfinite(scores)] <= 1.0)
        assert np.all(scores[np.isfinite(scores)] >= 0.0)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_offers=st.integers(0, 40),
    n_requests=st.integers(0, 8),
    weights=weights_strategy,
)
def test_scores_of_many_requests_equal_one_at_a_time(seed, n_offers, n_requests, weights):
    index, requests = random_instance(seed, n_offers, n_requests)
    requests[:1] = [replace(r, preferred_person_ids=(1,)) for r in requests[:1]]
    many = feasible_scores_many(index, requests, weights)
    with mock.patch.object(suggest_module, "MANY_CHUNK", 3):  # several chunks
        chunked = feasible_scores_many(index, requests, weights)
    assert len(many) == len(chunked) == len(requests)
    for (rows, scores), (c_rows, c_scores) in zip(many, chunked, strict=True):
        assert rows.tolist() == c_rows.tolist() and scores.tolist() == c_scores.tolist()
    for req, (rows, scores) in zip(requests, many, strict=True):
        one_rows, one_scores = feasible_scores(index, req, weights)
        assert rows.tolist() == one_rows.tolist()
        assert scores.tolist() == one_scores.tolist()  # bit for bit


def check_plan(index, requests, result, weights):
    used = {}
    for req, row, person in zip(
        requests, result.rows.tolist(), result.person_ids.tolist(), strict=True
    ):
        if row < 0:
            assert person == -1
            continue
        assert feasible_py(index, row, req, weights)
        assert person == index.person_id[row]
        used[person] = used.get(person, 0) + 1
    for person, count in used.items():
        assert count <= index.room_left[index.person_id == person].min()


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_offers=st.integers(0, 30),
    n_requests=st.integers(0, 14),
    weights=weights_strategy,
    max_candidates=st.sampled_from([None, 1, 2]),
)
def test_plan_is_maximum_and_feasible(seed, n_offers, n_requests, weights, max_candidates):
    index, requests = random_instance(seed, n_offers, n_requests, n_communities=1)
    result = plan(index, requests, weights, max_candidates=max_candidates)
    check_plan(index, requests, result, weights)
    assert result.exact_cardinality
    assert result.n_matched == independent_max_flow(index, requests, weights)
    greedy = greedy_plan(index, requests, weights)
    check_plan(index, requests, greedy, weights)
    assert greedy.n_matched <= result.n_matched


def best_value_of_maximum_size(index, requests, weights):
    """(size, value) of the best plan by brute force: a dense assignment (``linear_sum_assignment``)
    with one column per unit of each helper's room and a free "unmatched" column per request; a
    served request earns ``BIG + priority + score`` (its helper's best feasible offer, from
    ``score_all_dense``), so size comes first, then priority plus fit."""
    n = len(requests)
    persons = sorted(set(index.person_id.tolist()))
    room = {p: int(index.room_left[index.person_id == p].min()) for p in persons}
    columns = [p for p in persons for _ in range(min(max(room[p], 0), n))]
    value = np.full((n, len(columns) + n), -np.inf)
    value[np.arange(n), len(columns) + np.arange(n)] = 0.0
    big = 1000.0
    for i, req in enumerate(requests):
        scores = score_all_dense(index, req, weights)
        priority = req.priority(weights.urgency_weight, weights.vulnerable_weight)
        for j, p in enumerate(columns):
            best = scores[index.person_id == p].max()
            if np.isfinite(best):
                value[i, j] = big + priority + best
    if n == 0:
        return 0, 0.0
    rows, cols = linear_sum_assignment(np.where(np.isfinite(value), -value, np.inf))
    served = cols < len(columns)
    return int(served.sum()), float(value[rows[served], cols[served]].sum() - big * served.sum())


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_offers=st.integers(0, 30),
    n_requests=st.integers(0, 12),
    weights=weights_strategy,
)
def test_plan_is_the_best_assignment_of_maximum_size(seed, n_offers, n_requests, weights):
    """Exact in every respect without ``max_candidates``: the most requests, then the highest
    sum of priority plus fit (the two-part assignment of ``plan`` against a dense brute force)."""
    index, requests = random_instance(seed, n_offers, n_requests, n_communities=1)
    result = plan(index, requests, weights)
    size, value = best_value_of_maximum_size(index, requests, weights)
    served = result.rows >= 0
    priority = np.array(
        [r.priority(weights.urgency_weight, weights.vulnerable_weight) for r in requests]
    )
    assert result.n_matched == size
    assert math.isclose(
        float((priority[served] + result.scores[served]).sum()), value, abs_tol=1e-9
    )
