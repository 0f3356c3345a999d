"""The exchange's two calls into other apps: notifications and referrals, in one place.

Notify sits below the exchange and is imported. The social map (directory) sits above it, so it
registers the function that records a referral from its AppConfig.ready() instead of being
imported (as naober.people.access's joins do). Tests patch these two functions.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from naober.notify import services as notify_services

_referrer: Callable | None = None


def register_referrer(refer_request: Callable) -> None:
    """Name the function that records an outgoing referral: (actor, request, note=) -> referral."""
    global _referrer
    _referrer = refer_request


def notify(person, event: str, context: dict, *, key: str = "") -> None:
    """Tell `person` about `event`, inside the caller's transaction: the message is logged with
    the change that causes it (the outbox), and delivered only once that change has committed."""
    if person is None:
        return
    notify_services.notify(person, event, context, key=key)


def refer(actor, help_request, note: str = ""):
    """Record an outgoing referral for a request that neighbours cannot help with."""
    if _referrer is None:
        raise ImproperlyConfigured("no app registered a referrer (naober.directory does)")
    return _referrer(actor, help_request, note=note)
