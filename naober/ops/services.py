"""The rate-limit counters that every server process shares, and the limit they are held to.

Limits are named in settings.RATE_LIMITS ("count/period" with period s, m or h) and switched off as
a whole by RATE_LIMITS_ENABLED. Every write of RateCount stays here; the pages that answer "wait a
moment" and the API's throttle (naober/privacy/ratelimit.py, naober/api/throttle.py) call `allow`.
"""

import random
import time
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from naober.ops.models import RateCount

PERIODS = {"s": 1, "m": 60, "h": 3600}
UPSERT = (
    "INSERT INTO {table} ({key}, count, expires) VALUES (%s, 1, %s) "
    "ON CONFLICT ({key}) DO UPDATE SET count = {table}.count + 1 RETURNING count"
)


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()[0]]


def count_attempt(key: str, seconds: int) -> int:
    """Add one to the shared counter `key` (created for `seconds`) and return the new count."""
    expires = timezone.now() + timedelta(seconds=seconds + 1)
    with connection.cursor() as cursor:
        sql = UPSERT.format(
            table=connection.ops.quote_name(RateCount._meta.db_table),
            key=connection.ops.quote_name("key"),
        )
        cursor.execute(sql, [key, expires])
        count = cursor.fetchone()[0]
    if random.random() < 0.01:  # now and then, forget windows that are over
        RateCount.objects.filter(expires__lt=timezone.now()).delete()
    return count


def allow(scope: str, ident: str) -> bool:
    """Count one attempt in the current window; False once the window's limit is reached."""
    if not settings.RATE_LIMITS_ENABLED:
        return True
    limit, seconds = parse_rate(settings.RATE_LIMITS[scope])
    key = f"{scope}:{ident}:{int(time.time() // seconds)}"[:200]
    return count_attempt(key, seconds) <= limit
