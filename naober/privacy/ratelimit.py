"""Rate limits against password guessing and form spam: one counter per client for all processes.

Limits are named in settings.RATE_LIMITS ("count/period" with period s, m or h) and switched off as
a whole by RATE_LIMITS_ENABLED (off in the test run, so that only the tests about limits meet them).
Counts live in the database (`naober.ops.models.RateCount`), incremented by one atomic upsert
(`naober.ops.services.count_attempt`), so that every server process sees the same count (a
per-process cache let four workers through four times the limit). The client is the address that
connected, or, when that is a trusted proxy (settings.TRUSTED_PROXIES), the address the proxies
recorded in X-Forwarded-For: see naober/base/client.py.
The API token endpoint applies the same counter through django-ninja's throttling (`TokenThrottle`).
"""

import time
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from ninja.throttling import BaseThrottle

from naober.base.client import client_ip
from naober.ops.services import count_attempt

PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()[0]]


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
