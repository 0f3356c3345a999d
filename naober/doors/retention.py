"""What came in through the doors does not keep personal data forever (naober/privacy/purge.py).

Once a coordinator has closed a volunteer sign-up or a talent, what the person typed is emptied
after RETENTION_DAYS (a talent made into an offer lives on in the person and the offer). The name
and way back of someone who shared a concern are emptied once the signal is closed that long ago.
"""

from naober.privacy.retention import Purgeable

PURGEABLE = [
    Purgeable(
        "doors.VolunteerSignup",
        "created_at",
        ("name", "contact", "likes", "available"),
        closed={"closed_at__isnull": False},
    ),
    Purgeable(
        "doors.Talent",
        "created_at",
        ("name", "good_at", "would_do", "contact"),
        closed={"closed_at__isnull": False},
    ),
    Purgeable(
        "outreach.Signal",
        "created_at",
        ("raiser_name", "raiser_contact"),
        closed={"status": "closed"},
    ),
]
