"""The exchange's own figures for a period, and small-count suppression for aggregate readers.

Definitions (what a funder reads, so spelled out; periods are [from 00:00, to 24:00) local time):
- requests: help requests created in the period;
- matches: matches created in the period (every state);
- people reached: distinct requesters of the period's matches that were accepted or went further;
- volunteers active: distinct helpers of those matches;
- hours of help (estimate): those matches × HOURS_ONE_OFF for a one-off request, × HOURS_RECURRING
  for a recurring one. An estimate, not a timesheet: nobody books hours in Naober (no time credits).
Counts below SUPPRESS_BELOW are suppressed (shown as "< 5", null with `suppressed` in the API),
zero included, so that a small number can never point at one household. Aggregate readers get
whole calendar months only, and a longer period's figure only when each of its months is shown
(see public_figures): no small count comes back by subtracting two answers.
"""

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from naober.exchange.models import HelpRequest, Match, Recurrence
from naober.exchange.reports import REACHED_STATES, period_bounds

SUPPRESS_BELOW = 5
HOURS_ONE_OFF = 2
HOURS_RECURRING = 8
FIGURES = ("requests", "matches", "people_reached", "volunteers_active", "hours_estimate")


def exchange_figures(community, date_from: date, date_to: date) -> dict[str, int]:
    """Raw counts for the period: for code that suppresses before anyone sees them."""
    raw = _raw_per_month(community, date_from, date_to, per_month=False)
    return raw.get(None) or _raw(0, None)


def _raw_per_month(community, date_from: date, date_to: date, *, per_month: bool) -> dict:
    """Raw counts of the period, or of each calendar month in it keyed by its first day: two
    queries either way (a request count and one aggregate over the matches), not six a month."""
    start, end = period_bounds(date_from, date_to)
    requests = HelpRequest.objects.filter(
        community=community, created_at__gte=start, created_at__lt=end
    )
    matches = Match.objects.filter(community=community, created_at__gte=start, created_at__lt=end)
    if per_month:
        month = TruncMonth("created_at", tzinfo=timezone.get_current_timezone())
        requests = requests.annotate(month=month).values("month")
        matches = matches.annotate(month=month).values("month")
    else:
        requests, matches = requests.values("community"), matches.values("community")
    requests, matches = requests.order_by(), matches.order_by()  # no model ordering in GROUP BY
    reached = Q(state__in=REACHED_STATES)
    recurring = reached & Q(request__recurrence=Recurrence.RECURRING)
    counts = {_month_key(row.get("month")): row["n"] for row in requests.annotate(n=Count("pk"))}
    rows = matches.annotate(
        matches=Count("pk"),
        reached=Count("pk", filter=reached),
        recurring=Count("pk", filter=recurring),
        people_reached=Count("request__requester", filter=reached, distinct=True),
        volunteers_active=Count("helper", filter=reached, distinct=True),
    )
    by_key = {_month_key(row.get("month")): row for row in rows}
    return {key: _raw(counts.get(key, 0), by_key.get(key)) for key in {*counts, *by_key}}


def _month_key(value):
    return None if value is None else timezone.localtime(value).date().replace(day=1)


def _raw(requests: int, row: dict | None) -> dict[str, int]:
    row = row or {"matches": 0, "reached": 0, "recurring": 0}
    reached, recurring = row["reached"], row["recurring"]
    return {
        "requests": requests,
        "matches": row["matches"],
        "people_reached": row.get("people_reached", 0),
        "volunteers_active": row.get("volunteers_active", 0),
        "hours_estimate": (reached - recurring) * HOURS_ONE_OFF + recurring * HOURS_RECURRING,
        "_reached_matches": reached,
    }


def _suppressed_months(community, firsts: list[date]) -> list[dict[str, dict]]:
    """Suppressed figures of each of these calendar months (oldest first), in two queries."""
    raw = _raw_per_month(community, firsts[0], month_end(firsts[-1]), per_month=True)
    return [_suppressed_raw(raw.get(first) or _raw(0, None)) for first in firsts]


def suppressed(value: int | None) -> dict:
    """{"value": n, "suppressed": False}, or value None when n is below the threshold."""
    if value is None or value < SUPPRESS_BELOW:
        return {"value": None, "suppressed": True}
    return {"value": value, "suppressed": False}


def _suppressed_raw(raw: dict) -> dict[str, dict]:
    """Every figure of one set of raw counts, suppressed; hours follow their matches."""
    out = {name: suppressed(raw[name]) for name in FIGURES}
    if raw["_reached_matches"] < SUPPRESS_BELOW:
        out["hours_estimate"] = {"value": None, "suppressed": True}
    return out


def whole_months(date_from: date, date_to: date) -> tuple[date, date]:
    """The period widened to whole calendar months: the only periods aggregate readers get."""
    return date_from.replace(day=1), month_end(date_to.replace(day=1))


def public_figures(community, date_from: date, date_to: date) -> dict[str, dict]:
    """The figures of the whole calendar months from `date_from` to `date_to`, suppressed.

    Two protections against recovering a small count by subtracting one answer from another:
    periods are whole months (never a day more or less), and a figure of a longer period is
    shown only when every month in it is shown too (complementary suppression). Otherwise the
    period's figure is suppressed as well, marked `hidden_month`: "March to April" minus "March"
    can never give April's suppressed count.
    """
    start, end = whole_months(date_from, date_to)
    out = _suppressed_raw(exchange_figures(community, start, end))
    months = _suppressed_months(community, month_starts(end, _months_between(start, end)))
    if len(months) > 1:
        for name in FIGURES:
            if not out[name]["suppressed"] and any(m[name]["suppressed"] for m in months):
                out[name] = {"value": None, "suppressed": True, "hidden_month": True}
    return out


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def month_starts(date_to: date, months: int = 12) -> list[date]:
    """The first days of the `months` calendar months ending with the month of `date_to`."""
    year, month = date_to.year, date_to.month
    starts = []
    for _i in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def month_end(start: date) -> date:
    following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def monthly(community, date_to: date, months: int = 12) -> list[dict]:
    """Suppressed figures per calendar month, oldest first: the series for the charts."""
    firsts = month_starts(date_to, months)
    return [
        {"month": first, **figures}
        for first, figures in zip(firsts, _suppressed_months(community, firsts), strict=True)
    ]
