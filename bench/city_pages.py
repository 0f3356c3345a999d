"""Every page of the city through a real server: latency, queries and bytes (issue 16.1).

Run by hand, never in CI:

    .venv/bin/python -m bench.city_pages                     # SQLite file in /tmp/naober-city-pages
    createdb -h 127.0.0.1 -U postgres naober_p_city          # once
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/naober_p_city
    .venv/bin/python -m bench.city_pages

The database is filled once with bench/city.py's city (100,000 residents, each a Person with a
resident membership; 50,000 offers, their helpers also volunteers; 1,000 open requests, a third
published, spread over two weeks; 300 requests with an active match and 1,000 done ones with a
completed match), plus one login per role. A later run finds the city and reuses it (`--fresh`
fills it again). Then `manage.py serve` starts as `make run` does (gunicorn, 2 processes x 4
threads, DEBUG off; no task worker) on `--port` (8105), and for each role the script logs in
through the login form, reads the landing page, and collects every page the menu and the landing
page link to within the community. Each page is fetched `--repeat` times, round robin over all
pages so that a change in the machine's load is spread evenly, with the trivial `/healthz` and the
public community home in the same rounds; the main API lists are fetched with a bearer token.
The number of queries per page is counted separately, in this process, with Django's test client
and CaptureQueriesContext on the same database (the second fetch, so a per-process cache that the
first fetch builds is warm, as it is in the server). Output: a Markdown table (and `--json`).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from bench.city import CATEGORIES, LANGUAGES, make_city, make_requests

ROOT = Path(__file__).resolve().parent.parent
SLUG = "bench-stad"
PASSWORD = "bench-wachtwoord"
BATCH = 5_000
TIMEOUT = 60
ROLES = ("coordinator", "resident", "volunteer", "core_group", "funder", "partner")
API_LISTS = (
    "me",
    "people?limit=50",
    "requests?limit=50",
    "offers?limit=50",
    "matches?limit=50",
    "categories",
    "areas",
    "areas?kind=neighbourhood",
    "areas?q=Straat+12&limit=50",
    "followups?limit=50",
)
# Links that are not pages to read: they change state, leave the site or download a file.
SKIP = re.compile(r"logout|/i18n/|\.(csv|pdf|ics|vcf)$|/export|/download|/letters?/.*\.pdf")


def setup_django(var_dir: Path) -> None:
    """Settings for this process and the server: the database from DATABASE_URL, DEBUG off."""
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["NAOBER_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var_dir / 'city.sqlite3'}")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="naober.settings",
        ALLOWED_HOSTS="testserver,localhost,127.0.0.1",
        DEBUG="0",
        RATE_LIMITS_ENABLED="0",
        REQUIRE_2FA_FOR_STAFF="0",
        SECURE_COOKIES="0",
        LOG_LEVEL="ERROR",
        ACCESS_LOG="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# Filling the city ----------------------------------------------------------------------------


def _people(community, city, street_area, hood_area) -> list[int]:
    """One Person (resident) per resident of the city; returns their primary keys in order."""
    from naober.communities.models import Membership
    from naober.people.models import Person

    genders = {1: "female", 2: "male"}
    codes = [code for code, _share in LANGUAGES]
    rows = []
    for p in range(city.n_residents):
        area = street_area.get(int(city.street[p])) or hood_area.get(int(city.neighbourhood[p]))
        mask = int(city.languages[p])
        digital = bool(city.digital[p])
        rows.append(
            Person(
                community=community,
                name=f"Bewoner{p} Stad",
                phone=f"06 {10_000_000 + p}",
                phone_digits=f"06{10_000_000 + p}",  # bulk_create skips Person.save()
                email=f"bewoner{p}@voorbeeld.nl" if digital else "",
                address=f"Straat {int(city.street[p])} {p % 200 + 1}",
                area=area,
                digital=digital,
                gender=genders.get(int(city.gender[p]), ""),
                languages=[c for bit, c in enumerate(codes) if mask >> bit & 1],
            )
        )
    pks = [person.pk for person in Person.objects.bulk_create(rows, batch_size=BATCH)]
    helpers = set(np.unique(city.offers["person_id"]).tolist())
    Membership.objects.bulk_create(
        (
            Membership(person_id=pk, role=role)
            for p, pk in enumerate(pks)
            for role in (("resident", "volunteer") if p in helpers else ("resident",))
        ),
        batch_size=BATCH,
    )
    return pks


def fill(n_residents: int, n_offers: int, n_requests: int, seed: int) -> None:
    """The city in the database (see the module docstring); takes a few minutes."""
    from django.utils import timezone

    from bench.api_suggest import _areas
    from naober.communities.services import create_community
    from naober.exchange.models import (
        AVAILABILITY_CODES,
        Category,
        HelpOffer,
        HelpRequest,
        Match,
    )
    from naober.matching import KINDS
    from naober.matchmaking.models import PersonLocation

    started = time.perf_counter()
    city = make_city(n_residents, n_offers, seed=seed)
    community = create_community(slug=SLUG, name="Benchstad", municipality="Benchstad")
    Category.objects.filter(community=community).delete()
    categories = Category.objects.bulk_create(
        Category(community=community, code=code, label=label, kind=KINDS[kind], position=i)
        for i, (code, label, kind, _r, _o) in enumerate(CATEGORIES)
    )
    street_area, hood_area = _areas(community, city, np.arange(city.n_residents))
    pks = _people(community, city, street_area, hood_area)
    PersonLocation.objects.bulk_create(
        (
            PersonLocation(
                person_id=pks[p], x=float(city.x[p]), y=float(city.y[p]), source="manual"
            )
            for p in range(city.n_residents)
            if math.isfinite(city.x[p])
        ),
        batch_size=BATCH,
    )
    offers = city.offers
    made = HelpOffer.objects.bulk_create(
        (
            HelpOffer(
                community=community,
                helper_id=pks[int(offers["person_id"][i])],
                description="Ik help graag.",
                available=bool(offers["active"][i]),
                max_per_month=int(offers["room_left"][i]) or 1,
                availability=[
                    c
                    for bit, c in enumerate(AVAILABILITY_CODES)
                    if int(offers["availability"][i]) >> bit & 1
                ],
                radius_m=None
                if math.isinf(float(offers["travel_radius_m"][i]))
                else int(offers["travel_radius_m"][i]),
            )
            for i in range(offers["person_id"].shape[0])
        ),
        batch_size=BATCH,
    )
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
    # Open requests, then history: requests with an active match and done ones.
    asked = make_requests(city, n_requests + 1_300, seed=seed + 5, helpers=offers["person_id"])
    statuses = ["open"] * n_requests + ["matched"] * 300 + ["done"] * 1_000
    requests = HelpRequest.objects.bulk_create(
        (
            HelpRequest(
                community=community,
                requester_id=pks[r.person_id],
                category=categories[r.category],
                title=f"Hulp bij {CATEGORIES[r.category][1]}",
                urgency=("normal", "low", "high")[r.urgency],
                needs_mediation=r.vulnerable,
                publish=i % 3 == 0,
                status=status,
            )
            for i, (r, status) in enumerate(zip(asked, statuses, strict=True))
        ),
        batch_size=BATCH,
    )
    now = timezone.now()
    for i, request in enumerate(requests):  # spread over two weeks (auto_now_add set "now")
        request.created_at = now - timedelta(minutes=(i * 37) % (14 * 24 * 60))
    HelpRequest.objects.bulk_update(requests, ["created_at"], batch_size=BATCH)
    rng = np.random.default_rng(seed)
    history = requests[n_requests:]
    picks = rng.choice(len(made), size=len(history), replace=False)
    Match.objects.bulk_create(
        (
            Match(
                community=community,
                request=request,
                offer=made[k],
                helper_id=made[k].helper_id,
                mode="mediated",
                state="active" if request.status == "matched" else "completed",
                helper_yes_at=now,
                requester_yes_at=now,
            )
            for request, k in zip(history, picks.tolist(), strict=True)
        ),
        batch_size=BATCH,
    )
    analyze()
    print(f"filled the city in {time.perf_counter() - started:.0f} s", flush=True)


def analyze() -> None:
    """Table statistics after the bulk load, as autovacuum would gather them in production.

    Without them (autovacuum off, or not yet run) PostgreSQL guesses a few rows per community
    and hash-joins all 100,000 people to sort them: the people page took 3.5 s instead of 50 ms
    of SQL. SQLite plans the same without statistics.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def role_logins() -> dict[str, object]:
    """One user per role (idempotent): role name -> Person."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from naober.communities.models import Community, Membership
    from naober.exchange.models import HelpOffer, HelpRequest
    from naober.people.models import Person

    community = Community.objects.get(slug=SLUG)
    users = get_user_model().objects
    hashed = None
    found = {}
    for role in ROLES:
        username = f"bench-{role}"
        person = Person.objects.filter(community=community, user__username=username).first()
        if person is None:
            hashed = hashed or make_password(PASSWORD)  # Argon2 once, not once per role
            user = users.create(username=username, password=hashed)
            if role == "resident":  # someone who asked for help
                person = HelpRequest.objects.filter(community=community, status="open")[0].requester
            elif role == "volunteer":  # a helper with offers
                person = HelpOffer.objects.filter(community=community).order_by("pk")[0].helper
            else:
                person = Person.objects.create(
                    community=community, name=f"Bench {role}", email=f"{role}@bench.nl"
                )
                Membership.objects.create(person=person, role=role)
            person.user = user
            person.save(update_fields=["user"])
        found[role] = person
    return found


# The server and the pages ---------------------------------------------------------------------


class Links(HTMLParser):
    """Hrefs inside <nav> (the menu) and inside <main> (the landing page's own links)."""

    def __init__(self):
        super().__init__()
        self.depth = {"nav": 0, "main": 0}
        self.menu: list[str] = []
        self.main: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.depth:
            self.depth[tag] += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            if self.depth["nav"]:
                self.menu.append(href)
            elif self.depth["main"]:
                self.main.append(href)

    def handle_endtag(self, tag):
        if tag in self.depth and self.depth[tag]:
            self.depth[tag] -= 1


def start_server(port: int, log: Path) -> subprocess.Popen:
    import requests

    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--no-worker", "--port", str(port)],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).ok:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"the server did not come up; see {log}")


def login(base: str, username: str):
    """A requests.Session logged in through the login form; returns (session, landing path)."""
    import requests

    session = requests.Session()
    form = session.get(f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    answer = session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        headers={"Referer": f"{base}/accounts/login/"},
    )
    if answer.status_code != 200 or "/accounts/login/" in answer.url:
        raise SystemExit(f"login of {username} failed: {answer.status_code} {answer.url}")
    return session, urllib.parse.urlsplit(answer.url).path


def pages_of(session, base: str, landing: str) -> list[str]:
    """The landing page and every community page its menu and its content link to."""
    parser = Links()
    parser.feed(session.get(base + landing).text)
    prefix = f"/c/{SLUG}/"
    found = [landing]
    for href in parser.menu + parser.main:
        path = urllib.parse.urljoin(landing, href.split("#")[0])
        if path.startswith(prefix) and not SKIP.search(path) and path not in found:
            found.append(path)
    return found


def api_session(base: str, username: str):
    import requests

    session = requests.Session()
    answer = session.post(
        f"{base}/api/v1/token", json={"username": username, "password": PASSWORD}, timeout=60
    )
    answer.raise_for_status()
    session.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return session


def count_queries(person, path: str, *, api: bool = False) -> int | None:
    """Queries of the second GET of `path` as `person`, through Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from naober.api.models import ApiToken

    client = Client()
    headers = {}
    if api:
        _token, raw = ApiToken.issue(person.user)
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    elif person is not None:
        client.force_login(person.user)
    client.get(path, **headers)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return len(queries) if response.status_code < 400 else None


class Failed:
    """A request that timed out or lost its connection (e.g. gunicorn's 30 s worker timeout)."""

    status_code = "timeout"
    content = b""


def get(session, url: str):
    import requests

    try:
        return session.get(url, timeout=TIMEOUT, allow_redirects=False)
    except requests.RequestException:
        return Failed()


def measure(args) -> list[dict]:
    import requests

    people = role_logins()
    base = f"http://127.0.0.1:{args.port}"
    log = Path(os.environ["NAOBER_VAR_DIR"]) / "serve.log"
    server = start_server(args.port, log)
    try:
        anonymous = requests.Session()
        targets = [("-", "/healthz", anonymous, None, False)]
        targets.append(("public", f"/c/{SLUG}/", anonymous, None, False))
        for role in args.roles:
            session, landing = login(base, f"bench-{role}")
            for path in pages_of(session, base, landing):
                if re.search(args.only, path):
                    targets.append((role, path, session, people[role], False))
        api = api_session(base, "bench-coordinator")
        for call in API_LISTS:
            path = f"/api/v1/c/{SLUG}/{call}"
            if re.search(args.only, path):
                targets.append(("coordinator API", path, api, people["coordinator"], True))
        print(f"{len(targets)} pages; warming up", flush=True)
        times = defaultdict(list)
        last = {}
        for target in targets:  # the first call builds per-process caches (both processes)
            for _ in range(2):
                started = time.perf_counter()
                get(target[2], base + target[1])
                if time.perf_counter() - started > 5:
                    print(f"slow: {target[0]} {target[1]}", flush=True)
        for round_number in range(args.repeat):
            for i, (_role, path, session, _person, _api) in enumerate(targets):
                started = time.perf_counter()
                last[i] = get(session, base + path)
                times[i].append((time.perf_counter() - started) * 1e3)
            print(f"round {round_number + 1}/{args.repeat}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    rows = []
    for i, (role, path, _session, person, api) in enumerate(targets):
        response = last[i]
        rows.append(
            {
                "role": role,
                "page": path.replace(f"/api/v1/c/{SLUG}", "API …").replace(f"/c/{SLUG}", "…"),
                "status": response.status_code,
                "median_ms": round(statistics.median(times[i]), 1),
                "p95_ms": round(float(np.percentile(times[i], 95)), 1),
                "kb": round(len(response.content) / 1024, 1),
                "count": (person, path, api),
            }
        )
    return rows


def verdict(row: dict) -> str:
    misses = []
    if row["median_ms"] > 150 or row["p95_ms"] > 300:
        misses.append("time")
    if row["queries"] is not None and row["queries"] > 25:
        misses.append("queries")
    if row["kb"] > 200:
        misses.append("size")
    return "**" + ", ".join(misses) + "**" if misses else "ok"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.city_pages", description=__doc__)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--roles", nargs="*", default=list(ROLES))
    parser.add_argument("--var-dir", default="/tmp/naober-city-pages")
    parser.add_argument("--fresh", action="store_true", help="empty the database and fill again")
    parser.add_argument("--fill-only", action="store_true")
    parser.add_argument(
        "--analyze", action="store_true", help="gather PostgreSQL's statistics of a filled city"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", default="", help="measure only paths matching this regex")
    parser.add_argument("--no-queries", action="store_true", help="do not count queries")
    args = parser.parse_args(argv)
    setup_django(Path(args.var_dir))
    from django.core.management import call_command

    from naober.communities.models import Community

    if args.fresh:
        call_command("flush", interactive=False, verbosity=0)
    if not Community.objects.filter(slug=SLUG).exists():
        fill(args.residents, args.offers, args.requests, args.seed)
    elif args.analyze:
        analyze()
    if args.fill_only:
        return
    rows = measure(args)
    from django.db import connection

    database = connection.vendor
    print(
        f"\n{database}, {args.repeat} rounds; {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load average after the rounds {os.getloadavg()[0]:.1f}\n"
    )
    print("| role | page | status | median ms | p95 ms | queries | KB | verdict |")
    print("|---|---|---:|---:|---:|---:|---:|---|", flush=True)
    saved = Path(os.environ["NAOBER_VAR_DIR"]) / f"times-{database}.json"
    saved.write_text(json.dumps([{k: v for k, v in r.items() if k != "count"} for r in rows]))
    for row in rows:  # queries are counted after the timing, one page at a time
        person, path, api = row.pop("count")
        row["queries"] = None if args.no_queries else count_queries(person, path, api=api)
        queries = "-" if row["queries"] is None else row["queries"]
        print(
            f"| {row['role']} | `{row['page']}` | {row['status']} | {row['median_ms']} | "
            f"{row['p95_ms']} | {queries} | {row['kb']} | {verdict(row)} |",
            flush=True,
        )
    if args.json:
        print(json.dumps({"database": database, "rows": rows}))


if __name__ == "__main__":
    main()
