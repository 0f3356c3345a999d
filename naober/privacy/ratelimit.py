"""Rate limits against password guessing and form spam: a small counter per client in the cache.

Limits are named in settings.RATE_LIMITS ("count/period" with period s, m or h) and switched off as
a whole by RATE_LIMITS_ENABLED (off in the test run, so that only the tests about limits meet them).
The API token endpoint uses django-ninja's throttling with the same settings (`TokenThrottle`).
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from ninja.throttling import AnonRateThrottle

PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()[0]]


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope: str, ident: str) -> bool:
    """Count one attempt in the current window; False once the window's limit is reached."""
    if not settings.RATE_LIMITS_ENABLED:
        return True
    limit, seconds = parse_rate(settings.RATE_LIMITS[scope])
    key = f"ratelimit:{scope}:{ident}:{int(time.time() // seconds)}"
    cache.add(key, 0, seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        count = 1
    return count <= limit


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


class TokenThrottle(AnonRateThrottle):
    """django-ninja throttling for POST /token, reading the rate from the settings on each call."""

    def __init__(self):
        super().__init__(rate="1/s")

    def allow_request(self, request) -> bool:
        if not settings.RATE_LIMITS_ENABLED:
            return True
        self.rate = settings.RATE_LIMITS["token"]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request) -> str:
        return self.cache_format % {"scope": "token", "ident": self.get_ident(request)}
