"""The two calls outreach and volunteering make into other apps: the audit trail and notify.

Kept in one place so tests can replace them, and so the rest of the code does not care how the
privacy and notify apps are built.
"""

from naober.notify.services import notify
from naober.privacy.audit import record_access


def audit_read(actor, obj, purpose: str, fields: list[str] | None = None, *, person=None) -> None:
    """Record that `actor` read sensitive data of `obj` about `person` (AVG: who saw what, why)."""
    record_access(actor, obj, purpose, fields, person=person)


def send_notice(person, kind: str, context: dict) -> None:
    """Tell a person something through their own channel (email, text, letter, coordinator)."""
    notify(person, kind, context)
