"""Batch planning: assign many open requests to helpers at once.

``plan`` maximises, in this order:

1. the *number* of matched requests (no request is left waiting if any assignment could serve it);
2. the sum of request priorities (``Request.priority``: urgent and vulnerable requests first);
3. the sum of fit scores.

It never gives a helper more requests than their remaining room this month (capacity is per
helper, over all their offers) and only uses edges that pass the same hard constraints as
``suggest``.

Method: an exact min-cost assignment. Each helper h is expanded into ``min(room_h, degree_h)``
identical slot columns; each request also gets its own "unmatched" dummy column. A request-slot
edge costs ``1 + (v_max - v)`` with ``v = priority + score``; a dummy costs ``D = 2 + (n + 1) *
(spread + 1)``, more than any rearrangement of the other requests can save, so cardinality dominates
(big M). ``scipy.sparse.csgraph.min_weight_full_bipartite_matching`` (LAPJVsp) solves it.

Large batches: ``max_candidates=K`` keeps only each request's K best helpers as edges, which keeps
the assignment graph small, and adds the edges of one maximum flow over *all* feasible edges
(``scipy.sparse.csgraph.maximum_flow``: source -> request (1) -> helper (room) -> sink). The kept
graph therefore still contains an assignment of maximum size, so the number of matched requests
is exactly the optimum over all feasible edges; priority and fit are optimal over the kept edges
(exact in every respect when K is None). Without the flow edges, top-K pruning loses requests
exactly where it hurts: where many requests compete for the same few nearby helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow, min_weight_full_bipartite_matching

from .features import effective_distance
from .index import OfferIndex
from .request import Request
from .suggest import feasible_scores, feasible_scores_many
from .weights import DEFAULT_WEIGHTS, Weights


@dataclass(frozen=True, eq=False)
class Plan:
    """An assignment of requests (in input order) to offer rows.

    - ``rows[i]``: the offer row assigned to request i, or -1.
    - ``person_ids[i]``: the helper's person id, or -1.
    - ``scores[i]``: the fit score of that pair, NaN when unmatched.
    - ``exact_cardinality``: True when no assignment over all feasible edges matches more requests.
    """

    rows: np.ndarray
    person_ids: np.ndarray
    scores: np.ndarray
    exact_cardinality: bool

    @property
    def n_matched(self) -> int:
        return int((self.rows >= 0).sum())


@dataclass(frozen=True, eq=False)
class RequestEdges:
    """Feasible helpers of one request: one entry per helper (their best offer row for it),
    ordered by score descending, then row ascending."""

    helpers: np.ndarray
    rows: np.ndarray
    scores: np.ndarray


def request_edges(index: OfferIndex, request: Request, weights: Weights) -> RequestEdges:
    """All feasible helpers of a request, each with their best offer row."""
    return _edges(index, *feasible_scores(index, request, weights))


def _edges(index: OfferIndex, rows: np.ndarray, scores: np.ndarray) -> RequestEdges:
    """Each helper's best row of these (rows ascending), best first, ties by row."""
    ranked = np.argsort(-scores, kind="stable")  # rows ascending: ties stay by row
    helpers = index.helper[rows[ranked]]
    _, first = np.unique(helpers, return_index=True)  # each helper's best-ranked offer
    order = ranked[np.sort(first)]
    return RequestEdges(helpers=index.helper[rows[order]], rows=rows[order], scores=scores[order])


def _empty_plan(n: int) -> Plan:
    return Plan(
        rows=np.full(n, -1, dtype=np.int64),
        person_ids=np.full(n, -1, dtype=np.int64),
        scores=np.full(n, np.nan),
        exact_cardinality=True,
    )


def _flow_graph(
    edge_request: np.ndarray, edge_helper: np.ndarray, capacity: np.ndarray, n: int
) -> tuple[csr_array, np.ndarray, int]:
    helpers, local = np.unique(edge_helper, return_inverse=True)
    n_h = helpers.size
    sink = n + n_h + 1
    tails = np.concatenate([np.zeros(n, np.int64), 1 + edge_request, 1 + n + np.arange(n_h)])
    heads = np.concatenate([1 + np.arange(n), 1 + n + local, np.full(n_h, sink)])
    caps = np.concatenate([np.ones(n), np.ones(edge_request.size), capacity[helpers]])
    keep = caps > 0
    graph = csr_array(
        (caps[keep].astype(np.int32), (tails[keep], heads[keep])), shape=(sink + 1, sink + 1)
    )
    graph.sum_duplicates()
    return graph, helpers, sink


def max_matchable(
    edge_request: np.ndarray, edge_helper: np.ndarray, capacity: np.ndarray, n: int
) -> int:
    """Maximum number of requests that can be matched (max flow source -> request (1) -> helper
    (capacity) -> sink) over the given request-helper edges. ``capacity`` is indexed by helper.

    >>> max_matchable(np.array([0, 1]), np.array([0, 0]), np.array([1]), 2)
    1
    """
    if edge_request.size == 0:
        return 0
    graph, _, sink = _flow_graph(edge_request, edge_helper, capacity, n)
    return int(maximum_flow(graph, 0, sink).flow_value)


def max_flow_assignment(
    edge_request: np.ndarray, edge_helper: np.ndarray, capacity: np.ndarray, n: int
) -> np.ndarray:
    """One maximum-size assignment (ignoring fit): per request its helper, or -1."""
    out = np.full(n, -1, dtype=np.int64)
    if edge_request.size == 0:
        return out
    graph, helpers, sink = _flow_graph(edge_request, edge_helper, capacity, n)
    flow = maximum_flow(graph, 0, sink).flow.tocoo()
    used = (flow.data > 0) & (flow.row >= 1) & (flow.row <= n) & (flow.col > n) & (flow.col < sink)
    out[flow.row[used] - 1] = helpers[flow.col[used] - n - 1]
    return out


def _solve(
    edges: Sequence[RequestEdges],
    positions: Sequence[np.ndarray],
    capacity: np.ndarray,
    priority: np.ndarray,
) -> np.ndarray:
    """Min-cost assignment over the edges at ``positions[i]`` of each request's ``RequestEdges``.
    Returns, per request, the position of the chosen edge (or -1)."""
    n = len(edges)
    choice = np.full(n, -1, dtype=np.int64)
    deg = np.array([p.size for p in positions], dtype=np.int64)
    if n == 0 or deg.sum() == 0:
        return choice
    edge_req = np.repeat(np.arange(n), deg)
    edge_pos = np.concatenate(positions)
    edge_h = np.concatenate([e.helpers[p] for e, p in zip(edges, positions, strict=True)])
    edge_v = np.repeat(priority, deg) + np.concatenate(
        [e.scores[p] for e, p in zip(edges, positions, strict=True)]
    )
    helpers, local = np.unique(edge_h, return_inverse=True)
    slots = np.minimum(capacity[helpers], np.bincount(local, minlength=helpers.size))
    usable = slots[local] > 0
    edge_req, edge_pos, local, edge_v = (x[usable] for x in (edge_req, edge_pos, local, edge_v))
    slot_start = np.concatenate([[0], np.cumsum(slots)])
    n_slots = int(slot_start[-1])
    # Expand every edge into one entry per slot of its helper.
    reps = slots[local]
    entry = np.repeat(np.arange(edge_req.size), reps)
    offset = np.arange(entry.size) - np.repeat(np.cumsum(reps) - reps, reps)
    cols = slot_start[local][entry] + offset
    v = edge_v[entry]
    v_max = float(v.max()) if v.size else 0.0
    spread = float(v_max - v.min()) if v.size else 0.0
    cost = 1.0 + (v_max - v)
    dummy = 2.0 + (n + 1) * (spread + 1.0)
    all_rows = np.concatenate([edge_req[entry], np.arange(n)])
    all_cols = np.concatenate([cols, n_slots + np.arange(n)])
    all_cost = np.concatenate([cost, np.full(n, dummy)])
    graph = csr_array((all_cost, (all_rows, all_cols)), shape=(n, n_slots + n))
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    real = col_ind < n_slots
    # Map (request, slot) back to the edge: entries are unique per (request, slot column).
    key = edge_req[entry] * (n_slots + 1) + cols
    order = np.argsort(key)
    found = order[np.searchsorted(key[order], row_ind[real] * (n_slots + 1) + col_ind[real])]
    choice[row_ind[real]] = edge_pos[entry[found]]
    return choice


def plan(
    index: OfferIndex,
    requests: Sequence[Request],
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    max_candidates: int | None = None,
) -> Plan:
    """The assignment of ``requests`` to helpers described in the module docstring.

    ``max_candidates=None`` is exact in every respect; a value such as 50 is much faster on large
    batches and still maximal in the number of matched requests.
    """
    n = len(requests)
    if n == 0:
        return _empty_plan(0)
    edges = [_edges(index, *found) for found in feasible_scores_many(index, requests, weights)]
    priority = np.array(
        [r.priority(weights.urgency_weight, weights.vulnerable_weight) for r in requests]
    )
    capacity = index.helper_room
    deg = np.array([e.helpers.size for e in edges], dtype=np.int64)
    k = max_candidates
    if k is None or not (deg > k).any():
        positions = [np.arange(d) for d in deg.tolist()]
    else:
        flow_helper = max_flow_assignment(
            np.repeat(np.arange(n), deg), np.concatenate([e.helpers for e in edges]), capacity, n
        )
        positions = []
        for e, d, h in zip(edges, deg.tolist(), flow_helper.tolist(), strict=True):
            top = np.arange(min(k, d))
            if h >= 0:
                pos = int(np.flatnonzero(e.helpers == h)[0])
                if pos >= k:
                    top = np.append(top, pos)
            positions.append(top)
    choice = _solve(edges, positions, capacity, priority)
    rows = np.full(n, -1, dtype=np.int64)
    scores = np.full(n, np.nan)
    for i in np.flatnonzero(choice >= 0).tolist():
        rows[i] = edges[i].rows[choice[i]]
        scores[i] = edges[i].scores[choice[i]]
    person_ids = np.full(n, -1, dtype=np.int64)
    person_ids[rows >= 0] = index.person_id[rows[rows >= 0]]
    return Plan(rows=rows, person_ids=person_ids, scores=scores, exact_cardinality=True)


def greedy_plan(
    index: OfferIndex, requests: Sequence[Request], weights: Weights = DEFAULT_WEIGHTS
) -> Plan:
    """What a dispatcher does by hand: first come, first served (by ``created``, then input
    order), each request gets the *nearest* feasible helper who still has room (ties: higher
    score, then lower row). Not optimal; kept as the baseline ``plan`` is measured against.
    """
    n = len(requests)
    out = _empty_plan(n)
    rows_out, persons_out, scores_out = out.rows, out.person_ids, out.scores
    room = index.helper_room.copy()
    order = sorted(range(n), key=lambda i: (requests[i].created, i))
    for i in order:
        request = requests[i]
        rows, scores = feasible_scores(index, request, weights)
        free = room[index.helper[rows]] > 0
        rows, scores = rows[free], scores[free]
        if rows.size == 0:
            continue
        distance = effective_distance(index, rows, request)
        pick = np.lexsort((rows, -scores, distance))[0]
        row = int(rows[pick])
        room[index.helper[row]] -= 1
        rows_out[i] = row
        persons_out[i] = index.person_id[row]
        scores_out[i] = scores[pick]
    return Plan(rows=rows_out, person_ids=persons_out, scores=scores_out, exact_cardinality=False)
