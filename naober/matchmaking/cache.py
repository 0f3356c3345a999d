"""One offer index per community per process, kept up to date without asking the database much.

Why: building the index of a city (50,000 offers) takes about a second of queries, ranking one
request against it takes milliseconds. So every process keeps, per community, an ``Entry``:
(version, OfferIndex, codebook, weights); the row -> offer id map is the index's ``offer_id``
column.

How it stays correct across processes:

- ``MatchingVersion`` holds one integer per community. Signal handlers (signals.py) call
  ``bump`` inside the writing transaction whenever something the index holds changes: an offer
  saved or deleted, its categories changed, a helper's area, gender, languages or coordinates
  changed, a match saved (room, idle days, reliability), a category, an area or the community's
  matching settings changed. ``bump`` raises the version with ``UPDATE ... SET version =
  version + 1`` (which locks the row until commit) and then writes one ``MatchingChange`` per
  helper concerned, numbered with the new version: per community the steps are gap-free and in
  commit order, on SQLite and PostgreSQL alike.
- Before ranking, ``entry_for`` reads the version (one cheap query). When it moved, it reads the
  steps since its entry's version (one more query) and, when they are all there and name
  helpers only, re-reads just those helpers' offers and applies them with the engine's
  copy-on-write updates (``update_offer``, ``remove_offer``, ``add_offers``,
  ``update_helper_room``): a few milliseconds, in the writing process and in every other one
  alike. A step without a helper (category, area, weights), missing (pruned) steps, a new
  category or a new month (room is counted per calendar month) mean a rebuild.
- A rolled-back transaction takes its bump and its steps with it.
- The version starts at a random number, so an entry never survives into a re-created community
  that happens to get the same id (a restored database, a test database).
- Writers keep the log bounded: every ``PRUNE_EVERY`` versions they delete the steps older than
  ``KEEP_CHANGES`` versions (a process that far behind rebuilds).

The index itself is immutable (copy-on-write updates), so threads share entries without locks;
the lock below only guards replacing them. ``stats`` counts builds and deltas per process (the
benchmark and the two-process test read it).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
from django.db.models import F

from naober.matching import (
    DEFAULT_WEIGHTS,
    OFFER_COLUMNS,
    OfferIndex,
    Weights,
    add_offers,
    build_index,
    remove_offer,
    update_helper_room,
    update_offer,
)
from naober.matchmaking.encode import (
    Codebook,
    NeedsRebuild,
    codebook_for,
    month_start,
    offer_columns,
)
from naober.matchmaking.models import MatchingChange, MatchingSettings, MatchingVersion
from naober.matchmaking.selectors import weights_of

#: Columns an incremental update may set per row (the rest are identity or helper-level).
ROW_FIELDS = tuple(
    name
    for name in OFFER_COLUMNS
    if name not in ("offer_id", "person_id", "community_id", "room_left")
)


#: Versions of steps kept per community, and how often writers prune older ones.
KEEP_CHANGES = 1000
PRUNE_EVERY = 100
#: More helpers than this to re-read, and a rebuild is about as cheap as the delta.
MAX_DELTA_HELPERS = 2000


@dataclass(frozen=True)
class Entry:
    version: int
    index: OfferIndex
    row_of: dict[int, int]  # offer id -> row
    codebook: Codebook
    weights: Weights
    month: datetime  # room is counted from this month's start

    def offer_id(self, row: int) -> int:
        return int(self.index.offer_id[row])


_entries: dict[int, Entry] = {}
_lock = threading.Lock()
stats: Counter = Counter()  # "builds", "deltas": what this process did


def weights_for(community_id: int) -> Weights:
    """The community's weights, or the engine's documented defaults."""

    row = MatchingSettings.objects.filter(community_id=community_id).first()
    return weights_of(row) if row is not None else DEFAULT_WEIGHTS


def current_version(community) -> int:
    version = (
        MatchingVersion.objects.filter(community=community)
        .values_list("version", flat=True)
        .first()
    )
    if version is None:
        version = MatchingVersion.objects.get_or_create(community=community)[0].version
    return version


def build_entry(community, version: int) -> Entry:
    stats["builds"] += 1
    month = month_start()
    codebook = codebook_for(community)
    cols = offer_columns(community.pk, codebook)
    index = build_index(cols, codebook.category_kind)
    row_of = {offer_id: row for row, offer_id in enumerate(cols["offer_id"].tolist())}
    return Entry(version, index, row_of, codebook, weights_for(community.pk), month)


def changed_helpers(community_id: int, since: int, until: int) -> set[int]:
    """The helpers named by the steps (since, until]; NeedsRebuild when a step is missing
    (pruned, or the version was set by hand) or asks for a rebuild."""
    if not since < until <= since + KEEP_CHANGES:
        raise NeedsRebuild(until)
    steps = MatchingChange.objects.filter(
        community_id=community_id, version__gt=since, version__lte=until
    ).values_list("version", "helper_id")
    versions, helpers = set(), set()
    for version, helper_id in steps:
        if helper_id is None:
            raise NeedsRebuild(version)
        versions.add(version)
        helpers.add(helper_id)
    if len(versions) != until - since or len(helpers) > MAX_DELTA_HELPERS:
        raise NeedsRebuild(until)
    return helpers


def catch_up(entry: Entry, version: int) -> Entry:
    """The entry brought from its version to `version` by the logged steps (NeedsRebuild when
    that is not possible)."""
    if entry.month != month_start():
        raise NeedsRebuild(version)
    helpers = changed_helpers(entry.codebook.community_id, entry.version, version)
    fresh = refresh_helpers(entry, helpers) if helpers else entry
    stats["deltas"] += 1
    return replace(fresh, version=version)


def entry_for(community) -> Entry:
    """The community's current index: the cached one when its version is current, else the
    cached one with the logged changes applied, else a fresh one (then cached)."""
    version = current_version(community)  # read first: data read after it is at least as new
    entry = _entries.get(community.pk)
    if entry is not None and entry.version == version:
        return entry
    fresh = None
    if entry is not None:
        try:
            fresh = catch_up(entry, version)
        except NeedsRebuild:
            fresh = None
    if fresh is None:
        try:
            fresh = build_entry(community, version)
        except NeedsRebuild:  # a category appeared between the two reads: try once more
            fresh = build_entry(community, current_version(community))
    with _lock:
        _entries[community.pk] = fresh
    return fresh


def forget(community_id: int | None = None) -> None:
    """Drop cached entries (one community, or all): the next ranking rebuilds."""
    with _lock:
        if community_id is None:
            _entries.clear()
        else:
            _entries.pop(community_id, None)


def bump(community_id: int, helper_ids=None) -> None:
    """Record a change of the community's index (call inside the writing transaction).

    `helper_ids`: the helpers whose offers, room or person changed; None when anything else
    changed (then every process rebuilds).
    """
    if helper_ids is not None and not helper_ids:
        return
    updated = MatchingVersion.objects.filter(community_id=community_id).update(
        version=F("version") + 1
    )
    if not updated:  # nobody has ranked in this community yet: nothing is cached anywhere
        return
    version = (
        MatchingVersion.objects.filter(community_id=community_id)
        .values_list("version", flat=True)
        .first()
    )
    helpers = [None] if helper_ids is None else sorted(set(helper_ids))
    MatchingChange.objects.bulk_create(
        MatchingChange(community_id=community_id, version=version, helper_id=helper)
        for helper in helpers
    )
    if version % PRUNE_EVERY == 0:
        MatchingChange.objects.filter(
            community_id=community_id, version__lte=version - KEEP_CHANGES
        ).delete()


def refresh_helpers(entry: Entry, helper_ids) -> Entry:
    """The entry with the offers of these helpers re-read from the database and applied with the
    engine's copy-on-write updates (existing rows keep their numbers)."""
    cols = offer_columns(entry.codebook.community_id, entry.codebook, helper_ids)
    index, row_of = entry.index, dict(entry.row_of)
    seen, new = set(), []
    for i, offer_id in enumerate(cols["offer_id"].tolist()):
        row = row_of.get(offer_id)
        if row is None:
            new.append(i)
            continue
        if int(index.person_id[row]) != int(cols["person_id"][i]):
            raise NeedsRebuild(offer_id)  # an offer changed hands: rare, rebuild
        seen.add(offer_id)
        index = update_offer(index, row, **{name: cols[name][i] for name in ROW_FIELDS})
    for person_id in helper_ids:
        for row in np.flatnonzero(index.person_id == person_id).tolist():
            if int(index.offer_id[row]) not in seen and index.active[row]:
                index = remove_offer(index, row)  # deleted offer: the row stays, dead
    if new:
        first = index.n
        index = add_offers(index, {name: cols[name][new] for name in OFFER_COLUMNS})
        for k, i in enumerate(new):
            row_of[int(cols["offer_id"][i])] = first + k
    room = dict(zip(cols["person_id"].tolist(), cols["room_left"].tolist(), strict=True))
    for person_id, left in room.items():
        index = update_helper_room(index, person_id, left)
    return replace(entry, index=index, row_of=row_of)
