"""The audit trail for the foundation apps below privacy: communities, api and people.

The trail itself (the hash chain, naober/privacy/audit.py) lives in privacy, which stands on these
apps and so cannot be imported by them. Privacy hands its writer over when Django starts
(PrivacyConfig.ready); each call here goes straight to it, inside the caller's transaction. Without
it a write fails instead of being skipped: a role change or a read of contact details must never
go unrecorded.
"""

from django.core.exceptions import ImproperlyConfigured

_writer = None


def connect(writer) -> None:
    """Called once by the privacy app: `writer` offers the functions below (privacy.audit)."""
    global _writer
    _writer = writer


def _trail():
    if _writer is None:
        raise ImproperlyConfigured(
            "naober.privacy writes the audit trail: add it to INSTALLED_APPS"
        )
    return _writer


def record_change(actor, obj, purpose: str, fields: list[str] | None = None, *, person=None):
    """Record that `actor` changed sensitive data of `obj` (privacy.audit.record_change)."""
    return _trail().record_change(actor, obj, purpose, fields, person=person)


def record_access_many(actor, people, purpose: str, fields: list[str] | None = None) -> int:
    """Record that `actor` viewed `fields` of each of `people` (audit.record_access_many)."""
    return _trail().record_access_many(actor, people, purpose, fields)


def record_contact_view(actor, person, shown: dict, purpose: str):
    """Record a view of someone else's contact details (privacy.audit.record_contact_view)."""
    return _trail().record_contact_view(actor, person, shown, purpose)
