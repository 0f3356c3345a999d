"""Feature values in [0, 1] for one request against a set of offer rows.

Every function is elementwise over offer rows (the request's fields are scalars), uses only
+, -, *, /, sqrt and comparisons (bit-identical however the rows are sliced), and can be checked by
hand on a toy example. ``features(...)`` returns them all in ``FEATURE_NAMES`` order.
"""

from __future__ import annotations

import numpy as np

from .encoding import ALL_GENDERS, UNKNOWN
from .index import OfferIndex
from .request import Request
from .weights import FEATURE_NAMES, Weights

#: Distances assumed when coordinates are missing but the area path is shared. They are typical
#: Dutch distances (a street is a few hundred metres long, a neighbourhood about a kilometre
#: across, a district a few kilometres); people in different or unknown areas are "unknown" = inf.
SAME_STREET_M = 100.0
SAME_NEIGHBOURHOOD_M = 500.0
SAME_DISTRICT_M = 1500.0


def take(column: np.ndarray, rows: np.ndarray | None) -> np.ndarray:
    """``column[rows]``, or the whole column when ``rows`` is None (the dense path)."""
    return column if rows is None else column[rows]


def same_area(offer_ids: np.ndarray, request_id: int) -> np.ndarray:
    """True where both ids are known and equal.

    >>> same_area(np.array([3, -1, 4]), 3).tolist()
    [True, False, False]
    >>> same_area(np.array([-1]), -1).tolist()
    [False]
    """
    if request_id == UNKNOWN:
        return np.zeros(offer_ids.shape, dtype=bool)
    return offer_ids == request_id


def effective_distance(index: OfferIndex, rows: np.ndarray | None, request: Request) -> np.ndarray:
    """Distance in metres between request and offers: Euclidean on RD coordinates when both are
    known, otherwise the area proxy (``SAME_STREET_M``...), otherwise ``inf`` (unknown).
    """
    dx = take(index.x, rows) - request.x
    dy = take(index.y, rows) - request.y
    d = np.sqrt(dx * dx + dy * dy)
    missing = np.flatnonzero(np.isnan(d))
    if missing.size:
        # Only the rows without coordinates need the area proxy (constants, so bit-identical).
        sub = missing if rows is None else rows[missing]
        d[missing] = np.where(
            same_area(index.street[sub], request.street),
            SAME_STREET_M,
            np.where(
                same_area(index.neighbourhood[sub], request.neighbourhood),
                SAME_NEIGHBOURHOOD_M,
                np.where(
                    same_area(index.district[sub], request.district),
                    SAME_DISTRICT_M,
                    np.inf,
                ),
            ),
        )
    return d


def category_fit(
    index: OfferIndex, rows: np.ndarray | None, request: Request, weights: Weights
) -> np.ndarray:
    """1 for the exact category, ``kind_credit`` for another category of the same kind, else 0."""
    kind_mask = index.kind_categories[int(index.category_kind[request.category])]
    return category_values(take(index.categories, rows), 1 << request.category, kind_mask, weights)


def category_values(cats: np.ndarray, exact_bit, kind_mask, weights: Weights) -> np.ndarray:
    """``category_fit`` from the bit of the asked category and the mask of its kind (scalars,
    or arrays aligned with ``cats`` when rows belong to different requests)."""
    exact = (cats & exact_bit) != 0
    same_kind = (cats & kind_mask) != 0
    return np.where(exact, 1.0, np.where(same_kind, weights.kind_credit, 0.0))


def distance_fit(distance_m: np.ndarray, weights: Weights) -> np.ndarray:
    """``1 / (1 + d / scale)``: 1 next door, 0.5 at ``distance_scale_m``, 0 when unknown.

    >>> distance_fit(np.array([0.0, 1000.0, np.inf]), Weights()).tolist()
    [1.0, 0.5, 0.0]
    """
    return 1.0 / (1.0 + distance_m / weights.distance_scale_m)


def availability_fit(offer_availability: np.ndarray, wish) -> np.ndarray:
    """Share of the wished slots the helper is available in. No wish: 1 (any time suits).
    Helper availability unknown (0): 0.5, neither rewarded nor punished. ``wish`` is one mask or
    one per row.

    >>> availability_fit(np.array([0b11, 0b01, 0b100, 0]), 0b11).tolist()
    [1.0, 0.5, 0.0, 0.5]
    >>> availability_fit(np.array([0b11, 0b11]), np.array([0, 0b10])).tolist()
    [1.0, 1.0]
    """
    wish = np.asarray(wish, dtype=np.int64)
    overlap = np.bitwise_count(offer_availability & wish).astype(np.float64)
    share = overlap / np.maximum(np.bitwise_count(wish), 1).astype(np.float64)
    return np.where(wish == 0, 1.0, np.where(offer_availability == 0, 0.5, share))


def language_fit(offer_languages: np.ndarray, languages) -> np.ndarray:
    """1 when they share a language, 0 when they share none, 0.5 when either side is unknown
    (``languages``: one mask or one per row).

    >>> language_fit(np.array([0b01, 0b10, 0]), 0b01).tolist()
    [1.0, 0.0, 0.5]
    >>> language_fit(np.array([0b01, 0b01]), np.array([0, 0b10])).tolist()
    [0.5, 0.0]
    """
    languages = np.asarray(languages, dtype=np.int64)
    shared = (offer_languages & languages) != 0
    unknown = (languages == 0) | (offer_languages == 0)
    return np.where(unknown, 0.5, np.where(shared, 1.0, 0.0))


def preference_fit(offer_gender: np.ndarray, preferred_genders) -> np.ndarray:
    """The requester's soft wish about the helper: 1 when met or when there is no wish, else 0
    (``preferred_genders``: one mask or one per row).

    >>> preference_fit(np.array([1, 2]), 0b0010).tolist()
    [1.0, 0.0]
    """
    preferred = np.asarray(preferred_genders, dtype=np.int64)
    met = ((1 << offer_gender) & preferred) != 0
    return np.where((preferred == ALL_GENDERS) | met, 1.0, 0.0)


def room_fit(room_left: np.ndarray, weights: Weights) -> np.ndarray:
    """Remaining room this month, saturating at ``room_saturation``.

    >>> room_fit(np.array([0, 1, 3, 9]), Weights(room_saturation=3)).tolist()
    [0.0, 0.3333333333333333, 1.0, 1.0]
    """
    sat = float(weights.room_saturation)
    return np.minimum(room_left.astype(np.float64), sat) / sat


def continuity_fit(offer_person: np.ndarray, request: Request) -> np.ndarray:
    """1 when the helper helped this requester before or is their preferred helper."""
    known = request.helped_by_person_ids + request.preferred_person_ids
    if not known:
        return np.zeros(offer_person.shape)
    return np.isin(offer_person, np.array(known, dtype=np.int64)).astype(np.float64)


def idle_fit(days_idle: np.ndarray, weights: Weights) -> np.ndarray:
    """Days since the helper last helped, saturating; never helped counts as fully idle.

    >>> idle_fit(np.array([0.0, 30.0, 90.0, np.inf]), Weights(idle_saturation_days=60)).tolist()
    [0.0, 0.5, 1.0, 1.0]
    """
    sat = weights.idle_saturation_days
    days = np.where(np.isnan(days_idle), np.inf, days_idle)
    return np.minimum(np.maximum(days, 0.0), sat) / sat


def reliability(completed: np.ndarray, stopped: np.ndarray, weights: Weights) -> np.ndarray:
    """Posterior mean of the completion rate under a Beta prior.

    >>> reliability(np.array([0, 4]), np.array([0, 0]), Weights()).tolist()
    [0.8, 0.8888888888888888]
    """
    a = weights.reliability_prior_completed
    b = weights.reliability_prior_stopped
    return (completed + a) / (completed + stopped + a + b)


def features(
    index: OfferIndex,
    rows: np.ndarray | None,
    request: Request,
    weights: Weights,
    distance_m: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """All features for ``rows`` (None = every row), in ``FEATURE_NAMES`` order."""
    values = {
        "category": category_fit(index, rows, request, weights),
        "distance": distance_fit(distance_m, weights),
        "availability": availability_fit(take(index.availability, rows), request.availability),
        "language": language_fit(take(index.languages, rows), request.languages),
        "preference": preference_fit(take(index.gender, rows), request.preferred_genders),
        "room": room_fit(take(index.room_left, rows), weights),
        "continuity": continuity_fit(take(index.person_id, rows), request),
        "idle": idle_fit(take(index.days_idle, rows), weights),
        "reliability": reliability(take(index.completed, rows), take(index.stopped, rows), weights),
    }
    return tuple(values[name] for name in FEATURE_NAMES)


def features_many(
    index: OfferIndex,
    rows: np.ndarray,
    sizes: np.ndarray,
    requests,
    weights: Weights,
    distance_m: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """``features`` for the rows of many requests in one vectorised pass: ``rows`` holds
    ``sizes[i]`` rows for ``requests[i]``, in request order. The same elementwise formulas with
    each request's fields repeated per row, so every value equals ``features`` for that request
    alone, bit for bit (why: ``plan`` scores thousands of requests, and thousands of small
    passes cost more in call overhead than in arithmetic)."""
    owner = np.repeat(np.arange(len(requests)), sizes)

    def field(name: str) -> np.ndarray:
        return np.array([getattr(r, name) for r in requests], dtype=np.int64)[owner]

    category = field("category")
    kind_masks = np.array(index.kind_categories, dtype=np.int64)
    person = index.person_id[rows]
    continuity = np.zeros(rows.shape)
    ends = np.cumsum(sizes)
    for i, request in enumerate(requests):
        if request.helped_by_person_ids or request.preferred_person_ids:
            part = slice(ends[i] - sizes[i], ends[i])
            continuity[part] = continuity_fit(person[part], request)
    values = {
        "category": category_values(
            index.categories[rows],
            np.left_shift(1, category),
            kind_masks[index.category_kind[category]],
            weights,
        ),
        "distance": distance_fit(distance_m, weights),
        "availability": availability_fit(index.availability[rows], field("availability")),
        "language": language_fit(index.languages[rows], field("languages")),
        "preference": preference_fit(index.gender[rows], field("preferred_genders")),
        "room": room_fit(index.room_left[rows], weights),
        "continuity": continuity,
        "idle": idle_fit(index.days_idle[rows], weights),
        "reliability": reliability(index.completed[rows], index.stopped[rows], weights),
    }
    return tuple(values[name] for name in FEATURE_NAMES)


def combine(parts: tuple[np.ndarray, ...], weights: Weights) -> np.ndarray:
    """Weighted mean of the features, summed in a fixed order (bit-identical on any slicing)."""
    total = np.zeros(parts[0].shape)
    for w, part in zip(weights.feature_weights(), parts, strict=True):
        total = total + w * part
    return total / weights.total()
