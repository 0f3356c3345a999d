"""The exchange's two calls into other apps: notifications and referrals, in one place.

Both are imported when called, not at import time: notify and directory depend on the exchange's
models, so a top-level import would be circular. Tests patch these two functions.
"""

from django.db import transaction


def notify_after_commit(person, event: str, context: dict) -> None:
    """Send `event` to `person` once the surrounding transaction has committed (never before:
    a rolled-back match must not have told anyone anything)."""
    if person is None:
        return

    def send():
        from naober.notify.services import notify

        notify(person, event, context)

    transaction.on_commit(send)


def refer(actor, help_request, note: str = ""):
    """Record an outgoing referral for a request that neighbours cannot help with."""
    from naober.directory.services import refer_request

    return refer_request(actor, help_request, note=note)
