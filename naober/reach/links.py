"""The link in an e-mail ask: signed, for one ask only, expiring. It needs no login, so it can do
nothing but show that one ask and take its yes or no (django.core.signing with its own salt)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "naober.reach.answer"
MAX_AGE = 3 * 24 * 3600  # seconds: an ask nobody answered in three days is stale anyway


def token_for(ask) -> str:
    return signing.dumps(ask.pk, salt=SALT, compress=True)


def ask_id_from(token: str) -> int | None:
    """The ask this token was made for; None when it is forged, altered or expired."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return value if isinstance(value, int) else None


def answer_url(ask) -> str:
    path = reverse(
        "reach:answer", kwargs={"slug": ask.callout.community.slug, "token": token_for(ask)}
    )
    return settings.SITE_URL.rstrip("/") + path
