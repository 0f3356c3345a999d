"""Batch planning: assign many open requests to helpers at once.

``plan`` maximises, in this order:

1. the *number* of matched requests (no request is left waiting if any assignment could serve it);
2. the sum of request priorities (``Request.priority``: urgent and vulnerable requests first);
3. the sum of fit scores.

It never gives a helper more requests than their remaining room this month (capacity is per
helper, over all their offers) and only uses edges that pass the same hard constraints as
``suggest``.

Method: one maximum flow over *all* feasible edges (``scipy.sparse.csgraph.maximum_flow``:
source -> request (1) -> helper (room) -> sink) gives the maximum number of matched requests and
one assignment of that size. Alternating paths from the requests it leaves waiting (request ->
any of its helpers -> a request that helper serves) split the batch in two (Koenig's theorem):
the requests that *some* maximum assignment leaves waiting, with the helpers they compete for,
whose room is full in every maximum assignment; and the rest, where every request is served.
Each part is then one exact min-cost assignment (``min_weight_full_bipartite_matching``,
LAPJVsp; each helper h expanded into ``min(room_h, degree_h)`` identical slot columns, cost
``1 + (v_max - v)`` with ``v = priority + score``): in the first part every slot is filled and
the assignment picks which requests wait; in the second every request gets a slot, so the
priorities add up the same whatever the assignment and ``v`` is the score alone. Together they
are the best assignment by priority and fit among all of maximum size; no "unmatched" column with
a big-M cost is needed (that single assignment took about 4x as long).

Large batches: ``max_candidates=K`` keeps only each request's K best helpers as edges, which keeps
the assignment graph small, plus the edge of the maximum flow of each request. The kept graph
therefore still contains an assignment of maximum size, so the number of matched requests
is exactly the optimum over all feasible edges; priority and fit are optimal over the kept edges
(exact in every respect when K is None). Without the flow edges, top-K pruning loses requests
exactly where it hurts: where many requests compete for the same few nearby helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import (
    breadth_first_order,
    maximum_flow,
    min_weight_full_bipartite_matching,
)

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


#: "Not seen yet" in the scratch space of ``_edges``.
FAR = np.iinfo(np.int64).max


def _edges(
    index: OfferIndex, rows: np.ndarray, scores: np.ndarray, first: np.ndarray | None = None
) -> RequestEdges:
    """Each helper's best row of these (rows ascending), best first, ties by row.

    ``first``: scratch space, one entry per helper, all ``FAR`` (and left so): ``plan`` passes
    one for all its requests, as an allocation per request costs more than the search itself.
    """
    if first is None:
        first = np.full(index.helper_room.size, FAR, dtype=np.int64)
    ranked = np.argsort(-scores, kind="stable")  # rows ascending: ties stay by row
    helpers = index.helper[rows[ranked]]
    position = np.arange(helpers.size)
    np.minimum.at(first, helpers, position)  # each helper's best-ranked offer
    best = ranked[first[helpers] == position]
    first[helpers] = FAR
    return RequestEdges(helpers=index.helper[rows[best]], rows=rows[best], scores=scores[best])


def _empty_plan(n: int) -> Plan:
    return Plan(
        rows=np.full(n, -1, dtype=np.int64),
        person_ids=np.full(n, -1, dtype=np.int64),
        scores=np.full(n, np.nan),
        exact_cardinality=True,
    )


@dataclass(frozen=True, eq=False)
class _EdgeTable:
    """Every request's ``RequestEdges`` in flat arrays, requests in order (what ``plan`` works
    on: one array operation over all edges instead of a Python loop over the requests)."""

    request: np.ndarray
    rank: np.ndarray  # position within the request's edges (0 = its best helper)
    helper: np.ndarray
    row: np.ndarray
    score: np.ndarray


def _edge_table(index: OfferIndex, found: Sequence[tuple[np.ndarray, np.ndarray]]) -> _EdgeTable:
    first = np.full(index.helper_room.size, FAR, dtype=np.int64)
    edges = [_edges(index, rows, scores, first) for rows, scores in found]
    deg = np.array([e.helpers.size for e in edges], dtype=np.int64)
    start = np.cumsum(deg) - deg
    request = np.repeat(np.arange(deg.size), deg)
    return _EdgeTable(
        request=request,
        rank=np.arange(request.size) - start[request],
        helper=np.concatenate([e.helpers for e in edges]) if edges else np.zeros(0, np.int64),
        row=np.concatenate([e.rows for e in edges]) if edges else np.zeros(0, np.int64),
        score=np.concatenate([e.scores for e in edges]) if edges else np.zeros(0),
    )


def _flow_graph(
    edge_request: np.ndarray, edge_helper: np.ndarray, capacity: np.ndarray, n: int
) -> tuple[csr_array, int]:
    """The network source (0) -> request 1 + i (1) -> helper 1 + n + h (capacity[h]) -> sink,
    written straight into CSR arrays (a COO conversion sorted 2 million edges for nothing)."""
    n_h = capacity.size
    sink = n + n_h + 1
    order = np.argsort(edge_request, kind="stable")  # plan's edges are already in this order
    cap = np.minimum(capacity, n).astype(np.int32)  # no helper takes more than every request
    per_node = np.concatenate(
        [[n], np.bincount(edge_request, minlength=n), (cap > 0).astype(np.int64), [0]]
    )
    indptr = np.concatenate([[0], np.cumsum(per_node)]).astype(np.int32)
    indices = np.concatenate(
        [1 + np.arange(n), 1 + n + edge_helper[order], np.full(int((cap > 0).sum()), sink)]
    ).astype(np.int32)
    data = np.concatenate([np.ones(n + edge_request.size, np.int32), cap[cap > 0]])
    return csr_array((data, indices, indptr), shape=(sink + 1, sink + 1)), sink


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
    graph, sink = _flow_graph(edge_request, edge_helper, capacity, n)
    return int(maximum_flow(graph, 0, sink).flow_value)


def max_flow_assignment(
    edge_request: np.ndarray, edge_helper: np.ndarray, capacity: np.ndarray, n: int
) -> np.ndarray:
    """One maximum-size assignment (ignoring fit): per request its helper, or -1.

    >>> max_flow_assignment(np.array([0, 1, 1]), np.array([0, 0, 1]), np.array([1, 1]), 2)
    array([0, 1])
    """
    out = np.full(n, -1, dtype=np.int64)
    if edge_request.size == 0:
        return out
    graph, sink = _flow_graph(edge_request, edge_helper, capacity, n)
    flow = maximum_flow(graph, 0, sink).flow
    # Only the request rows (1..n) of the flow matter: read them straight from its CSR arrays.
    lo, hi = flow.indptr[1], flow.indptr[n + 1]
    rows = np.repeat(np.arange(n), np.diff(flow.indptr[1 : n + 2]))
    cols, sent = flow.indices[lo:hi], flow.data[lo:hi]
    used = (sent > 0) & (cols > n) & (cols < sink)
    out[rows[used]] = cols[used] - n - 1
    return out


def _alternating_reach(
    edge_request: np.ndarray, edge_helper: np.ndarray, matched: np.ndarray, n: int, n_h: int
) -> tuple[np.ndarray, np.ndarray]:
    """(requests, helpers) reachable from the requests a maximum assignment ``matched`` leaves
    unmatched, by alternating paths: request -> any of its helpers -> a request that helper
    serves. These requests are exactly those that some maximum assignment leaves unmatched;
    every slot of these helpers is full in every maximum assignment, and always with one of
    these requests (Koenig: the requests outside and the helpers inside form a minimum cover)."""
    served = matched >= 0
    free = np.flatnonzero(~served)
    tails = np.concatenate(
        [np.zeros(free.size, np.int64), 1 + edge_request, 1 + n + matched[served]]
    )
    heads = np.concatenate([1 + free, 1 + n + edge_helper, 1 + np.flatnonzero(served)])
    size = 1 + n + n_h
    graph = csr_array((np.ones(tails.size, np.int8), (tails, heads)), shape=(size, size))
    reached = breadth_first_order(graph, 0, directed=True, return_predecessors=False)
    requests = np.zeros(n, dtype=bool)
    helpers = np.zeros(n_h, dtype=bool)
    requests[reached[(reached >= 1) & (reached <= n)] - 1] = True
    helpers[reached[reached > n] - n - 1] = True
    return requests, helpers


def _min_cost_slots(
    edge_request: np.ndarray, edge_helper: np.ndarray, value: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """Positions (into the edges) of an assignment of the highest total ``value`` among those
    that fill the smaller side: every request, or every slot when slots are fewer. Each helper h
    becomes ``min(capacity[h], degree)`` identical slot columns; LAPJVsp solves it (costs must be
    positive: ``1 + max - value``)."""
    if edge_request.size == 0:
        return np.zeros(0, dtype=np.int64)
    requests, req_local = np.unique(edge_request, return_inverse=True)
    helpers, local = np.unique(edge_helper, return_inverse=True)
    slots = np.minimum(capacity[helpers], np.bincount(local, minlength=helpers.size))
    slot_start = np.cumsum(slots) - slots
    reps = slots[local]
    entry = np.repeat(np.arange(local.size), reps)
    cols = (
        slot_start[local][entry] + np.arange(entry.size) - np.repeat(np.cumsum(reps) - reps, reps)
    )
    cost = 1.0 + (value.max() - value)
    graph = csr_array(
        (cost[entry], (req_local[entry], cols)), shape=(requests.size, int(slots.sum()))
    )
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    slot_helper = np.repeat(np.arange(helpers.size), slots)
    # (request, helper) names one edge: find it by a search over the sorted pairs.
    key = req_local * helpers.size + local
    order = np.argsort(key)
    return order[np.searchsorted(key[order], row_ind * helpers.size + slot_helper[col_ind])]


def _assign(
    table: _EdgeTable,
    kept: np.ndarray,
    priority: np.ndarray,
    capacity: np.ndarray,
    matched: np.ndarray,
) -> np.ndarray:
    """Per request the position (into the table) of its edge in the assignment of the highest
    total priority plus score among the maximum-size assignments over the ``kept`` edges, or -1.
    ``matched`` (per request a helper or -1) is one maximum assignment, over kept edges only.

    The requests that some maximum assignment leaves waiting and the helpers they compete for
    (``_alternating_reach``) form a part of their own: there every slot is filled and some
    requests lose; elsewhere every request is served, so there priorities add up the same in
    every assignment and only the scores count (which LAPJVsp also solves faster). Each part is
    one min-cost assignment, without an "unmatched" column per request and its big-M cost (the
    single assignment this replaced took about 4x as long for the same optimum).
    """
    n = matched.size
    edges = np.flatnonzero(kept)
    request, helper, score = table.request[edges], table.helper[edges], table.score[edges]
    contested, full = _alternating_reach(request, helper, matched, n, capacity.size)
    choice = np.full(n, -1, dtype=np.int64)
    some_wait = contested[request]
    all_served = ~some_wait & ~full[helper]
    for part, value in (
        (some_wait, priority[request[some_wait]] + score[some_wait]),
        (all_served, score[all_served]),
    ):
        picked = edges[part][_min_cost_slots(request[part], helper[part], value, capacity)]
        choice[table.request[picked]] = picked
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
    table = _edge_table(index, feasible_scores_many(index, requests, weights))
    if table.request.size == 0:
        return _empty_plan(n)
    priority = np.array(
        [r.priority(weights.urgency_weight, weights.vulnerable_weight) for r in requests]
    )
    capacity = index.helper_room
    # One maximum flow over *all* feasible edges: its edges are kept whatever their rank.
    matched = max_flow_assignment(table.request, table.helper, capacity, n)
    kept = np.ones(table.request.size, dtype=bool)
    if max_candidates is not None:
        kept = (table.rank < max_candidates) | (table.helper == matched[table.request])
    choice = _assign(table, kept, priority, capacity, matched)
    served = choice >= 0
    rows = np.where(served, table.row[choice], -1)
    scores = np.where(served, table.score[choice], np.nan)
    person_ids = np.where(served, index.person_id[rows], -1)
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
