"""suggest on toy examples: ranking, one suggestion per helper, reasons."""

import numpy as np

from naober.matching import (
    GENDER_WOMAN,
    KIND_PRACTICAL,
    ONLY_WOMEN,
    REASON_CODES,
    REASON_PARAMS,
    REASON_TEXT_NL,
    Request,
    Weights,
    availability_mask,
    bitmask,
    build_index,
    suggest,
    suggest_dense,
    top_k_per_person,
)

KINDS = [KIND_PRACTICAL, KIND_PRACTICAL]


def test_nearer_helper_ranks_first_and_ties_break_by_row():
    idx = build_index(
        {
            "person_id": [1, 2, 3],
            "categories": [1, 1, 1],
            "x": [900.0, 100.0, 100.0],
            "y": [0.0] * 3,
        },
        KINDS,
    )
    got = suggest(idx, Request(99, 0, x=0.0, y=0.0), k=3)
    assert [s.row for s in got] == [1, 2, 0]
    assert got[0].score == got[1].score
    assert all(0.0 <= s.score <= 1.0 for s in got)


def test_exact_category_beats_same_kind():
    idx = build_index({"person_id": [1, 2], "categories": [0b10, 0b01]}, KINDS)
    assert [s.person_id for s in suggest(idx, Request(99, 0))] == [2, 1]


def test_one_suggestion_per_helper_with_their_best_offer():
    idx = build_index(
        {"person_id": [1, 1, 2], "categories": [0b10, 0b01, 0b01], "x": [0.0, 0.0, 50.0]}
        | {"y": [0.0] * 3},
        KINDS,
    )
    got = suggest(idx, Request(99, 0, x=0.0, y=0.0), k=10)
    assert [(s.row, s.person_id) for s in got] == [(1, 1), (2, 2)]


def test_k_limits_and_empty_index():
    idx = build_index({"person_id": list(range(20)), "categories": [1] * 20}, KINDS)
    assert len(suggest(idx, Request(99, 0), k=5)) == 5
    assert suggest(idx, Request(99, 0), k=0) == []
    empty = build_index({"person_id": [], "categories": []}, KINDS)
    assert suggest(empty, Request(99, 0)) == []


def test_continuity_and_idle_turn_the_ranking():
    cols = {"person_id": [1, 2], "categories": [1, 1], "x": [100.0, 400.0], "y": [0.0, 0.0]}
    idx = build_index(cols, KINDS)
    req = Request(99, 0, x=0.0, y=0.0)
    assert suggest(idx, req)[0].person_id == 1
    assert suggest(idx, Request(99, 0, x=0.0, y=0.0, helped_by_person_ids=(2,)))[0].person_id == 2
    idle = build_index(cols | {"days_idle": [0.0, 90.0]}, KINDS)
    assert suggest(idle, req)[0].person_id == 2


def test_reasons_are_codes_with_parameters():
    idx = build_index(
        {
            "person_id": [7],
            "categories": [bitmask([0])],
            "x": [300.0],
            "y": [400.0],
            "street": [3],
            "neighbourhood": [2],
            "availability": [availability_mask([(0, 0), (2, 1)])],
            "languages": [bitmask([0, 4])],
            "gender": [GENDER_WOMAN],
            "room_left": [2],
            "days_idle": [40.0],
            "completed": [9],
            "stopped": [0],
        },
        KINDS,
    )
    req = Request(
        99,
        0,
        x=0.0,
        y=0.0,
        street=3,
        neighbourhood=2,
        availability=availability_mask([(2, 1)]),
        languages=bitmask([0, 4]),
        preferred_genders=ONLY_WOMEN,
        preferred_person_ids=(7,),
        helped_by_person_ids=(7,),
    )
    (only,) = suggest(idx, req)
    assert only.reasons == (
        ("preferred_helper", {}),
        ("helped_before", {}),
        ("exact_category", {}),
        ("same_street", {}),
        ("distance_m", {"m": 500}),
        ("available_when_asked", {}),
        ("shared_language", {}),
        ("matches_preference", {}),
        ("room_left", {"n": 2}),
        ("waiting_long", {"days": 40}),
        ("reliable", {}),
    )


def test_reasons_for_a_plain_new_helper():
    idx = build_index(
        {"person_id": [7], "categories": [0b10], "neighbourhood": [2], "languages": [1]}, KINDS
    )
    (only,) = suggest(idx, Request(99, 0, neighbourhood=2, languages=1))
    # Dutch only is no news; no coordinates means no distance; never helped means new helper
    assert only.reasons == (
        ("same_kind", {}),
        ("same_neighbourhood", {}),
        ("room_left", {"n": 1}),
        ("new_helper", {}),
    )


def test_every_reason_code_has_dutch_wording_with_its_parameters():
    assert set(REASON_CODES) == set(REASON_TEXT_NL)
    assert len(REASON_CODES) == len(set(REASON_CODES))
    for code in REASON_CODES:
        params = {p: 2 for p in REASON_PARAMS.get(code, ())}
        text = REASON_TEXT_NL[code].format(**params)
        assert "{" not in text and text
    assert REASON_TEXT_NL["room_left"].format(n=2) == "heeft deze maand nog 2 keer ruimte"


def test_top_k_per_person_handles_ties_and_infinities():
    rows = np.arange(6)
    scores = np.array([0.5, 0.5, -np.inf, 0.7, 0.5, 0.5])
    persons = np.array([1, 2, 3, 4, 1, 5])
    assert top_k_per_person(rows, scores, persons, 10).tolist() == [3, 0, 1, 5]
    assert top_k_per_person(rows, scores, persons, 2).tolist() == [3, 0]


def test_suggest_dense_agrees_on_toy():
    idx = build_index(
        {"person_id": [1, 2, 3], "categories": [1, 2, 1], "x": [5.0, 1.0, 3.0], "y": [0.0] * 3},
        KINDS,
    )
    req = Request(99, 0, x=0.0, y=0.0)
    assert suggest(idx, req, Weights(), 2) == suggest_dense(idx, req, Weights(), 2)
