"""The offer index: a struct of arrays plus per-category postings.

Why a struct of arrays: scoring one request against thousands of offers is a handful of vectorised
NumPy operations over columns; a list of objects would be a Python loop.

Why postings: a request for groceries can only be served by an offer in the same category or at
least the same kind (practical, company, coaching). The index keeps, per category and per kind, the
sorted rows of *live* offers (active and helper has room), so ``suggest`` scores only those rows.

Rows are stable: ``remove_offer`` marks a row dead instead of deleting it, so a caller's mapping
``row -> offer id`` never shifts. New offers are appended with ``add_offers`` (a vectorised
rebuild, linear in the number of offers: about a millisecond per 10,000 offers).
All update functions return a *new* index and leave the old one untouched (copy on write of the
changed columns only), so an index can be shared between threads without locks.

Why one module of about 400 lines: the columns, the postings and the delta updates share one
row numbering; split apart, each half would have to know the other's invariants.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike

from .encoding import GENDER_UNKNOWN, UNKNOWN

#: Columns of an index and their dtypes. ``categories`` is a bitmask of category numbers.
OFFER_COLUMNS: dict[str, type] = {
    "offer_id": np.int64,
    "person_id": np.int64,
    "community_id": np.int64,
    "categories": np.int64,
    "x": np.float64,
    "y": np.float64,
    "street": np.int64,
    "neighbourhood": np.int64,
    "district": np.int64,
    "availability": np.int64,
    "languages": np.int64,
    "gender": np.int64,
    "active": np.bool_,
    "room_left": np.int64,
    "travel_radius_m": np.float64,
    "days_idle": np.float64,
    "completed": np.int64,
    "stopped": np.int64,
}

#: Defaults for optional columns (``person_id`` and ``categories`` are required).
OFFER_DEFAULTS: dict[str, object] = {
    "community_id": 0,
    "x": np.nan,
    "y": np.nan,
    "street": UNKNOWN,
    "neighbourhood": UNKNOWN,
    "district": UNKNOWN,
    "availability": 0,
    "languages": 0,
    "gender": GENDER_UNKNOWN,
    "active": True,
    "room_left": 1,
    "travel_radius_m": np.inf,
    "days_idle": np.inf,
    "completed": 0,
    "stopped": 0,
}


#: Columns copied into every posting block: everything the hard constraints and the distance read,
#: so the cheap filters of ``suggest`` run on contiguous arrays without gathering.
BLOCK_COLUMNS: tuple[str, ...] = (
    "person_id",
    "community_id",
    "categories",
    "x",
    "y",
    "street",
    "neighbourhood",
    "district",
    "gender",
    "active",
    "room_left",
    "travel_radius_m",
)


class PostingBlock:
    """The live rows of one posting list and contiguous copies of their ``BLOCK_COLUMNS``.

    It quacks like an ``OfferIndex`` restricted to those rows (same attribute names), so the
    constraint and distance functions run on it unchanged; ``rows`` maps back to index rows.
    """

    __slots__ = ("rows", "category_kind", "kind_categories", *BLOCK_COLUMNS)

    def __init__(
        self,
        rows: np.ndarray,
        columns: Mapping[str, np.ndarray],
        category_kind: np.ndarray,
        kind_categories: tuple[int, ...],
    ) -> None:
        self.rows = rows
        self.category_kind = category_kind
        self.kind_categories = kind_categories
        for name in BLOCK_COLUMNS:
            setattr(self, name, columns[name][rows])

    def __len__(self) -> int:
        return int(self.rows.shape[0])


@dataclass(frozen=True, eq=False)
class OfferIndex:
    """All offers of one (or several) communities as columns of equal length ``n``.

    Columns (one entry per offer row):

    - ``offer_id``: the database id (default: the row number).
    - ``person_id``: the helper. One helper may have several rows (several offers).
    - ``community_id``: the tenant; no request is ever served by another community's offer.
    - ``categories``: bitmask of category numbers the offer covers (bit c = category c).
    - ``x``, ``y``: RD New coordinates in metres; NaN when unknown.
    - ``street``, ``neighbourhood``, ``district``: the helper's area path, -1 when unknown.
    - ``availability``: 21-bit mask (day * 3 + part); 0 = unknown.
    - ``languages``: language bitmask (bit 0 Dutch); 0 = unknown.
    - ``gender``: helper gender code (``encoding.GENDER_*``).
    - ``active``: False when the offer is paused or removed.
    - ``room_left``: the *helper's* remaining room this month (max_per_month minus matches this
      month); the same on every row of a helper (``build_index`` takes the minimum).
    - ``travel_radius_m``: how far the helper will go. 0 means "my own neighbourhood only"; a
      positive value is a distance in metres; ``inf`` means no limit.
    - ``days_idle``: days since the helper last helped; ``inf`` when never.
    - ``completed``, ``stopped``: the helper's completed and stopped matches.

    Derived:

    - ``category_kind``: kind code per category number.
    - ``helper``: per row, index into ``helper_person_id`` / ``helper_room``.
    - ``exact_rows[c]``: sorted live rows covering category c.
    - ``kind_rows[k]``: sorted live rows covering any category of kind k.
    - ``kind_categories[k]``: bitmask of the categories of kind k.
    - ``exact_blocks[c]``, ``kind_blocks[k]``: the same postings as ``PostingBlock``s.
    """

    offer_id: np.ndarray
    person_id: np.ndarray
    community_id: np.ndarray
    categories: np.ndarray
    x: np.ndarray
    y: np.ndarray
    street: np.ndarray
    neighbourhood: np.ndarray
    district: np.ndarray
    availability: np.ndarray
    languages: np.ndarray
    gender: np.ndarray
    active: np.ndarray
    room_left: np.ndarray
    travel_radius_m: np.ndarray
    days_idle: np.ndarray
    completed: np.ndarray
    stopped: np.ndarray
    category_kind: np.ndarray
    kind_categories: tuple[int, ...]
    helper: np.ndarray
    helper_person_id: np.ndarray
    helper_room: np.ndarray
    exact_rows: tuple[np.ndarray, ...]
    kind_rows: tuple[np.ndarray, ...]
    exact_blocks: tuple[PostingBlock, ...]
    kind_blocks: tuple[PostingBlock, ...]

    @property
    def n(self) -> int:
        """Number of rows (live or not)."""
        return int(self.person_id.shape[0])

    @property
    def n_categories(self) -> int:
        return int(self.category_kind.shape[0])

    def live(self) -> np.ndarray:
        """Boolean mask of rows that can be suggested at all: active and helper has room."""
        return self.active & (self.room_left > 0)

    def candidate_block(self, category: int, kind_credit: float) -> PostingBlock:
        """The posting block worth scoring for a request in ``category``."""
        if kind_credit > 0:
            return self.kind_blocks[int(self.category_kind[category])]
        return self.exact_blocks[category]

    def columns(self) -> dict[str, np.ndarray]:
        """The input columns (not the derived ones), e.g. to append offers and rebuild."""
        return {name: getattr(self, name) for name in OFFER_COLUMNS}


def _column(offers: Mapping[str, ArrayLike], name: str, n: int) -> np.ndarray:
    dtype = OFFER_COLUMNS[name]
    if name in offers and offers[name] is not None:
        arr = np.array(offers[name], dtype=dtype)  # always a copy: the index owns its arrays
        if arr.shape != (n,):
            raise ValueError(f"column {name!r} has shape {arr.shape}, expected ({n},)")
        return arr
    if name == "offer_id":
        return np.arange(n, dtype=np.int64)
    return np.full(n, OFFER_DEFAULTS[name], dtype=dtype)


def _kind_masks(category_kind: np.ndarray) -> tuple[int, ...]:
    n_kinds = int(category_kind.max()) + 1 if category_kind.size else 0
    masks = [0] * max(n_kinds, 3)
    for c, k in enumerate(category_kind.tolist()):
        masks[k] |= 1 << c
    return tuple(masks)


def _postings(
    categories: np.ndarray, live: np.ndarray, n_categories: int, kind_categories: tuple[int, ...]
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    exact = tuple(
        np.flatnonzero(live & ((categories & (1 << c)) != 0)) for c in range(n_categories)
    )
    kinds = tuple(np.flatnonzero(live & ((categories & mask) != 0)) for mask in kind_categories)
    return exact, kinds


def _helpers(person_id: np.ndarray, room_left: np.ndarray):
    helper_person_id, helper = np.unique(person_id, return_inverse=True)
    helper_room = np.full(helper_person_id.shape[0], np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(helper_room, helper, room_left)
    helper_room = np.maximum(helper_room, 0) if helper_room.size else helper_room
    return helper.astype(np.int64), helper_person_id, helper_room


def build_index(offers: Mapping[str, ArrayLike], category_kind: ArrayLike) -> OfferIndex:
    """Build an index from columns (see ``OfferIndex`` for their meaning).

    ``offers`` maps column names to 1-D arrays or lists of equal length; ``person_id`` and
    ``categories`` are required, the rest default to "unknown" / "no limit" (see
    ``OFFER_DEFAULTS``). ``category_kind[c]`` is the kind code of category number c.

    >>> idx = build_index({"person_id": [7, 8], "categories": [0b01, 0b10]}, [0, 0])
    >>> idx.exact_rows[1].tolist(), idx.kind_rows[0].tolist()
    ([1], [0, 1])
    """
    unknown = set(offers) - set(OFFER_COLUMNS)
    if unknown:
        raise ValueError(f"unknown offer columns: {sorted(unknown)}")
    for required in ("person_id", "categories"):
        if required not in offers:
            raise ValueError(f"offer column {required!r} is required")
    n = len(np.asarray(offers["person_id"]))
    cols = {name: _column(offers, name, n) for name in OFFER_COLUMNS}
    kinds = np.array(category_kind, dtype=np.int64)
    if kinds.ndim != 1 or (kinds.size and kinds.min() < 0):
        raise ValueError("category_kind must be a 1-D array of kind codes >= 0")
    if kinds.size > 63:
        raise ValueError("at most 63 categories fit in a bitmask")
    if n and (cols["categories"].min() < 0 or cols["categories"].max() >= (1 << kinds.size)):
        raise ValueError("an offer has a category bit outside category_kind")
    helper, helper_person_id, helper_room = _helpers(cols["person_id"], cols["room_left"])
    cols["room_left"] = helper_room[helper] if n else cols["room_left"]
    kind_categories = _kind_masks(kinds)
    live = cols["active"] & (cols["room_left"] > 0)
    exact, by_kind = _postings(cols["categories"], live, kinds.size, kind_categories)
    return OfferIndex(
        **cols,
        category_kind=kinds,
        kind_categories=kind_categories,
        helper=helper,
        helper_person_id=helper_person_id,
        helper_room=helper_room,
        exact_rows=exact,
        kind_rows=by_kind,
        exact_blocks=tuple(PostingBlock(r, cols, kinds, kind_categories) for r in exact),
        kind_blocks=tuple(PostingBlock(r, cols, kinds, kind_categories) for r in by_kind),
    )


def _refresh_postings(
    index: OfferIndex, changes: dict[str, np.ndarray], touched_categories: int
) -> dict[str, object]:
    """Recompute only the postings of the categories (and their kinds) in ``touched_categories``."""
    cols = {name: changes.get(name, getattr(index, name)) for name in BLOCK_COLUMNS}
    categories = cols["categories"]
    live = cols["active"] & (cols["room_left"] > 0)
    exact, exact_blocks = list(index.exact_rows), list(index.exact_blocks)
    kc, km = index.category_kind, index.kind_categories
    for c in range(index.n_categories):
        if touched_categories & (1 << c):
            exact[c] = np.flatnonzero(live & ((categories & (1 << c)) != 0))
            exact_blocks[c] = PostingBlock(exact[c], cols, kc, km)
    kinds, kind_blocks = list(index.kind_rows), list(index.kind_blocks)
    for k, mask in enumerate(index.kind_categories):
        if touched_categories & mask:
            kinds[k] = np.flatnonzero(live & ((categories & mask) != 0))
            kind_blocks[k] = PostingBlock(kinds[k], cols, kc, km)
    return {
        "exact_rows": tuple(exact),
        "kind_rows": tuple(kinds),
        "exact_blocks": tuple(exact_blocks),
        "kind_blocks": tuple(kind_blocks),
    }


def update_offer(index: OfferIndex, row: int, **fields: object) -> OfferIndex:
    """Return a new index with some fields of one offer row changed.

    Only the changed columns are copied and only the postings of the categories the row had or
    now has are recomputed. ``room_left`` and ``person_id`` are helper-level and cannot be set here:
    use ``update_helper_room`` (room is shared by all offers of a helper) or ``add_offers``.

    >>> idx = build_index({"person_id": [7], "categories": [1]}, [0])
    >>> update_offer(idx, 0, active=False).kind_rows[0].tolist()
    []
    """
    if not 0 <= row < index.n:
        raise IndexError(f"row {row} out of range")
    forbidden = {"room_left", "person_id"} & set(fields)
    if forbidden:
        raise ValueError(f"{sorted(forbidden)} are helper-level; use update_helper_room")
    unknown = set(fields) - set(OFFER_COLUMNS)
    if unknown:
        raise ValueError(f"unknown offer fields: {sorted(unknown)}")
    changes: dict[str, np.ndarray] = {}
    for name, value in fields.items():
        col = getattr(index, name).copy()
        col[row] = value
        changes[name] = col
    new_cats = int(changes.get("categories", index.categories)[row])
    if new_cats < 0 or new_cats >= (1 << index.n_categories):
        raise ValueError("category bit outside category_kind")
    touched = int(index.categories[row]) | new_cats
    return replace(index, **changes, **_refresh_postings(index, changes, touched))


def remove_offer(index: OfferIndex, row: int) -> OfferIndex:
    """Return a new index where ``row`` can no longer be suggested (the row number stays)."""
    return update_offer(index, row, active=False)


def update_helper_room(index: OfferIndex, person_id: int, room_left: int) -> OfferIndex:
    """Return a new index with the remaining room of one helper (all their offers) changed.

    Call it when a match of this helper is made or ends, or at the start of a month.
    """
    rows = np.flatnonzero(index.person_id == person_id)
    if rows.size == 0:
        raise KeyError(f"helper {person_id} has no offer in the index")
    room = max(int(room_left), 0)
    room_col = index.room_left.copy()
    room_col[rows] = room
    helper_room = index.helper_room.copy()
    helper_room[index.helper[rows[0]]] = room
    changes = {"room_left": room_col}
    touched = int(np.bitwise_or.reduce(index.categories[rows]))
    return replace(
        index,
        room_left=room_col,
        helper_room=helper_room,
        **_refresh_postings(index, changes, touched),
    )


def add_offers(index: OfferIndex, offers: Mapping[str, ArrayLike]) -> OfferIndex:
    """Return a new index with offers appended after the existing rows (existing rows keep
    their numbers). This is a full vectorised rebuild: cheap enough (linear, no Python loop per
    offer) for the rate at which people post offers.
    """
    n_new = len(np.asarray(offers["person_id"]))
    old = index.columns()
    merged = {}
    for name in OFFER_COLUMNS:
        tail = _column(offers, name, n_new)
        if name == "offer_id" and name not in offers:
            tail = tail + index.n
        merged[name] = np.concatenate([old[name], tail])
    return build_index(merged, index.category_kind)


def room_left_per_helper(
    person_id: ArrayLike, max_per_month: ArrayLike, matches_this_month: ArrayLike
) -> np.ndarray:
    """Helper-level room for each offer row, from per-offer limits.

    A helper with several offers has one monthly limit: the largest ``max_per_month`` of their
    offers (the most they said they would do), minus their matches this month (summed over their
    offers: ``matches_this_month`` is per offer row). Never negative.

    >>> room_left_per_helper([1, 1, 2], [2, 3, 1], [1, 0, 1]).tolist()
    [2, 2, 0]
    """
    person = np.asarray(person_id, dtype=np.int64)
    limit = np.asarray(max_per_month, dtype=np.int64)
    used = np.asarray(matches_this_month, dtype=np.int64)
    _, helper = np.unique(person, return_inverse=True)
    n_helpers = int(helper.max()) + 1 if helper.size else 0
    max_limit = np.zeros(n_helpers, dtype=np.int64)
    np.maximum.at(max_limit, helper, limit)
    total_used = np.bincount(helper, weights=used, minlength=n_helpers).astype(np.int64)
    return np.maximum(max_limit - total_used, 0)[helper]
