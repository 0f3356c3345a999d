"""Suggestions through the real API at city scale: ``api_suggest_ms_median``.

    python -m bench.api_suggest --json      # on its own (builds its own city)
    python -m bench.matching --json         # calls this after the engine measurements

A throwaway SQLite database (a temp file) is migrated and filled with bench/city.py's synthetic
community using bulk_create in batches: one Category per city category (same numbers), the Area
tree (districts, neighbourhoods, streets), a Person with a PersonLocation per helper and per probe
requester, every offer with its categories (``max_per_month`` is the helper's room left, so no
matches are needed), and the probe requests. Then ``GET /api/v1/c/<slug>/requests/<id>/
suggestions`` goes through Django's test Client with a bearer token: once to build the index
(``api_first_ms``: the cold rebuild another process pays after a change), then once per probe
request, warm; ``api_suggest_ms_median`` is the median in milliseconds (target: <= 100 ms), and
``api_suggest_cpu_ms_median`` the process CPU time of the same calls (other load on a shared
machine inflates wall time, not CPU time).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.city import CATEGORIES, LANGUAGES, City, make_city, make_requests

BATCH = 5_000
SLUG = "bench-stad"


def _setup_django(var_dir: Path) -> None:
    """Point Django at a fresh SQLite file before anything imports the settings."""
    os.environ["NAOBER_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _areas(community, city: City, people: np.ndarray) -> tuple[dict, dict]:
    """Area rows for where the people live: (street number -> Area, neighbourhood -> Area)."""
    from naober.communities.models import Area, AreaKind

    root = community.areas.get(parent=None)
    streets = {int(s) for s in city.street[people] if s >= 0}
    hoods = {int(city.neighbourhood[p]) for p in people}
    district_of_hood = {int(city.neighbourhood[p]): int(city.district[p]) for p in people}
    hood_of_street = {int(city.street[p]): int(city.neighbourhood[p]) for p in people}
    districts = Area.objects.bulk_create(
        Area(community=community, parent=root, kind=AreaKind.DISTRICT, name=f"Wijk {d}")
        for d in sorted(set(district_of_hood.values()))
    )
    district_area = {int(a.name.split()[-1]): a for a in districts}
    hood_rows = Area.objects.bulk_create(
        Area(
            community=community,
            parent=district_area[district_of_hood[h]],
            kind=AreaKind.NEIGHBOURHOOD,
            name=f"Buurt {h}",
        )
        for h in sorted(hoods)
    )
    hood_area = {int(a.name.split()[-1]): a for a in hood_rows}
    street_rows = Area.objects.bulk_create(
        (
            Area(
                community=community,
                parent=hood_area[hood_of_street[s]],
                kind=AreaKind.STREET,
                name=f"Straat {s}",
            )
            for s in sorted(streets)
        ),
        batch_size=BATCH,
    )
    area_of = {int(a.name.split()[-1]): a for a in street_rows}
    return area_of, hood_area


def fill(city: City, probe) -> tuple[object, list[int]]:
    """The synthetic community in the database; returns (coordinator, probe request ids)."""
    from django.contrib.auth import get_user_model

    from naober.communities.models import Membership
    from naober.communities.services import create_community
    from naober.exchange.models import AVAILABILITY_CODES, Category, HelpOffer, HelpRequest
    from naober.matching import KINDS
    from naober.matchmaking.models import PersonLocation
    from naober.people.models import Person

    community = create_community(slug=SLUG, name="Benchstad", municipality="Benchstad")
    Category.objects.filter(community=community).delete()
    categories = Category.objects.bulk_create(
        Category(community=community, code=code, label=label, kind=KINDS[kind], position=i)
        for i, (code, label, kind, _r, _o) in enumerate(CATEGORIES)
    )
    offers = city.offers
    requesters = np.array([r.person_id for r in probe], dtype=np.int64)
    people = np.unique(np.concatenate([offers["person_id"], requesters]))
    street_area, hood_area = _areas(community, city, people)
    genders = {1: "female", 2: "male"}
    language_codes = [code for code, _share in LANGUAGES]
    rows = []
    for p in people.tolist():
        area = street_area.get(int(city.street[p])) or hood_area[int(city.neighbourhood[p])]
        mask = int(city.languages[p])
        rows.append(
            Person(
                community=community,
                name=f"Bewoner {p}",
                area=area,
                gender=genders.get(int(city.gender[p]), ""),
                languages=[c for bit, c in enumerate(language_codes) if mask >> bit & 1],
            )
        )
    created = Person.objects.bulk_create(rows, batch_size=BATCH)
    person_pk = dict(zip(people.tolist(), (p.pk for p in created), strict=True))
    PersonLocation.objects.bulk_create(
        (
            PersonLocation(
                person_id=person_pk[p], x=float(city.x[p]), y=float(city.y[p]), source="manual"
            )
            for p in people.tolist()
            if math.isfinite(city.x[p])
        ),
        batch_size=BATCH,
    )
    offer_rows = []
    for i in range(offers["person_id"].shape[0]):
        radius = float(offers["travel_radius_m"][i])
        slots = int(offers["availability"][i])
        offer_rows.append(
            HelpOffer(
                community=community,
                helper_id=person_pk[int(offers["person_id"][i])],
                description="Ik help graag.",
                available=bool(offers["active"][i]),
                max_per_month=int(offers["room_left"][i]),
                availability=[c for bit, c in enumerate(AVAILABILITY_CODES) if slots >> bit & 1],
                radius_m=None if math.isinf(radius) else int(radius),
            )
        )
    made = HelpOffer.objects.bulk_create(offer_rows, batch_size=BATCH)
    through = HelpOffer.categories.through
    through.objects.bulk_create(
        (
            through(helpoffer_id=offer.pk, category_id=categories[c].pk)
            for offer, mask in zip(made, offers["categories"].tolist(), strict=True)
            for c in range(len(categories))
            if mask >> c & 1
        ),
        batch_size=BATCH,
    )
    requests = HelpRequest.objects.bulk_create(
        HelpRequest(
            community=community,
            requester_id=person_pk[r.person_id],
            category=categories[r.category],
            title="Hulp gevraagd",
        )
        for r in probe
    )
    user = get_user_model().objects.create(username="bench-coordinator")
    coordinator = Person.objects.create(community=community, user=user, name="Coördinator")
    Membership.objects.create(person=coordinator, role="coordinator")
    return coordinator, [r.pk for r in requests]


def measure(city: City, n_requests: int = 100, seed: int = 2024) -> dict[str, Any]:
    """Fill a temp database with `city` and time the suggestions API (see the module docstring)."""
    with tempfile.TemporaryDirectory(prefix="naober-bench-") as tmp:
        _setup_django(Path(tmp))
        from django.test import Client

        from naober.api.models import ApiToken

        probe = make_requests(city, n_requests, seed=seed + 5, helpers=city.offers["person_id"])
        t0 = time.perf_counter()
        coordinator, request_ids = fill(city, probe)
        fill_seconds = time.perf_counter() - t0
        _token, raw = ApiToken.issue(coordinator.user)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

        cpu: list[float] = []

        def get(request_id: int) -> float:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(f"/api/v1/c/{SLUG}/requests/{request_id}/suggestions")
            elapsed = (time.perf_counter() - start) * 1e3
            cpu.append((time.process_time() - start_cpu) * 1e3)
            if response.status_code != 200:
                raise RuntimeError(f"{response.status_code}: {response.content[:200]!r}")
            return elapsed

        first, first_cpu = get(request_ids[0]), cpu.pop()
        times = [get(request_id) for request_id in request_ids]
        return {
            "api_suggest_ms_median": round(statistics.median(times), 2),
            "api_suggest_cpu_ms_median": round(statistics.median(cpu), 2),
            "api_first_cpu_ms": round(first_cpu, 1),
            "api_suggest_ms_p90": round(float(np.percentile(times, 90)), 2),
            "api_first_ms": round(first, 1),
            "api_requests": len(times),
            "api_fill_seconds": round(fill_seconds, 1),
        }


def main(argv=None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.api_suggest", description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    city = make_city(args.residents, args.offers, seed=args.seed)
    result = measure(city, args.requests, args.seed)
    print(json.dumps(result, sort_keys=True) if args.json else json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
