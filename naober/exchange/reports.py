"""The summary report of the exchange for a period: what came in, what was matched, how fast.

Definitions (the figures a funder reads, so they are spelled out):
- the period is [from 00:00, to 24:00) in the site's time zone; requests and matches count when
  they were created in it;
- median hours to first response: over the period's requests that had a first response;
- answered within the deadline: the share of the period's requests (referred ones excluded: they
  go to a professional) whose first response came within the community's answer time; None
  without requests;
- people reached: asked = everyone who asked; helped = requesters of a match made in the period
  that was accepted or went further; helping = the helpers of those matches.
"""

from datetime import date, datetime, time, timedelta
from statistics import median

from django.db.models import Count
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import HELPED_STATES, HelpRequest, Match, RequestStatus

# The matches that count as help that came about (the figures of impact import this name).
REACHED_STATES = HELPED_STATES


def period_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(date_from, time.min), tz)
    end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min), tz)
    return start, end


def _counts(qs, field: str) -> dict[str, int]:
    return {row[field]: row["n"] for row in qs.values(field).annotate(n=Count("id")).order_by()}


def summary(actor: Actor, date_from: date, date_to: date) -> dict:
    """The summary figures for the actor's community (VIEW_REPORTS). Aggregates only."""
    actor.require(Action.VIEW_REPORTS)
    start, end = period_bounds(date_from, date_to)
    requests = HelpRequest.objects.filter(
        community=actor.community, created_at__gte=start, created_at__lt=end
    )
    matches = Match.objects.filter(
        community=actor.community, created_at__gte=start, created_at__lt=end
    )
    timings = list(requests.values_list("created_at", "first_response_at", "status"))
    hours = [(first - created).total_seconds() / 3600 for created, first, _s in timings if first]
    deadline = timedelta(hours=actor.community.response_deadline_hours)
    counted = [(c, f) for c, f, s in timings if s != RequestStatus.REFERRED]
    in_time = sum(1 for created, first in counted if first and first - created <= deadline)
    reached = matches.filter(state__in=REACHED_STATES)
    return {
        "from": date_from,
        "to": date_to,
        "requests": len(timings),
        "requests_by_channel": _counts(requests, "channel"),
        "requests_by_status": _counts(requests, "status"),
        "matches": matches.count(),
        "matches_by_mode": _counts(matches, "mode"),
        "matches_by_state": _counts(matches, "state"),
        "median_hours_to_first_response": round(median(hours), 1) if hours else None,
        "answered_within_deadline": round(in_time / len(counted), 3) if counted else None,
        "people_asked": requests.values("requester").distinct().count(),
        "people_helped": reached.values("request__requester").distinct().count(),
        "people_helping": reached.values("helper").distinct().count(),
    }
