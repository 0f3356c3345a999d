"""Hard constraints: which offers may never be suggested for a request, whatever their score.

One function, used by ``suggest``, ``score_all_dense``, ``plan`` and ``greedy_plan`` alike, so the
four can never disagree about feasibility. An offer row is feasible for a request when all hold:

1. the row is active (not paused or removed) and its helper has room left this month;
2. it belongs to the request's community;
3. the helper is not the requester;
4. the helper is not in the request's excluded persons (declined or stopped before);
5. the helper's gender is allowed by the requester's hard wish (unknown passes only "no wish");
6. the offer covers the request's category, or (when ``kind_credit > 0``) a category of the same
   kind;
7. the request lies within the helper's own travel radius: radius 0 means "my neighbourhood only"
   (both neighbourhoods known and equal); a positive radius must cover the effective distance
   (Euclidean, or the area proxy, see ``features.effective_distance``); ``inf`` means no limit.
   An unknown distance passes only an unlimited radius.
"""

from __future__ import annotations

import numpy as np

from .features import same_area, take
from .index import OfferIndex
from .request import Request
from .weights import Weights


def feasible_without_distance(
    index: OfferIndex, rows: np.ndarray | None, request: Request, weights: Weights
) -> np.ndarray:
    """Constraints 1 to 6 (everything that does not need the distance)."""
    person = take(index.person_id, rows)
    ok = take(index.active, rows) & (take(index.room_left, rows) > 0)
    ok &= take(index.community_id, rows) == request.community_id
    ok &= person != request.person_id
    ok &= ((1 << take(index.gender, rows)) & request.allowed_genders) != 0
    if request.excluded_person_ids:
        ok &= ~np.isin(person, np.array(request.excluded_person_ids, dtype=np.int64))
    cats = take(index.categories, rows)
    category_ok = (cats & (1 << request.category)) != 0
    if weights.kind_credit > 0:
        kind_mask = index.kind_categories[int(index.category_kind[request.category])]
        category_ok |= (cats & kind_mask) != 0
    return ok & category_ok


def within_radius(
    index: OfferIndex, rows: np.ndarray | None, request: Request, distance_m: np.ndarray
) -> np.ndarray:
    """Constraint 7: the helper's own travel radius covers the request.

    >>> from naober.matching.index import build_index
    >>> idx = build_index({"person_id": [1, 2], "categories": [1, 1],
    ...                    "neighbourhood": [5, 6], "travel_radius_m": [0, 800]}, [0])
    >>> within_radius(idx, None, Request(9, 0, neighbourhood=5), np.array([900.0, 900.0])).tolist()
    [True, False]
    """
    radius = take(index.travel_radius_m, rows)
    same_neighbourhood = same_area(take(index.neighbourhood, rows), request.neighbourhood)
    return np.where(radius == 0, same_neighbourhood, distance_m <= radius)
