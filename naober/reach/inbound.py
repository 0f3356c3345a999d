"""The SMS gateway's inbound webhook: a helper's reply ("JA 4821") arrives signed.

The gateway signs the raw body with SMS_INBOUND_SECRET (hex HMAC-SHA256 in X-Naober-Signature);
an empty secret refuses everything. `LocalInbound` is the stand-in for the demo and tests: it
signs a reply the way the gateway does and posts it through the same check and handler.
"""

import hashlib
import hmac
import json

from django.conf import settings

HEADER = "X-Naober-Signature"


def signature(body: bytes, secret: str | None = None) -> str:
    key = (settings.SMS_INBOUND_SECRET if secret is None else secret).encode()
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def is_signed(body: bytes, given: str) -> bool:
    if not settings.SMS_INBOUND_SECRET or not given:
        return False
    return hmac.compare_digest(signature(body), given.strip().lower())


class LocalInbound:
    """What the gateway would post when `phone` replies `text`, signed; for a test client."""

    def __init__(self, client):
        self.client = client

    def reply(self, phone: str, text: str):
        body = json.dumps({"from": phone, "text": text}).encode()
        return self.client.post(
            "/api/v1/sms/inbound",
            data=body,
            content_type="application/json",
            headers={HEADER: signature(body)},
        )
