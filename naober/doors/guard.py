"""Spam protection without a third-party service: a honeypot field and a signed start time.

Every door form carries a hidden `started` token: the time the form was shown, signed with the
site's secret and bound to the door. A post whose token is missing, forged, from another door,
older than a day, or younger than `MIN_SECONDS` (no person reads and fills a form that fast) is
treated like a robot, and so is a post that fills in the `website` field people never see. A
robot is answered as if all went well and nothing is stored, so it learns nothing to adapt to.
"""

import time

from django.core import signing

MIN_SECONDS = 3
MAX_AGE = 24 * 3600
SALT = "naober.doors.started"
HONEYPOT = "website"


def issue(door: str, *, at: float | None = None) -> str:
    """The token for a form shown now (or at `at`, seconds since the epoch)."""
    return signing.dumps({"d": door, "t": time.time() if at is None else at}, salt=SALT)


def looks_human(door: str, data) -> bool:
    """True when the post carries a valid token old enough and leaves the honeypot empty."""
    if (data.get(HONEYPOT) or "").strip():
        return False
    try:
        value = signing.loads(data.get("started") or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    if not isinstance(value, dict) or value.get("d") != door:
        return False
    try:
        age = time.time() - float(value.get("t"))
    except (TypeError, ValueError):
        return False
    return MIN_SECONDS <= age <= MAX_AGE
