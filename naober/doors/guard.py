"""Spam protection without a third-party service: a honeypot field and a signed start time.

Every door form carries a hidden `started` token: the time the form was shown, signed with the
site's secret and bound to the door. A post whose token is missing, forged, from another door,
or younger than `MIN_SECONDS` (no person reads and fills a form that fast) is treated like a
robot, and so is a post that fills in the `website` field people never see. A robot is answered
as if all went well and nothing is stored, so it learns nothing to adapt to.

A genuine token older than a day is not a robot's: it is someone who left the page open overnight.
Thanking them and storing nothing would lose her call-back without a word, so that post is
`EXPIRED` and the page asks to send it once more (with what was typed, and a new token).
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


HUMAN, ROBOT, EXPIRED = "human", "robot", "expired"


def verdict(door: str, data) -> str:
    """HUMAN for a valid token old enough and an empty honeypot; EXPIRED for this door's genuine
    token older than MAX_AGE; ROBOT for anything else."""
    if (data.get(HONEYPOT) or "").strip():
        return ROBOT
    try:
        value = signing.loads(data.get("started") or "", salt=SALT)
    except signing.BadSignature:
        return ROBOT
    if not isinstance(value, dict) or value.get("d") != door:
        return ROBOT
    try:
        age = time.time() - float(value.get("t"))
    except (TypeError, ValueError):
        return ROBOT
    if age > MAX_AGE:
        return EXPIRED
    return HUMAN if age >= MIN_SECONDS else ROBOT
