"""Rate limits against password guessing and form spam: one counter per client for all processes.

Limits are named in settings.RATE_LIMITS ("count/period" with period s, m or h) and switched off as
a whole by RATE_LIMITS_ENABLED (off in the test run, so that only the tests about limits meet them).
Counts live in the database (`naober.ops.models.RateCount`), incremented by one atomic upsert
(`naober.ops.services.allow`), so that every server process sees the same count (a per-process
cache let four workers through four times the limit). The client is the address that connected,
or, when that is a trusted proxy (settings.TRUSTED_PROXIES), the address the proxies recorded in
X-Forwarded-For: see naober/base/client.py. Pages and API handlers call `allow` and `too_many`, or
wrap a view in `rate_limited`; the API token endpoint applies the same counter through
django-ninja's throttling (naober/api/throttle.py).
"""

from functools import wraps

from django.shortcuts import render

from naober.base.client import client_ip
from naober.communities.models import Community
from naober.ops.services import allow


def too_many(request, community=None):
    """A Dutch page with status 429 that says to wait a moment, and, on a community's page, which
    number to call instead (many residents of one care home share one address)."""
    context = {}
    if community is not None and community.phone:
        context = {"desk_name": community.name, "desk_phone": community.phone}
    return render(request, "privacy/too_many.html", context, status=429)


def _community_of(kwargs):
    slug = kwargs.get("slug")
    if not isinstance(slug, str):
        return None
    return Community.objects.filter(slug=slug).first()


def rate_limited(scope: str):
    """Limit POSTs to a page view (for example a public form) per client address."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and not allow(scope, client_ip(request)):
                return too_many(request, _community_of(kwargs))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
