"""The exchange's two calls into other apps: notifications and referrals, in one place.

Both are imported when called, not at import time: notify and directory depend on the exchange's
models, so a top-level import would be circular. Tests patch these two functions.
"""


def notify(person, event: str, context: dict, *, key: str = "") -> None:
    """Tell `person` about `event`, inside the caller's transaction: the message is logged with
    the change that causes it (the outbox), and delivered only once that change has committed."""
    if person is None:
        return
    from naober.notify.services import notify

    notify(person, event, context, key=key)


def refer(actor, help_request, note: str = ""):
    """Record an outgoing referral for a request that neighbours cannot help with."""
    from naober.directory.services import refer_request

    return refer_request(actor, help_request, note=note)
