"""Calls into the privacy and notify apps, which are built alongside this one.

Both are imported when used, not at module load, so outreach and volunteering keep working while
those apps are still being delivered: without the audit trail a notes read is logged as a warning;
without notify a message is logged instead of sent. Once the apps exist, the real calls are made.
"""

import logging

logger = logging.getLogger(__name__)


def audit_read(actor, obj, purpose: str, fields: list[str] | None = None) -> None:
    """Record that `actor` read sensitive data of `obj` (AVG: who saw what, and why)."""
    try:
        from naober.privacy.audit import record_access
    except ImportError:
        logger.warning("audit trail unavailable: %s read %s (%s)", actor.person, obj, purpose)
        return
    record_access(actor, obj, purpose, fields)


def send_notice(person, kind: str, context: dict) -> None:
    """Tell a person something through their own channel (email, text, letter, coordinator)."""
    try:
        from naober.notify.services import notify
    except ImportError:
        logger.warning("notify unavailable: %s for person %s", kind, getattr(person, "pk", None))
        return
    notify(person, kind, context)
