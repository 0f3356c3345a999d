"""SMS gateways: one small protocol, a real HTTP adapter and a local stand-in.

settings.SMS_BACKEND chooses: "local" (default) records every text in SmsOutbox, so the demo and
the tests never reach a real phone; "http" posts to settings.SMS_GATEWAY_URL.
"""

import json
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from naober.notify.errors import DeliveryError

DEFAULT_TIMEOUT_SECONDS = 10


class SmsGateway(Protocol):
    def send(self, to: str, text: str) -> None:
        """Hand one text to the gateway; raise DeliveryError when it was not accepted."""


class LocalSmsGateway:
    """Records the text in the database instead of sending it (demo, tests, development)."""

    def __init__(self, sender: str):
        self.sender = sender

    def send(self, to: str, text: str) -> None:
        from naober.notify.models import SmsOutbox

        SmsOutbox.objects.create(to=to, sender=self.sender, text=text)


class HttpSmsGateway:
    """POSTs {"to", "from", "text"} as JSON with a bearer token; any non-2xx answer is retried."""

    def __init__(self, url: str, token: str, sender: str, timeout: float = DEFAULT_TIMEOUT_SECONDS):
        if not url.startswith(("https://", "http://")):
            raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http(s) address.")
        self.url, self.token, self.sender, self.timeout = url, token, sender, timeout

    def send(self, to: str, text: str) -> None:
        body = json.dumps({"to": to, "from": self.sender, "text": text}).encode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked in __init__)
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as error:
            raise DeliveryError(f"SMS gateway answered {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise DeliveryError(f"SMS gateway not reachable: {error}") from error
        if not 200 <= status < 300:
            raise DeliveryError(f"SMS gateway answered {status}")


def get_gateway() -> SmsGateway:
    """The gateway the settings ask for, read at call time so tests can switch it."""
    backend = getattr(settings, "SMS_BACKEND", "local")
    sender = getattr(settings, "SMS_SENDER", "Naober")
    if backend == "local":
        return LocalSmsGateway(sender)
    if backend == "http":
        return HttpSmsGateway(
            settings.SMS_GATEWAY_URL,
            settings.SMS_GATEWAY_TOKEN,
            sender,
            timeout=float(getattr(settings, "SMS_GATEWAY_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)),
        )
    raise ImproperlyConfigured(f"Unknown SMS_BACKEND {backend!r}: use 'local' or 'http'.")
