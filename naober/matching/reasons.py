"""Why a helper is suggested: short machine codes with parameters.

The engine never produces prose. Each suggestion carries a tuple of ``(code, params)`` pairs,
e.g. ``("room_left", {"n": 2})``; the Django layer translates them (Dutch first). ``REASON_CODES``
lists every code so a test there can prove each has a translation; ``REASON_TEXT_NL`` is the
intended Dutch wording (``str.format`` placeholders are the parameter names).

Distances are rounded to 50 m: enough to judge "around the corner" versus "across town", without
revealing exactly where a neighbour lives.
"""

from __future__ import annotations

import math

import numpy as np

from .encoding import ALL_GENDERS, LANGUAGE_DUTCH
from .features import (
    availability_fit,
    category_fit,
    effective_distance,
    reliability,
    same_area,
)
from .index import OfferIndex
from .request import Request
from .weights import Weights

Reason = tuple[str, dict[str, int]]

#: Intended Dutch wording per reason code, in the order reasons are listed on a suggestion.
REASON_TEXT_NL: dict[str, str] = {
    "preferred_helper": "is de voorkeurshelper van de hulpvrager",
    "helped_before": "hielp eerder",
    "exact_category": "biedt precies deze hulp aan",
    "same_kind": "biedt vergelijkbare hulp aan",
    "same_street": "woont in dezelfde straat",
    "same_neighbourhood": "woont in dezelfde buurt",
    "same_district": "woont in dezelfde wijk",
    "distance_m": "woont op {m} meter afstand",
    "available_when_asked": "kan op het gevraagde moment",
    "shared_language": "spreekt dezelfde taal",
    "matches_preference": "past bij de wens van de hulpvrager",
    "room_left": "heeft deze maand nog {n} keer ruimte",
    "waiting_long": "wacht al {days} dagen op een vraag",
    "new_helper": "heeft nog niet eerder geholpen en wacht op een eerste vraag",
    "reliable": "maakt afspraken betrouwbaar af",
}

#: Every reason code the engine can emit.
REASON_CODES: tuple[str, ...] = tuple(REASON_TEXT_NL)

#: Parameter names per code (empty for codes without parameters).
REASON_PARAMS: dict[str, tuple[str, ...]] = {
    "distance_m": ("m",),
    "room_left": ("n",),
    "waiting_long": ("days",),
}


def reasons_for_row(
    index: OfferIndex, row: int, request: Request, weights: Weights
) -> tuple[Reason, ...]:
    """Reasons for one (feasible) offer row. Only facts that speak *for* the helper are listed."""
    rows = np.array([row], dtype=np.int64)
    person = int(index.person_id[row])
    out: list[Reason] = []
    if person in request.preferred_person_ids:
        out.append(("preferred_helper", {}))
    if person in request.helped_by_person_ids:
        out.append(("helped_before", {}))
    if category_fit(index, rows, request, weights)[0] == 1.0:
        out.append(("exact_category", {}))
    else:
        out.append(("same_kind", {}))
    if same_area(index.street[rows], request.street)[0]:
        out.append(("same_street", {}))
    elif same_area(index.neighbourhood[rows], request.neighbourhood)[0]:
        out.append(("same_neighbourhood", {}))
    elif same_area(index.district[rows], request.district)[0]:
        out.append(("same_district", {}))
    if not (math.isnan(index.x[row]) or math.isnan(request.x)):
        d = float(effective_distance(index, rows, request)[0])
        if math.isfinite(d):
            out.append(("distance_m", {"m": int(round(d / 50.0)) * 50}))
    available = availability_fit(index.availability[rows], request.availability)[0]
    if request.availability and index.availability[row] != 0 and available > 0:
        out.append(("available_when_asked", {}))
    shared = int(index.languages[row]) & request.languages & ~(1 << LANGUAGE_DUTCH)
    if shared:
        out.append(("shared_language", {}))
    if (
        request.preferred_genders != ALL_GENDERS
        and (1 << int(index.gender[row])) & request.preferred_genders
    ):
        out.append(("matches_preference", {}))
    out.append(("room_left", {"n": int(index.room_left[row])}))
    days = float(index.days_idle[row])
    if math.isinf(days) or math.isnan(days):
        out.append(("new_helper", {}))
    elif days >= weights.waiting_long_days:
        out.append(("waiting_long", {"days": int(days)}))
    rel = reliability(index.completed[rows], index.stopped[rows], weights)[0]
    if rel >= weights.reliable_threshold and index.completed[row] >= weights.reliable_min_completed:
        out.append(("reliable", {}))
    return tuple(out)
