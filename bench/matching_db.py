"""The matching layer on bench/city.py's city in a real database: cold build, delta, plan page.

    python -m bench.matching_db --json                     # SQLite (a temp file)
    dropdb -h 127.0.0.1 -U postgres --if-exists naober_e_city
    createdb -h 127.0.0.1 -U postgres naober_e_city
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/naober_e_city \\
        python -m bench.matching_db --json              # PostgreSQL (an empty database)

Fills the community (100,000 residents, 50,000 offers; ``bench.api_suggest.fill``) with
``--open`` open requests (default 500, the plan page's limit), then measures in this process,
each figure the median of ``--repeat`` runs side by side with a trivial view (``/healthz``):

- ``cold_build_ms``: a process's first suggestion in the community: ``cache.forget()``, then one
  ``suggestions`` call, which reads every offer and builds the index (target <= 1,000 ms);
- ``warm_ms``: a suggestion call with the cached index current (the usual case);
- ``delta_ms``: the next suggestion call of a process whose cached index is one change behind
  (a helper paused an offer elsewhere: the cached entry is put back as another process still
  holds it, and the call applies the logged step; ``builds`` shows no rebuild; target <= 50 ms);
- ``plan_page_ms``: GET of the plan page as the coordinator through Django's test client
  with nothing changed since the last visit (target <= 300 ms), with its query count and size;
- ``plan_after_change_ms``: the same GET right after a small change (a helper pauses an offer;
  the change itself is not timed): the kept plan, out of date, without the paused offer's line;
- ``plan_refresh_ms``: making and keeping a new plan (``plans.make_plan``: what the task worker
  does after a change, or the page's "refresh" button).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench.api_suggest import SLUG, fill
from bench.city import make_city, make_requests


def _setup_django(var_dir: Path) -> None:
    """A fresh SQLite file unless DATABASE_URL names an (empty) database; then migrate."""
    os.environ["NAOBER_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var_dir / 'bench.sqlite3'}")
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ["REQUIRE_2FA_FOR_STAFF"] = "0"  # the coordinator logs in without a code app
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _median_ms(run, repeat: int) -> tuple[float, float]:
    """(wall, CPU) milliseconds, medians: CPU time of this process is what other load on a
    shared machine does not inflate (it leaves out the PostgreSQL server's own work)."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - start_cpu) * 1e3)
    return round(statistics.median(times), 1), round(statistics.median(cpu), 1)


def measure(args) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from naober.communities.context import resolve_actor
    from naober.exchange import services
    from naober.exchange.models import HelpOffer, HelpRequest
    from naober.matchmaking import cache, plans
    from naober.matchmaking.ranking import suggestions

    city = make_city(args.residents, args.offers, seed=args.seed)
    probe = make_requests(city, args.open, seed=args.seed + 5, helpers=city.offers["person_id"])
    t0 = time.perf_counter()
    coordinator, request_ids = fill(city, probe)
    fill_seconds = time.perf_counter() - t0
    actor = resolve_actor(coordinator.user, SLUG)
    community = actor.community
    help_request = HelpRequest.objects.get(pk=request_ids[0])
    client = Client()
    client.force_login(coordinator.user)

    def trivial():
        response = client.get("/healthz")
        assert response.status_code == 200, (response.status_code, response.headers)

    def cold():
        cache.forget()
        suggestions(actor, help_request)

    offers = iter(
        list(HelpOffer.objects.filter(community=community, available=True).order_by("id")[:20])
    )

    stale = []

    def pause():
        stale[:] = [cache.entry_for(community)]
        offer = next(offers)
        services.update_offer(actor, offer, {"available": False})  # the coordinator pauses it
        cache._entries[community.pk] = stale[0]  # as another process still holds it

    page = f"/c/{SLUG}/workbench/plan/"

    def plan_page():
        response = client.get(page)
        assert response.status_code == 200, response.status_code

    if args.profile:  # where a cold build and a delta spend their time, to stderr
        import cProfile
        import pstats

        plan_page()  # the first page imports and compiles templates: leave it out
        for name, run in (("cold", cold), ("delta", None), ("plan page", plan_page)):
            if run is None:  # the call after another process's change
                pause()
                run = partial(suggestions, actor, help_request)
            profile = cProfile.Profile()
            profile.runcall(run)
            print(f"--- {name}", file=sys.stderr)
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    trivial_ms = _median_ms(trivial, args.repeat)
    cold_ms = _median_ms(cold, args.repeat)
    warm_ms = _median_ms(partial(suggestions, actor, help_request), args.repeat)
    builds = cache.stats["builds"]
    delta_times = []
    for _ in range(args.repeat):
        pause()
        delta_times.append(_median_ms(partial(suggestions, actor, help_request), 1))
    delta_ms = tuple(statistics.median(t[k] for t in delta_times) for k in (0, 1))
    rebuilt = cache.stats["builds"] - builds
    plan_page()  # warm
    plan_ms = _median_ms(plan_page, args.repeat)
    more = iter(
        list(HelpOffer.objects.filter(community=community, available=True).order_by("-id")[:20])
    )
    after_change = []
    for _ in range(args.repeat):
        services.update_offer(actor, next(more), {"available": False})
        after_change.append(_median_ms(plan_page, 1))
    after_ms = tuple(statistics.median(t[k] for t in after_change) for k in (0, 1))
    refresh_ms = _median_ms(partial(plans.make_plan, community), args.repeat)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    lines = response.content.count(b'name="offer"')
    return {
        "benchmark": "matching_db",
        "database": connection.vendor,
        "offers": int(city.offers["person_id"].shape[0]),
        "open_requests": len(request_ids),
        "fill_seconds": round(fill_seconds, 1),
        "trivial_ms": trivial_ms[0],
        "trivial_cpu_ms": trivial_ms[1],
        "cold_build_ms": cold_ms[0],
        "cold_build_cpu_ms": cold_ms[1],
        "warm_ms": warm_ms[0],
        "warm_cpu_ms": warm_ms[1],
        "delta_ms": delta_ms[0],
        "delta_cpu_ms": delta_ms[1],
        "delta_rebuilds": rebuilt,
        "plan_page_ms": plan_ms[0],
        "plan_page_cpu_ms": plan_ms[1],
        "plan_page_queries": len(queries),
        "plan_page_kb": round(len(response.content) / 1024, 1),
        "plan_page_lines": lines,
        "plan_after_change_ms": after_ms[0],
        "plan_after_change_cpu_ms": after_ms[1],
        "plan_refresh_ms": refresh_ms[0],
        "plan_refresh_cpu_ms": refresh_ms[1],
        "repeat": args.repeat,
        "load_average_1m": round(os.getloadavg()[0], 1),
    }


def main(argv=None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.matching_db", description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=50_000)
    parser.add_argument("--open", type=int, default=500, help="open requests")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--profile", action="store_true", help="cProfile one of each to stderr")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="naober-bench-") as tmp:
        _setup_django(Path(tmp))
        result = measure(args)
    print(json.dumps(result, sort_keys=True) if args.json else json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
