"""One offer index per community per process, kept up to date without asking the database much.

Why: building the index of a city (50,000 offers) takes a few seconds of queries, ranking one
request against it takes milliseconds. So every process keeps, per community, an ``Entry``:
(version, OfferIndex, codebook, weights); the row -> offer id map is the index's ``offer_id``
column.

How it stays correct across processes:

- ``MatchingVersion`` holds one integer per community. Signal handlers (signals.py) bump it with
  ``UPDATE ... SET version = version + 1`` inside the writing transaction whenever something the
  index holds changes: an offer saved or deleted, its categories changed, a helper's area, gender,
  languages or coordinates changed, a match saved (room, idle days, reliability), a category,
  an area or the community's matching settings changed.
- Before ranking, ``entry_for`` reads the version (one cheap query). A different version means
  someone changed something: rebuild from the database.
- The process that handled the signal does not rebuild: after its transaction commits it applies
  the engine's incremental updates (``update_offer``, ``remove_offer``, ``add_offers``,
  ``update_helper_room``) for the helpers concerned and adopts the new version, but only when its
  cached version is exactly one below the version its own bump produced (the row is locked by
  the UPDATE until commit, so nobody else bumped in between). Otherwise it drops the entry and
  the next ranking rebuilds.
- A rolled-back transaction never applies anything, and its bump is rolled back with it.
- The version starts at a random number, so an entry never survives into a re-created community
  that happens to get the same id (a restored database, a test database).

The index itself is immutable (copy-on-write updates), so threads share entries without locks;
the lock below only guards replacing them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from functools import partial

import numpy as np
from django.db import transaction
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
from naober.matchmaking.encode import Codebook, NeedsRebuild, codebook_for, offer_columns
from naober.matchmaking.models import MatchingSettings, MatchingVersion

#: Columns an incremental update may set per row (the rest are identity or helper-level).
ROW_FIELDS = tuple(
    name
    for name in OFFER_COLUMNS
    if name not in ("offer_id", "person_id", "community_id", "room_left")
)


@dataclass(frozen=True)
class Entry:
    version: int
    index: OfferIndex
    row_of: dict[int, int]  # offer id -> row
    codebook: Codebook
    weights: Weights

    def offer_id(self, row: int) -> int:
        return int(self.index.offer_id[row])


_entries: dict[int, Entry] = {}
_lock = threading.Lock()


def weights_for(community_id: int) -> Weights:
    """The community's weights, or the engine's documented defaults."""
    from naober.matchmaking.selectors import weights_of

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
    codebook = codebook_for(community)
    cols = offer_columns(community.pk, codebook)
    index = build_index(cols, codebook.category_kind)
    row_of = {offer_id: row for row, offer_id in enumerate(cols["offer_id"].tolist())}
    return Entry(version, index, row_of, codebook, weights_for(community.pk))


def entry_for(community) -> Entry:
    """The community's current index: the cached one when its version is current, else a
    fresh one (then cached)."""
    version = current_version(community)  # read first: data read after it is at least as new
    entry = _entries.get(community.pk)
    if entry is not None and entry.version == version:
        return entry
    try:
        entry = build_entry(community, version)
    except NeedsRebuild:  # a category appeared between the two reads: try once more
        entry = build_entry(community, current_version(community))
    with _lock:
        _entries[community.pk] = entry
    return entry


def forget(community_id: int | None = None) -> None:
    """Drop cached entries (one community, or all): the next ranking rebuilds."""
    with _lock:
        if community_id is None:
            _entries.clear()
        else:
            _entries.pop(community_id, None)


def bump(community_id: int, helper_ids=None) -> None:
    """Mark the community's index as changed (call inside the writing transaction).

    `helper_ids`: the helpers whose offers changed, for the incremental update in this process;
    None when anything else changed (then this process rebuilds too).
    """
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
    helpers = None if helper_ids is None else frozenset(helper_ids)
    transaction.on_commit(partial(_apply, community_id, version, helpers))


def _apply(community_id: int, version: int, helper_ids) -> None:
    """After commit: bring this process's entry from `version - 1` to `version`."""
    with _lock:
        entry = _entries.get(community_id)
        if entry is None:
            return
        if entry.version != version - 1 or helper_ids is None:
            _entries.pop(community_id, None)
            return
        try:
            fresh = refresh_helpers(entry, helper_ids)
        except NeedsRebuild:
            _entries.pop(community_id, None)
            return
        _entries[community_id] = replace(fresh, version=version)


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
