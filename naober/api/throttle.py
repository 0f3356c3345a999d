"""The limit on POST /token (password guessing through the API), counted like every other limit."""

import time

from django.conf import settings
from ninja.throttling import BaseThrottle

from naober.base.client import client_ip
from naober.ops.services import allow, parse_rate


class TokenThrottle(BaseThrottle):
    """django-ninja throttling for POST /token, counted by ops.services.allow like every limit."""

    def allow_request(self, request) -> bool:
        return allow("token", client_ip(request))

    def wait(self) -> float:
        """Seconds until the current window ends (sent as Retry-After)."""
        seconds = parse_rate(settings.RATE_LIMITS["token"])[1]
        return seconds - time.time() % seconds
