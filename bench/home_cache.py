"""The public community home with and without its cache (issue 16.5), beside a trivial view.

Run by hand on a seeded database (not in the unit suite):
    NAOBER_VAR_DIR=/tmp/var_x .venv/bin/python manage.py migrate
    DEBUG=1 NAOBER_VAR_DIR=/tmp/var_x .venv/bin/python manage.py seed_demo
    NAOBER_VAR_DIR=/tmp/var_x .venv/bin/python manage.py shell < bench/home_cache.py
Prints median and p95 wall milliseconds and the median CPU milliseconds of this process (what
other load on a shared machine does not inflate) through Django's test client (in-process), two
rounds. On PostgreSQL put DATABASE_URL before each command.
"""

import statistics
import time

from django.test import Client

from naober.communities.models import Community
from naober.core import home_cache

client = Client(HTTP_HOST="127.0.0.1")
community = Community.objects.order_by("pk").first()


def measure(path: str, n: int = 200, cold: bool = False) -> tuple[float, float, float]:
    """Wall median and p95 and CPU median of n GETs; cold empties the home's cache before each."""
    times, cpu = [], []
    for _ in range(n):
        if cold:
            home_cache.invalidate(community.pk)
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, response.status_code
    times.sort()
    return (
        round(statistics.median(times), 1),
        round(times[int(n * 0.95)], 1),
        round(statistics.median(cpu), 1),
    )


for _round in range(2):
    print("trivial /healthz", measure("/healthz"))
    print("home from the cache", measure(f"/c/{community.slug}/"))
    print("home, cache emptied", measure(f"/c/{community.slug}/", cold=True))
