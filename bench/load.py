"""Load test of the main API calls (run by hand, never in CI).

    .venv/bin/python -m bench.load [--requests 400] [--concurrency 8] [--seconds 60]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/naober_load .venv/bin/python -m bench.load

It migrates and seeds a throwaway database (a temporary SQLite file unless DATABASE_URL is set),
serves the WSGI app with the standard library's ThreadingHTTPServer on 127.0.0.1 in a child
process, fires a bounded number of requests per endpoint from a thread pool and prints requests per
second and the 50th/95th percentile latency as a Markdown table, with the machine it ran on.
"""

import argparse
import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test-wachtwoord"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128


def serve(port: int) -> None:
    """Child process: the Django app behind a threaded stdlib HTTP server."""
    from naober.wsgi import application

    make_server(
        "127.0.0.1", port, application, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    ).serve_forever()


def seed(people: int) -> None:
    """A community with residents, offers and requests, and a coordinator with a known password."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from naober.communities.models import Membership
    from naober.communities.services import create_community
    from naober.people.models import Person

    if Person.objects.filter(community__slug="last").exists():
        return
    community = create_community(slug="last", name="Buurthulp Last", municipality="Hoogeveen")
    user = get_user_model().objects.create_user("coordinator", password=PASSWORD)
    boss = Person.objects.create(
        community=community, user=user, name="Co Ordinator", phone="06 12345678"
    )
    Membership.objects.create(person=boss, role="coordinator")
    residents = Person.objects.bulk_create(
        Person(
            community=community,
            name=f"Bewoner {n}",
            phone=f"06 {10000000 + n}",
            phone_digits=f"06{10000000 + n}",  # bulk_create skips Person.save()
        )
        for n in range(people)
    )
    Membership.objects.bulk_create(Membership(person=p, role="resident") for p in residents)
    try:
        from naober.exchange.models import Category, HelpOffer, HelpRequest

        category = Category.objects.filter(community=community).first()
        HelpRequest.objects.bulk_create(
            HelpRequest(community=community, requester=p, category=category, title="Boodschappen")
            for p in residents[: people // 2]
        )
        HelpOffer.objects.bulk_create(
            HelpOffer(community=community, helper=p, description="Ik help graag")
            for p in residents[people // 2 :]
        )
    except Exception as exc:  # the exchange models may change; the people calls still run
        print(f"(exchange rows not seeded: {exc})", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(port: int, method: str, path: str, token: str | None, body: dict | None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return time.perf_counter() - started, response.status, data


def measure(port, method, path, token, body, requests, concurrency, deadline):
    latencies, statuses = [], {}

    def one(_):
        if time.monotonic() > deadline:
            return None
        return call(port, method, path, token, body)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for result in pool.map(one, range(requests)):
            if result is None:
                continue
            latencies.append(result[0])
            statuses[result[1]] = statuses.get(result[1], 0) + 1
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    return {
        "n": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": pct(0.5),
        "p95": pct(0.95),
        "statuses": statuses,
    }


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400, help="per endpoint (token: a fifth)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="time budget per endpoint")
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")
    if args.serve:
        serve(args.serve)
        return
    env = dict(
        os.environ,
        DEBUG="0",
        RATE_LIMITS_ENABLED="0",
        REQUIRE_2FA_FOR_STAFF="0",
        SECURE_COOKIES="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="ERROR",
    )
    env.setdefault("NAOBER_VAR_DIR", tempfile.mkdtemp(prefix="naober-load-"))
    # The stdlib server starts a thread per request: persistent connections would pile up until
    # PostgreSQL refuses more clients, so each request closes its own (as with a threaded server
    # in production; see docs/operations.md).
    env.setdefault("DATABASE_CONN_MAX_AGE", "0")
    os.environ.update(env)
    seed(args.people)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.load", "--serve", str(port)], cwd=ROOT, env=env
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        _, status, data = call(
            port, "POST", "/api/v1/token", None, {"username": "coordinator", "password": PASSWORD}
        )
        assert status == 200, data
        token = json.loads(data)["token"]
        endpoints = [
            (
                "POST",
                "/api/v1/token",
                None,
                {"username": "coordinator", "password": PASSWORD},
                max(1, args.requests // 5),
            ),
            ("GET", "/api/v1/c/last/me", token, None, args.requests),
            ("GET", "/api/v1/c/last/people?limit=50", token, None, args.requests),
            ("GET", "/api/v1/c/last/categories", token, None, args.requests),
            ("GET", "/api/v1/c/last/requests?limit=50", token, None, args.requests),
            ("GET", "/api/v1/c/last/offers?limit=50", token, None, args.requests),
        ]
        from django.db import connection

        print(
            f"Database: {connection.vendor}; machine: {os.cpu_count()} CPUs ({cpu_model()}), "
            f"Python {platform.python_version()}; concurrency {args.concurrency}"
        )
        print()
        print("| call | requests | req/s | p50 ms | p95 ms | statuses |")
        print("|---|---:|---:|---:|---:|---|")
        for method, path, auth, body, count in endpoints:
            _, probe, _ = call(port, method, path, auth, body)
            if probe == 404:
                print(f"| {method} {path} | – | – | – | – | not mounted |")
                continue
            result = measure(
                port,
                method,
                path,
                auth,
                body,
                count,
                args.concurrency,
                time.monotonic() + args.seconds,
            )
            print(
                f"| {method} {path} | {result['n']} | {result['rps']:.0f} | "
                f"{result['p50']:.1f} | {result['p95']:.1f} | {result['statuses']} |"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
