"""The city simulator is deterministic and the benchmark runs end to end on a tiny city.

No timings are asserted here: speed lives in bench/ only.
"""

import json
from pathlib import Path

import numpy as np

import bench
from bench.city import CATEGORIES, make_city, make_requests
from bench.matching import build_report, gini, main


def test_city_is_deterministic_and_plausible():
    a = make_city(2_000, 1_000, seed=5)
    b = make_city(2_000, 1_000, seed=5)
    for name, column in a.offers.items():
        np.testing.assert_array_equal(column, b.offers[name])
    assert 0.25 < (~a.digital).mean() < 0.45  # about a third offline
    assert a.category_kind.size == len(CATEGORIES)
    requests = make_requests(a, 300, seed=1)
    assert repr(requests) == repr(make_requests(a, 300, seed=1))  # repr: NaN != NaN
    assert {r.category for r in requests} <= set(range(len(CATEGORIES)))


def test_gini():
    assert gini(np.array([0, 0, 0, 4])) == 0.75
    assert gini(np.array([])) == 0.0


def test_report_keeps_the_api_slot_for_the_django_layer():
    report = build_report({"offers": 1}, extra_key=2)
    assert report["api_suggest_ms_median"] is None
    assert report["offers"] == 1 and report["extra_key"] == 2
    assert report["rss_mb"] > 0


def test_benchmark_runs_end_to_end_on_a_tiny_city(capsys):
    report = main(
        ["--json", "--residents", "3000", "--offers", "1500", "--batch", "200"]
        + ["--suggest-requests", "20"]
    )
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(last) == report
    assert report["suggest_equals_bruteforce"] is True
    assert report["batch_matched"] == report["optimal_matched"] >= report["greedy_matched"]


def test_baseline_runs_side_by_side(capsys):
    """``--baseline DIR`` times another copy of the engine on the same batch; this tree against
    itself gives the same plan."""
    root = Path(bench.__file__).resolve().parent.parent
    report = main(
        ["--json", "--residents", "3000", "--offers", "1500", "--batch", "200"]
        + ["--suggest-requests", "5", "--no-optimum", "--plan-repeats", "2"]
        + ["--baseline", str(root)]
    )
    assert report["batch_repeats"] == 2
    assert report["baseline_same_plan"] is True
    assert report["baseline_matched"] == report["batch_matched"]
    assert report["baseline_score_sum"] == report["batch_score_sum"]
    assert report["plan_speedup"] > 0 and report["plan_cpu_speedup"] > 0
