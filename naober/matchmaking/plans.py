"""The community's batch plan, made in the background and kept in the database (issue 16.4).

Why: planning a city (500 open requests against 50,000 offers) costs the engine about half a
second of CPU, and reading and encoding the requests more; the plan page must answer within
300 ms, also right after a coordinator proposed a line. So the plan is made once per change,
not once per visit:

- ``PlanSnapshot`` holds the plan's lines (request, offer, score, priority, and the reasons as
  the engine's codes) and what it was made from: the index version and the requests version
  (``MatchingVersion``) and the month (room is counted per calendar month).
- Every change that bumps either version asks the task worker for a new plan once the change
  is committed (tasks.queue_refresh; signals.py); a burst of changes queues one task.
- The page reads the versions and the snapshot, and the requests, offers and helpers of its 50
  lines only. When something changed since the plan was made it says so, with the plan's time,
  leaves out the lines that can no longer be proposed (request taken or closed, offer paused or
  gone), and has a button that makes a new plan at once (when no worker runs, or one cannot
  wait). A community's very first plan is made on its first visit.
- The API returns the current plan: made at once when the kept one is out of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import HelpOffer, HelpRequest
from naober.matchmaking import ranking, selectors
from naober.matchmaking.cache import current_version
from naober.matchmaking.encode import month_start
from naober.matchmaking.models import MatchingVersion, PlanSnapshot
from naober.matchmaking.reasons import reason_texts


@dataclass(frozen=True)
class PlanLine:
    request: HelpRequest
    offer: HelpOffer
    person: object
    score: float
    reasons: list[str]
    priority: float


@dataclass(frozen=True)
class ShownPlan:
    """What the plan page shows: the lines, when the plan was made, and whether nothing has
    changed since."""

    lines: PlanLines
    made_at: datetime
    current: bool
    queued_at: datetime | None  # when a new plan was last asked of the task worker


def versions_of(community_id: int) -> tuple[int, int] | None:
    """(index version, requests version), or None before anyone ranked in the community."""
    return (
        MatchingVersion.objects.filter(community_id=community_id)
        .values_list("version", "requests_version")
        .first()
    )


def bump_requests(community_id: int) -> None:
    """Record a change of what the plan reads of the open requests (inside the writing
    transaction); nothing to do before anyone ranked in the community."""
    MatchingVersion.objects.filter(community_id=community_id).update(
        requests_version=F("requests_version") + 1
    )


def is_current(snapshot: PlanSnapshot, versions) -> bool:
    return (
        versions == (snapshot.index_version, snapshot.requests_version)
        and snapshot.month == month_start()
    )


def make_plan(community) -> PlanSnapshot:
    """Plan every plannable request of the community now and keep the plan (system task: the
    worker and the callers below, which check the permission)."""
    versions = versions_of(community.pk)
    if versions is None:
        current_version(community)  # creates the row
        versions = versions_of(community.pk)
    # The versions are read first: what is read after them is at least as new, so a change
    # that lands meanwhile leaves the kept plan marked out of date, never wrongly current.
    month, lines = ranking.planned_lines(community)
    snapshot, _created = PlanSnapshot.objects.update_or_create(
        community=community,
        defaults={
            "index_version": versions[0],
            "requests_version": versions[1],
            "month": month,
            "made_at": timezone.now(),
            "lines": lines,
        },
    )
    return snapshot


def refresh(community) -> PlanSnapshot:
    """The kept plan when it is current, else a new one."""
    snapshot = PlanSnapshot.objects.filter(community=community).first()
    if snapshot is not None and is_current(snapshot, versions_of(community.pk)):
        return snapshot
    return make_plan(community)


class PlanLines:
    """A kept plan's lines in page order, without those that can no longer be proposed; the
    requests, offers, helpers and reason sentences are read only for the lines a slice asks
    for (a page shows 50 of up to 500)."""

    def __init__(self, community, lines: list[list]):
        self.community = community
        requests = set(
            selectors.still_plannable(community)
            .filter(pk__in=[line[0] for line in lines])
            .values_list("pk", flat=True)
        )
        offers = {  # by primary key only: with the community as well SQLite walks its offers
            pk
            for pk, community_id, available in HelpOffer.objects.filter(
                pk__in=[line[1] for line in lines]
            ).values_list("pk", "community_id", "available")
            if community_id == community.pk and available
        }
        self.lines = [line for line in lines if line[0] in requests and line[1] in offers]

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1 or None][0]
        chosen = self.lines[key]
        requests = (
            HelpRequest.objects.filter(
                community=self.community, pk__in=[line[0] for line in chosen]
            )
            .select_related("requester__area")
            .in_bulk()
        )
        offers = (
            HelpOffer.objects.filter(community=self.community, pk__in=[line[1] for line in chosen])
            .select_related("helper__area")
            .in_bulk()
        )
        shown = []
        for request_id, offer_id, score, priority, reasons in chosen:
            help_request, offer = requests.get(request_id), offers.get(offer_id)
            if help_request is None or offer is None:  # deleted since the count was taken
                continue
            shown.append(
                PlanLine(help_request, offer, offer.helper, score, reason_texts(reasons), priority)
            )
        return shown


def shown_plan(actor: Actor) -> ShownPlan:
    """The kept plan of the actor's community as the plan page shows it (MANAGE_EXCHANGE)."""
    actor.require(Action.MANAGE_EXCHANGE)
    community = actor.community
    snapshot = PlanSnapshot.objects.filter(community=community).first()
    if snapshot is None:
        snapshot = make_plan(community)
    state = (
        MatchingVersion.objects.filter(community_id=community.pk)
        .values_list("version", "requests_version", "plan_queued_at")
        .first()
    ) or (None, None, None)
    current = is_current(snapshot, state[:2])
    return ShownPlan(PlanLines(community, snapshot.lines), snapshot.made_at, current, state[2])


def current_lines(actor: Actor) -> PlanLines:
    """The current plan's lines, made now when the kept plan is out of date (the API's list;
    MANAGE_EXCHANGE)."""
    actor.require(Action.MANAGE_EXCHANGE)
    return PlanLines(actor.community, refresh(actor.community).lines)


def refresh_now(actor: Actor) -> PlanSnapshot:
    """Make a new plan now unless the kept one is current (the page's button; MANAGE_EXCHANGE)."""
    actor.require(Action.MANAGE_EXCHANGE)
    return refresh(actor.community)
