"""Benchmark and simulation of the matching engine on a synthetic city.

One file on purpose (about 460 lines): every figure of docs/benchmarks.md's engine section comes
from this one command, and its JSON line is built from all of them together.

    python -m bench.matching                 # readable tables (suggest, batch, 3-week simulation)
    python -m bench.matching --json          # the same measurements, ends with ONE JSON line
    python -m bench.matching --residents 20000 --offers 10000 --batch 1000   # smaller

What is measured (single process, warm, ``time.perf_counter``):

- ``suggest_ms_median``: ``suggest`` (postings, top 10 with reasons) for one request, median over
  ``--suggest-requests`` requests; ``bruteforce_ms_median``: ``suggest_dense`` for the same
  requests (``score_all_dense`` over every offer + the same top-10 selection and reasons). Both
  answers are compared: ``suggest_equals_bruteforce``.
- ``batch_seconds``: ``plan`` for ``--batch`` open requests (edges, max flow, assignment), the
  median of ``--plan-repeats`` runs (``batch_cpu_seconds``: the median process CPU time).
  ``optimal_matched`` is an independent maximum flow over the pairs that ``score_all_dense``
  marks feasible (no postings, no plan code); ``greedy_matched`` is ``greedy_plan``.
- ``--baseline DIR``: the same plan by another version of the engine, side by side in the same
  run (the two alternate, ``--plan-repeats`` times each, so load on the machine hits both
  alike). DIR holds that version's ``naober/matching``, e.g.
  ``git archive <commit> naober/matching | tar -x -C DIR``. Reported: ``baseline_batch_seconds``
  and ``baseline_batch_cpu_seconds`` (medians), their ratios to this version
  (``plan_speedup``, ``plan_cpu_speedup``), both plans' size and sum of fit scores, and
  ``baseline_same_plan`` (the same offer row for every request).
- ``rss_mb``: peak resident memory of the process (``resource.getrusage``).

The simulation (table mode) replays ``--sim-days`` days of arriving requests under three ways of
working: *self-service only* (each day an open request gets a response with some probability,
higher for residents who are online, and takes a random feasible helper with room), *greedy
dispatch* (a coordinator, daily, first come first served, nearest helper) and the daily *plan*.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

from bench.city import City, make_city, make_requests, requester_is_digital
from naober.matching import (
    DEFAULT_WEIGHTS,
    OfferIndex,
    Plan,
    Request,
    Weights,
    build_index,
    greedy_plan,
    plan,
    score_all_dense,
    suggest,
    suggest_dense,
)
from naober.matching.features import effective_distance
from naober.matching.suggest import feasible_scores


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def measure_suggest(
    index: OfferIndex, requests: Sequence[Request], weights: Weights, k: int = 10
) -> dict[str, Any]:
    """Median wall time of ``suggest`` and of the dense brute force on the same requests."""
    for r in requests[:10]:  # warm up caches and NumPy dispatch
        suggest(index, r, weights, k)
        suggest_dense(index, r, weights, k)
    fast, dense, equal = [], [], True
    for r in requests:
        t0 = time.perf_counter()
        a = suggest(index, r, weights, k)
        t1 = time.perf_counter()
        b = suggest_dense(index, r, weights, k)
        t2 = time.perf_counter()
        fast.append((t1 - t0) * 1e3)
        dense.append((t2 - t1) * 1e3)
        equal &= a == b
    return {
        "suggest_ms_median": round(statistics.median(fast), 3),
        "suggest_ms_p95": round(float(np.percentile(fast, 95)), 3),
        "bruteforce_ms_median": round(statistics.median(dense), 3),
        "suggest_equals_bruteforce": bool(equal),
    }


def independent_optimum(index: OfferIndex, requests: Sequence[Request], weights: Weights) -> int:
    """Maximum number of matchable requests, from the dense reference alone: feasible pairs are
    ``isfinite(score_all_dense)``, helpers are person ids, capacity is a helper's room; then a
    max flow source -> request (1) -> helper (room) -> sink."""
    n = len(requests)
    persons, room_of = np.unique(index.person_id, return_inverse=True)
    room = np.full(persons.size, np.iinfo(np.int64).max)
    np.minimum.at(room, room_of, index.room_left)
    tails, heads = [], []
    for i, r in enumerate(requests):
        feasible = np.flatnonzero(np.isfinite(score_all_dense(index, r, weights)))
        helpers = np.unique(room_of[feasible])
        tails.append(np.full(helpers.size, 1 + i))
        heads.append(1 + n + helpers)
    sink = 1 + n + persons.size
    t = np.concatenate([np.zeros(n, np.int64), *tails, 1 + n + np.arange(persons.size)])
    h = np.concatenate([1 + np.arange(n), *heads, np.full(persons.size, sink)])
    c = np.concatenate([np.ones(n), np.ones(sum(x.size for x in tails)), room]).astype(np.int32)
    keep = c > 0
    graph = csr_array((c[keep], (t[keep], h[keep])), shape=(sink + 1, sink + 1))
    return int(maximum_flow(graph, 0, sink).flow_value)


def _timed(run: Callable[[], Plan]) -> tuple[Plan, float, float]:
    """(result, wall seconds, process CPU seconds) of one call."""
    c0, t0 = time.process_time(), time.perf_counter()
    result = run()
    return result, time.perf_counter() - t0, time.process_time() - c0


def _score_sum(p: Plan) -> float:
    return round(float(p.scores[p.rows >= 0].sum()), 6)


def load_baseline(directory: str) -> ModuleType:
    """Another version's ``naober/matching`` (under ``directory``) as a package of its own, so the
    two can run in one process on the same index and requests."""
    init = Path(directory) / "naober" / "matching" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        "baseline_matching", init, submodule_search_locations=[str(init.parent)]
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"no naober/matching package under {directory}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def measure_batch(
    index: OfferIndex,
    requests: Sequence[Request],
    weights: Weights,
    max_candidates: int | None,
    with_optimum: bool = True,
    repeats: int = 1,
    baseline: ModuleType | None = None,
) -> dict[str, Any]:
    runs: dict[str, list[tuple[Plan, float, float]]] = {"plan": [], "baseline": []}
    for _ in range(repeats):  # alternate, so that load on the machine hits both versions alike
        if baseline is not None:
            runs["baseline"].append(
                _timed(
                    lambda: baseline.plan(index, requests, weights, max_candidates=max_candidates)
                )
            )
        runs["plan"].append(
            _timed(lambda: plan(index, requests, weights, max_candidates=max_candidates))
        )
    result = runs["plan"][-1][0]
    wall = statistics.median(t for _, t, _ in runs["plan"])
    cpu = statistics.median(c for _, _, c in runs["plan"])
    t1 = time.perf_counter()
    greedy = greedy_plan(index, requests, weights)
    t2 = time.perf_counter()
    out: dict[str, Any] = {
        "batch_requests": len(requests),
        "batch_repeats": repeats,
        "batch_seconds": round(wall, 3),
        "batch_cpu_seconds": round(cpu, 3),  # robust to other load on the machine
        "batch_matched": result.n_matched,
        "batch_score_sum": _score_sum(result),
        "batch_exact_cardinality": result.exact_cardinality,
        "batch_max_candidates": max_candidates,
        "greedy_matched": greedy.n_matched,
        "greedy_seconds": round(t2 - t1, 3),
    }
    if baseline is not None:
        before = runs["baseline"][-1][0]
        b_wall = statistics.median(t for _, t, _ in runs["baseline"])
        b_cpu = statistics.median(c for _, _, c in runs["baseline"])
        out.update(
            baseline_batch_seconds=round(b_wall, 3),
            baseline_batch_cpu_seconds=round(b_cpu, 3),
            baseline_matched=before.n_matched,
            baseline_score_sum=_score_sum(before),
            baseline_same_plan=bool(np.array_equal(before.rows, result.rows)),
            plan_speedup=round(b_wall / wall, 2),
            plan_cpu_speedup=round(b_cpu / cpu, 2),
        )
    vulnerable = np.array([r.vulnerable for r in requests])
    urgent = np.array([r.urgency >= 2 for r in requests])
    for name, p in (("plan", result), ("greedy", greedy)):
        out[f"{name}_vulnerable_matched_share"] = round(float((p.rows[vulnerable] >= 0).mean()), 4)
        out[f"{name}_urgent_matched_share"] = round(float((p.rows[urgent] >= 0).mean()), 4)
    if with_optimum:
        t3 = time.perf_counter()
        out["optimal_matched"] = independent_optimum(index, requests, weights)
        out["optimal_seconds"] = round(time.perf_counter() - t3, 3)
    else:
        out["optimal_matched"] = None
    return out


def build_report(measurements: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The JSON report. Other code (the Django layer's benchmark) extends it by passing keys.

    ``api_suggest_ms_median`` is filled in by ``bench/api_suggest.py`` (through the real
    ``/requests/{id}/suggestions`` API); it stays null with ``--no-api``.
    """
    report: dict[str, Any] = {
        "benchmark": "matching",
        "api_suggest_ms_median": None,  # filled in by bench/api_suggest.py (the real API)
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_1m": round(
            os.getloadavg()[0], 2
        ),  # other work on the machine skews wall time
    }
    report.update(measurements)
    report.update(extra)
    report["rss_mb"] = round(peak_rss_mb(), 1)
    return report


# --- simulation ---------------------------------------------------------------------------------


def gini(values: np.ndarray) -> float:
    """Gini coefficient of non-negative values (0 = everyone the same, 1 = one has it all).

    >>> gini(np.array([1, 1, 1, 1]))
    0.0
    """
    v = np.sort(np.asarray(values, dtype=np.float64))
    if v.size == 0 or v.sum() == 0:
        return 0.0
    cum = np.cumsum(v)
    return float((v.size + 1 - 2 * (cum / cum[-1]).sum()) / v.size)


def _self_service_day(
    index: OfferIndex,
    open_requests: list[int],
    requests: Sequence[Request],
    digital: np.ndarray,
    weights: Weights,
    rng: np.random.Generator,
) -> dict[int, int]:
    """Residents respond to what they see: a request gets a response with probability 0.6 a day
    when its requester is online (the site), 0.1 when not (a notice board); the requester takes
    a random feasible helper with room among those who respond."""
    room = index.helper_room.copy()
    chosen: dict[int, int] = {}
    for i in open_requests:
        if rng.random() >= (0.6 if digital[i] else 0.1):
            continue
        rows, _ = feasible_scores(index, requests[i], weights)
        rows = rows[room[index.helper[rows]] > 0]
        if rows.size:
            row = int(rng.choice(rows))
            room[index.helper[row]] -= 1
            chosen[i] = row
    return chosen


def simulate(
    city: City,
    method: str,
    requests: Sequence[Request],
    days: int,
    weights: Weights,
    max_candidates: int | None,
    seed: int = 11,
) -> dict[str, Any]:
    """Run one way of working day by day; helpers' room shrinks as they are matched."""
    rng = np.random.default_rng(seed)
    digital = requester_is_digital(city, list(requests))
    base = dict(city.offers)
    room_rows = base["room_left"].copy()
    matched_row = np.full(len(requests), -1)
    matched_day = np.full(len(requests), -1)
    day_of = np.floor([r.created for r in requests]).astype(int)
    for day in range(days):
        index = build_index(base | {"room_left": room_rows}, city.category_kind)
        open_ids = [i for i in range(len(requests)) if day_of[i] <= day and matched_row[i] < 0]
        if not open_ids:
            continue
        if method == "self-service":
            chosen = _self_service_day(index, open_ids, requests, digital, weights, rng)
        else:
            batch = [requests[i] for i in open_ids]
            p: Plan = (
                plan(index, batch, weights, max_candidates=max_candidates)
                if method == "plan"
                else greedy_plan(index, batch, weights)
            )
            chosen = {open_ids[j]: int(row) for j, row in enumerate(p.rows.tolist()) if row >= 0}
        for i, row in chosen.items():
            matched_row[i] = row
            matched_day[i] = day
            helper_rows = base["person_id"] == base["person_id"][row]
            room_rows[helper_rows] -= 1
    return _metrics(city, requests, matched_row, matched_day, day_of)


def _metrics(city, requests, matched_row, matched_day, day_of) -> dict[str, Any]:
    matched = matched_row >= 0
    vulnerable = np.array([r.vulnerable for r in requests])
    index = build_index(city.offers, city.category_kind)
    distances = [
        float(effective_distance(index, np.array([row]), requests[i])[0])
        for i, row in enumerate(matched_row.tolist())
        if row >= 0
    ]
    finite = [d for d in distances if math.isfinite(d)]
    helpers_with_room = np.unique(index.person_id[index.live()])
    counts = dict.fromkeys(helpers_with_room.tolist(), 0)
    for row in matched_row[matched].tolist():
        person = int(index.person_id[row])
        counts[person] = counts.get(person, 0) + 1
    load = np.array(list(counts.values()))
    return {
        "match_rate": float(matched.mean()),
        "median_days_to_match": float(np.median((matched_day - day_of)[matched]))
        if matched.any()
        else math.nan,
        "mean_days_to_match": float(np.mean((matched_day - day_of)[matched]))
        if matched.any()
        else math.nan,
        "vulnerable_matched": float(matched[vulnerable].mean()) if vulnerable.any() else math.nan,
        "helpers_used_share": float((load > 0).mean()) if load.size else 0.0,
        "load_gini": gini(load),
        "mean_distance_m": float(np.mean(finite)) if finite else math.nan,
    }


def print_table(rows: dict[str, dict[str, Any]]) -> None:
    headers = (
        ("match_rate", "match rate", "{:.1%}"),
        ("median_days_to_match", "median days", "{:.1f}"),
        ("mean_days_to_match", "mean days", "{:.2f}"),
        ("vulnerable_matched", "vulnerable matched", "{:.1%}"),
        ("helpers_used_share", "helpers used", "{:.1%}"),
        ("load_gini", "load Gini", "{:.3f}"),
        ("mean_distance_m", "mean distance m", "{:.0f}"),
    )
    print("| way of working | " + " | ".join(h[1] for h in headers) + " |")
    print("|---|" + "---:|" * len(headers))
    for name, m in rows.items():
        print(f"| {name} | " + " | ".join(fmt.format(m[key]) for key, _, fmt in headers) + " |")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.matching", description=__doc__)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=5_000, help="open requests in the batch")
    parser.add_argument("--suggest-requests", type=int, default=200)
    parser.add_argument("--max-candidates", type=int, default=50, help="plan's edges per request")
    parser.add_argument("--no-optimum", action="store_true", help="skip the independent max flow")
    parser.add_argument("--plan-repeats", type=int, default=3, help="plan runs (median)")
    parser.add_argument(
        "--baseline", metavar="DIR", help="another version's naober/matching, side by side"
    )
    parser.add_argument("--sim-requests", type=int, default=6_000)
    parser.add_argument("--sim-days", type=int, default=21)
    parser.add_argument("--no-sim", action="store_true", help="skip the day-by-day simulation")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--no-api", action="store_true", help="skip the suggestions API (bench/api_suggest.py)"
    )
    parser.add_argument("--api-requests", type=int, default=100)
    return parser.parse_args(argv)


def _django_configured() -> bool:
    """Inside a Django process (the test suite) the API part cannot set up its own database."""
    from django.conf import settings

    return settings.configured


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    weights = DEFAULT_WEIGHTS
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print
    t0 = time.perf_counter()
    city = make_city(args.residents, args.offers, seed=args.seed)
    t1 = time.perf_counter()
    index = build_index(city.offers, city.category_kind)
    t2 = time.perf_counter()
    helpers = city.offers["person_id"]
    measurements: dict[str, Any] = {
        "residents": args.residents,
        "offers": args.offers,
        "live_offers": int(index.live().sum()),
        "helpers": int(index.helper_person_id.size),
        "helper_room_total": int(index.helper_room.sum()),
        "city_seconds": round(t1 - t0, 3),
        "index_build_ms": round((t2 - t1) * 1e3, 2),
    }
    log(f"city: {args.residents} residents, {args.offers} offers, index {t2 - t1:.3f}s")
    probe = make_requests(city, args.suggest_requests, seed=args.seed + 1, helpers=helpers)
    measurements.update(measure_suggest(index, probe, weights))
    log("suggest:", {k: v for k, v in measurements.items() if "ms" in k or "equal" in k})
    batch = make_requests(city, args.batch, seed=args.seed + 2, helpers=helpers)
    baseline = load_baseline(args.baseline) if args.baseline else None
    measurements.update(
        measure_batch(
            index,
            batch,
            weights,
            args.max_candidates,
            not args.no_optimum,
            repeats=args.plan_repeats,
            baseline=baseline,
        )
    )
    log(
        "batch:",
        {
            k: v
            for k, v in measurements.items()
            if k.startswith(("batch", "opt", "gr", "base", "plan_"))
        },
    )
    if not args.json and not args.no_sim:
        sim_requests = make_requests(
            city, args.sim_requests, seed=args.seed + 3, days=args.sim_days, helpers=helpers
        )
        rows = {
            name: simulate(city, name, sim_requests, args.sim_days, weights, args.max_candidates)
            for name in ("self-service", "greedy", "plan")
        }
        print(f"\n{args.sim_requests} requests arriving over {args.sim_days} days:\n")
        print_table(rows)
    api: dict[str, Any] = {}
    if not args.no_api and not _django_configured():  # last: it sets Django up on a temp database
        from bench.api_suggest import measure as measure_api

        api = measure_api(city, args.api_requests, args.seed)
        log("api:", api)
    report = build_report(measurements, **api)
    if args.json:
        print(json.dumps(report, sort_keys=True))
    else:
        print("\n" + json.dumps(report, sort_keys=True, indent=2))
    return report


if __name__ == "__main__":
    main()
