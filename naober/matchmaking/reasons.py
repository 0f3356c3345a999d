"""The engine's reason codes as short Dutch sentences (English msgids, B1 level).

The engine never writes prose (naober/matching/reasons.py); every code it can emit has a text
here, and tests/matchmaking prove that none is missing and all are translated.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _distance(params: dict) -> str:
    metres = int(params.get("m", 0))
    if metres < 50:
        return _("lives very close by")
    return _("lives about %(m)s metres away") % {"m": metres}


def _room(params: dict) -> str:
    n = int(params.get("n", 0))
    return ngettext(
        "has room for %(n)s more time this month", "has room for %(n)s more times this month", n
    ) % {"n": n}


def _waiting(params: dict) -> str:
    days = int(params.get("days", 0))
    return ngettext(
        "has been waiting %(days)s day for a request",
        "has been waiting %(days)s days for a request",
        days,
    ) % {"days": days}


TEXTS = {
    "preferred_helper": lambda p: _("is the helper the person asked for"),
    "helped_before": lambda p: _("helped this person before"),
    "exact_category": lambda p: _("offers exactly this kind of help"),
    "same_kind": lambda p: _("offers similar help"),
    "same_street": lambda p: _("lives in the same street"),
    "same_neighbourhood": lambda p: _("lives in the same neighbourhood"),
    "same_district": lambda p: _("lives in the same district"),
    "distance_m": _distance,
    "available_when_asked": lambda p: _("can help on the day asked"),
    "shared_language": lambda p: _("speaks the same language"),
    "matches_preference": lambda p: _("fits the wish of the person asking"),
    "room_left": _room,
    "waiting_long": _waiting,
    "new_helper": lambda p: _("has not helped yet and is waiting for a first request"),
    "reliable": lambda p: _("keeps their promises"),
}


def reason_text(code: str, params: dict) -> str:
    """One reason as a sentence in the current language (an unknown code shows as itself)."""
    text = TEXTS.get(code)
    return text(params) if text is not None else code


def reason_texts(reasons) -> list[str]:
    return [reason_text(code, params) for code, params in reasons]
