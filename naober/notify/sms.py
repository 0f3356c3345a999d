"""SMS gateways: one small protocol, a real HTTP adapter and a local stand-in.

settings.SMS_BACKEND chooses: "local" (default) records every text in SmsOutbox, so the demo and
the tests never reach a real phone; "http" posts to settings.SMS_GATEWAY_URL.

Every hand-over carries the message's idempotency key (the `Idempotency-Key` header): when a
worker dies after the gateway accepted a text but before that was recorded, the text is handed
over again after the reclaim timeout, and a gateway that honours the key sends it only once.
"""

import http.client
import json
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from naober.notify.errors import DeliveryError
from naober.notify.models import SmsOutbox

DEFAULT_TIMEOUT_SECONDS = 10
# How much of a refusing gateway's answer is read to show as the reason.
ANSWER_PEEK_BYTES = 200


class SmsGateway(Protocol):
    def send(self, to: str, text: str, key: str) -> None:
        """Hand one text to the gateway; raise DeliveryError when it was not accepted.

        `key` is the message's idempotency key: the same key must never reach a phone twice."""


class LocalSmsGateway:
    """Records the text in the database instead of sending it (demo, tests, development).

    Like a gateway that honours idempotency keys, it keeps a second hand-over of the same key
    out of the outbox."""

    def __init__(self, sender: str):
        self.sender = sender

    def send(self, to: str, text: str, key: str) -> None:
        try:
            with transaction.atomic():
                SmsOutbox.objects.create(to=to, sender=self.sender, text=text, key=key)
        except IntegrityError:
            if not SmsOutbox.objects.filter(key=key).exists():
                raise


class HttpSmsGateway:
    """POSTs {"to", "from", "text"} as JSON with a bearer token and the idempotency key.

    A 2xx answer means accepted. Anything else (an error status, no answer within the timeout,
    an answer that is not HTTP at all) raises a retryable DeliveryError whose detail, cleaned of
    bytes that are not text, tells the coordinator what the gateway said."""

    def __init__(self, url: str, token: str, sender: str, timeout: float = DEFAULT_TIMEOUT_SECONDS):
        if not url.startswith(("https://", "http://")):
            raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http(s) address.")
        self.url, self.token, self.sender, self.timeout = url, token, sender, timeout

    def send(self, to: str, text: str, key: str) -> None:
        body = json.dumps({"to": to, "from": self.sender, "text": text}).encode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked in __init__)
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
                "Idempotency-Key": key,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as error:
            raise DeliveryError(
                _("the SMS gateway refused the message (code %(code)s)"),
                {"code": error.code},
                detail=_peek(error),
            ) from error
        except TimeoutError as error:
            raise DeliveryError(_("the SMS gateway did not answer in time")) from error
        except (urllib.error.URLError, OSError) as error:
            if isinstance(getattr(error, "reason", None), TimeoutError):
                raise DeliveryError(_("the SMS gateway did not answer in time")) from error
            raise DeliveryError(_("the SMS gateway could not be reached")) from error
        except (http.client.HTTPException, ValueError) as error:
            raise DeliveryError(
                _("the SMS gateway gave an answer that cannot be read"), detail=repr(error)
            ) from error
        if not 200 <= status < 300:
            raise DeliveryError(
                _("the SMS gateway refused the message (code %(code)s)"), {"code": status}
            )


def _peek(error: urllib.error.HTTPError) -> bytes:
    """The start of a refusing gateway's answer (it may be anything, or nothing in time)."""
    try:
        return error.read(ANSWER_PEEK_BYTES)
    except (OSError, http.client.HTTPException, ValueError):
        return b""


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
