"""Sign-ups do not keep personal data forever (read by naober/privacy/purge.py).

A decided or never-confirmed sign-up keeps its date and status for the counts; what the person
typed is emptied after RETENTION_DAYS. An approved sign-up's details live on in the Person.
"""

from naober.privacy.retention import Purgeable

PURGEABLE = [
    Purgeable(
        "accounts.JoinRequest",
        "created_at",
        ("name", "email", "phone", "address", "reason"),
        closed={"status__in": ["unverified", "approved", "rejected"]},
    ),
]
