"""Rate limits against password guessing and form spam: one counter per client for all processes.

Limits are named in settings.RATE_LIMITS ("count/period" with period s, m or h) and switched off as
a whole by RATE_LIMITS_ENABLED (off in the test run, so that only the tests about limits meet them).
Counts live in the database (`naober.ops.models.RateCount`), incremented by one atomic upsert, so
that every server process sees the same count (a per-process cache let four workers through four
times the limit). The client is the address that connected, or, when that is a trusted proxy
(settings.TRUSTED_PROXIES), the address the proxies recorded in X-Forwarded-For: see `client_ip`.
The API token endpoint applies the same counter through django-ninja's throttling (`TokenThrottle`).
"""

import ipaddress
import random
import time
from datetime import timedelta
from functools import lru_cache, wraps

from django.conf import settings
from django.db import connection
from django.shortcuts import render
from django.utils import timezone
from ninja.throttling import BaseThrottle

from naober.ops.models import RateCount

PERIODS = {"s": 1, "m": 60, "h": 3600}
UPSERT = (
    "INSERT INTO {table} ({key}, count, expires) VALUES (%s, 1, %s) "
    "ON CONFLICT ({key}) DO UPDATE SET count = {table}.count + 1 RETURNING count"
)


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()[0]]


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """The real client address.

    Only a connection from a trusted proxy may name another address: then X-Forwarded-For is read
    from the right (each proxy appends the address it saw) and the first hop that is not itself a
    trusted proxy is the client. Whatever a client writes into the header itself stays to the left
    of that hop, so a forged header neither hides nor changes who is counted.
    """
    # A request built in code (Django's force_login in tests) has no address: name it with a valid
    # placeholder, since axes stores the address in an IP column that PostgreSQL checks.
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 (an address, not a bind)
    if not is_trusted_proxy(remote):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not is_trusted_proxy(hop):
            return hop[:64]
    return remote


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


def too_many(request):
    """A Dutch page with status 429 that says to wait a moment."""
    return render(request, "privacy/too_many.html", status=429)


def rate_limited(scope: str):
    """Limit POSTs to a page view (for example a public form) per client address."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and not allow(scope, client_ip(request)):
                return too_many(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class TokenThrottle(BaseThrottle):
    """django-ninja throttling for POST /token, counted by `allow` like every other limit."""

    def allow_request(self, request) -> bool:
        return allow("token", client_ip(request))

    def wait(self) -> float:
        """Seconds until the current window ends (sent as Retry-After)."""
        seconds = parse_rate(settings.RATE_LIMITS["token"])[1]
        return seconds - time.time() % seconds
