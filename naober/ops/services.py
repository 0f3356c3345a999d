"""Writes of the rows that server processes share: the rate-limit counters.

The limits themselves (which scope allows how many attempts, the page that says "wait") belong to
naober/privacy/ratelimit.py; this module only counts, so that every write of RateCount stays here.
"""

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from naober.ops.models import RateCount

UPSERT = (
    "INSERT INTO {table} ({key}, count, expires) VALUES (%s, 1, %s) "
    "ON CONFLICT ({key}) DO UPDATE SET count = {table}.count + 1 RETURNING count"
)


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
