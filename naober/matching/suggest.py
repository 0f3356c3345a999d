"""Ranked suggestions for one request: the fast path and its brute-force reference.

``suggest`` scores only the postings of the request's category (or kind), drops infeasible rows
before computing features, and returns the top k helpers. ``score_all_dense`` scores every row of
the index with dense NumPy and marks infeasible rows ``-inf``; it is the reference that tests and
the benchmark compare ``suggest`` against.

Both rank by score (descending), then by row (ascending) so ties are deterministic, and keep one
suggestion per helper (their best offer): a coordinator wants k different people, not the same
neighbour three times.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .constraints import feasible_without_distance, within_radius
from .features import combine, effective_distance, features, features_many
from .index import OfferIndex
from .reasons import Reason, reasons_for_row
from .request import Request
from .weights import DEFAULT_WEIGHTS, Weights


class Suggestion(NamedTuple):
    """One ranked helper: the offer row, the helper's person id, the score in [0, 1], reasons."""

    row: int
    person_id: int
    score: float
    reasons: tuple[Reason, ...]


def score_rows(
    index: OfferIndex, rows: np.ndarray | None, request: Request, weights: Weights
) -> np.ndarray:
    """Scores of ``rows`` (None = all rows) in [0, 1]; ``-inf`` where a hard constraint fails."""
    ok = feasible_without_distance(index, rows, request, weights)
    distance = effective_distance(index, rows, request)
    ok &= within_radius(index, rows, request, distance)
    score = combine(features(index, rows, request, weights, distance), weights)
    return np.where(ok, score, -np.inf)


def score_all_dense(
    index: OfferIndex, request: Request, weights: Weights = DEFAULT_WEIGHTS
) -> np.ndarray:
    """Brute-force reference: the score of *every* row (length ``index.n``), ``-inf`` if infeasible.

    No postings, no early filtering: every feature of every row is computed.
    """
    return score_rows(index, None, request, weights)


def _feasible_rows(
    index: OfferIndex, request: Request, weights: Weights
) -> tuple[np.ndarray, np.ndarray]:
    """(rows, distances) of the feasible candidate rows, via the postings; rows ascending.
    Cheap constraints run first on the whole posting list, the distance only on the survivors."""
    block = index.candidate_block(request.category, weights.kind_credit)
    ok = feasible_without_distance(block, None, request, weights)  # type: ignore[arg-type]
    distance = effective_distance(block, None, request)  # type: ignore[arg-type]
    ok &= within_radius(block, None, request, distance)  # type: ignore[arg-type]
    keep = np.flatnonzero(ok)
    return block.rows[keep], distance[keep]


def feasible_scores(
    index: OfferIndex, request: Request, weights: Weights = DEFAULT_WEIGHTS
) -> tuple[np.ndarray, np.ndarray]:
    """(rows, scores) of the feasible candidate rows, via the postings; rows ascending.

    The features are computed only for the rows that pass every constraint.
    """
    rows, distance = _feasible_rows(index, request, weights)
    scores = combine(features(index, rows, request, weights, distance), weights)
    return rows, scores


#: Requests scored in one pass by ``feasible_scores_many``.
MANY_CHUNK = 500


def feasible_scores_many(
    index: OfferIndex, requests: Sequence[Request], weights: Weights = DEFAULT_WEIGHTS
) -> list[tuple[np.ndarray, np.ndarray]]:
    """``feasible_scores`` of each request, equal to it bit for bit, with the features of
    ``MANY_CHUNK`` requests at a time computed in one vectorised pass (``features_many``): what
    ``plan`` uses. The chunks bound the memory (a city's 5,000 requests have 2.5 million
    feasible rows)."""
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for start in range(0, len(requests), MANY_CHUNK):
        chunk = requests[start : start + MANY_CHUNK]
        found = [_feasible_rows(index, r, weights) for r in chunk]
        sizes = np.array([rows.size for rows, _ in found], dtype=np.int64)
        rows = np.concatenate([rows for rows, _ in found])
        distance = np.concatenate([d for _, d in found])
        scores = combine(features_many(index, rows, sizes, chunk, weights, distance), weights)
        cut = np.cumsum(sizes)[:-1]
        out.extend(zip(np.split(rows, cut), np.split(scores, cut), strict=True))
    return out


def top_k_per_person(
    rows: np.ndarray, scores: np.ndarray, person_id: np.ndarray, k: int
) -> np.ndarray:
    """Positions (into ``rows``) of the best ``k`` feasible entries, one per person.

    Order: score descending, then row ascending. Infinite (-inf) scores are never selected.
    Only the top slice is sorted: all entries at or above a partition threshold (ties included),
    widened until it holds ``k`` distinct people.

    >>> top_k_per_person(np.array([0, 1, 2, 3]), np.array([0.5, 0.9, 0.9, -np.inf]),
    ...                  np.array([10, 11, 11, 12]), 2).tolist()
    [1, 0]
    """
    finite = np.flatnonzero(np.isfinite(scores))
    if k <= 0 or finite.size == 0:
        return np.zeros(0, dtype=np.int64)
    pool = finite
    t = min(finite.size, 4 * k)
    while True:
        if t < finite.size:
            threshold = np.partition(scores[finite], finite.size - t)[finite.size - t]
            pool = finite[scores[finite] >= threshold]
        else:
            pool = finite
        order = pool[np.lexsort((rows[pool], -scores[pool]))]
        _, first = np.unique(person_id[order], return_index=True)
        if first.size >= k or pool.size == finite.size:
            return order[np.sort(first)[:k]]
        t = min(finite.size, 4 * t)


def suggest(
    index: OfferIndex, request: Request, weights: Weights = DEFAULT_WEIGHTS, k: int = 10
) -> list[Suggestion]:
    """The top ``k`` helpers for ``request``, best first, each with a score and reasons."""
    rows, scores = feasible_scores(index, request, weights)
    chosen = top_k_per_person(rows, scores, index.person_id[rows], k)
    return [
        Suggestion(
            row=int(rows[i]),
            person_id=int(index.person_id[rows[i]]),
            score=float(scores[i]),
            reasons=reasons_for_row(index, int(rows[i]), request, weights),
        )
        for i in chosen
    ]


def suggest_dense(
    index: OfferIndex, request: Request, weights: Weights = DEFAULT_WEIGHTS, k: int = 10
) -> list[Suggestion]:
    """``suggest`` computed from ``score_all_dense`` (same ranking rule), for tests and bench."""
    scores = score_all_dense(index, request, weights)
    rows = np.arange(index.n)
    chosen = top_k_per_person(rows, scores, index.person_id, k)
    return [
        Suggestion(
            row=int(i),
            person_id=int(index.person_id[i]),
            score=float(scores[i]),
            reasons=reasons_for_row(index, int(i), request, weights),
        )
        for i in chosen
    ]
