"""The telephony provider's incoming-call webhook, and a local stand-in that plays the provider.

The provider posts JSON `{"call_id", "from", "to"}` to the community's webhook with the header
`X-Naober-Signature: sha256=<hex HMAC-SHA256 of the raw body with TELEPHONY_WEBHOOK_SECRET>`.
Without a configured secret every call is refused: an unsigned webhook would let anyone make the
desk believe someone is calling.
"""

import hashlib
import hmac
import json
import urllib.request

from django.conf import settings

HEADER = "X-Naober-Signature"


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verified(body: bytes, signature: str, secret: str | None = None) -> bool:
    """True when `signature` is this body's HMAC under the configured secret."""
    secret = settings.TELEPHONY_WEBHOOK_SECRET if secret is None else secret
    if not secret or not signature:
        return False
    return hmac.compare_digest(sign(body, secret), signature.strip())


class LocalTelephone:
    """Plays the provider on this machine: posts a signed ring to the server's own webhook, the
    same request the provider would send (used by `manage.py ring`, the demo and the tests)."""

    def __init__(self, base_url: str, secret: str):
        self.base_url, self.secret = base_url.rstrip("/"), secret

    def ring(self, community_slug: str, call_id: str, number: str, to: str = "") -> int:
        body = json.dumps({"call_id": call_id, "from": number, "to": to}).encode()
        request = urllib.request.Request(  # noqa: S310 (the base URL is our own server's)
            f"{self.base_url}/api/v1/c/{community_slug}/desk/incoming-call",
            data=body,
            headers={"Content-Type": "application/json", HEADER: sign(body, self.secret)},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (own server)
            return response.status
