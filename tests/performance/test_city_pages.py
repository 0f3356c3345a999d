"""Pages that were too big or too slow for a city (issue 16.2, bench/city_pages.py): each shows a
page of rows, not all of them, and costs the same number of queries for more rows."""

from datetime import date, datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from naober.exchange.models import HelpRequest, Match
from naober.exchange.reports import REACHED_STATES, period_bounds
from naober.impact.figures import (
    HOURS_ONE_OFF,
    HOURS_RECURRING,
    _suppressed_raw,
    exchange_figures,
    month_end,
    month_starts,
    monthly,
)
from naober.matchmaking import views as matchmaking_views
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_person
from tests.impact.builders import match_on, request_on


def _as(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def test_the_plan_page_shows_one_page_of_lines_and_says_how_many(community, monkeypatch):
    monkeypatch.setattr(matchmaking_views, "PLAN_PAGE_SIZE", 2)
    for _ in range(3):
        make_request(community)
        make_offer(community)
    client = _as(make_person(community, "coordinator"))
    first = client.get("/c/wijk/workbench/plan/").content.decode()
    second = client.get("/c/wijk/workbench/plan/", {"page": 2}).content.decode()
    assert first.count('name="request"') == 2 and second.count('name="request"') == 1
    assert "3 voorstellen" in first and "?page=2" in first


def _month_by_rows(community, first):
    """One month's raw figures the old way: a filtered count per figure (the reference)."""
    start, end = period_bounds(first, month_end(first))
    inside = {"community": community, "created_at__gte": start, "created_at__lt": end}
    reached = Match.objects.filter(**inside, state__in=REACHED_STATES)
    recurring = reached.filter(request__recurrence="recurring").count()
    return {
        "requests": HelpRequest.objects.filter(**inside).count(),
        "matches": Match.objects.filter(**inside).count(),
        "people_reached": reached.values("request__requester").distinct().count(),
        "volunteers_active": reached.values("helper").distinct().count(),
        "hours_estimate": (reached.count() - recurring) * HOURS_ONE_OFF
        + recurring * HOURS_RECURRING,
        "_reached_matches": reached.count(),
    }


def test_the_impact_figures_take_a_fixed_number_of_queries_and_equal_the_row_counts(community):
    """The dashboard's twelve months and its period used six queries a month (89 in all); now
    two queries a series, with the same figures as counting each month on its own."""

    def local(*args):
        return timezone.make_aware(datetime(*args))

    helper = make_person(community, "volunteer", login=False)
    # Both sides of month ends in local time, recurring and one-off, reached and not.
    for n, when in enumerate(
        [local(2026, 3, 31, 23, 30), local(2026, 4, 1, 0, 30), local(2026, 1, 1, 0, 5)] * 4
    ):
        request = request_on(community, when, recurrence=("recurring", "one_off")[n % 2])
        match_on(
            community,
            when,
            request,
            helper=helper if n % 3 else None,
            state=("accepted", "declined", "completed")[n % 3],
        )
    firsts = month_starts(date(2026, 6, 30))
    with CaptureQueriesContext(connection) as queries:
        series = monthly(community, date(2026, 6, 30))
    assert len(queries) == 2
    assert [m["month"] for m in series] == firsts
    for month in series:
        expected = _suppressed_raw(_month_by_rows(community, month["month"]))
        assert {k: v for k, v in month.items() if k != "month"} == expected
    raw_march = _month_by_rows(community, date(2026, 3, 1))
    assert exchange_figures(community, date(2026, 3, 1), date(2026, 3, 31)) == raw_march
    assert raw_march["requests"] == 4

    client = _as(make_person(community, "funder"))
    counts = []
    for period in (
        {"date_from": "2026-06-01", "date_to": "2026-06-30"},
        {"date_from": "2025-07-01", "date_to": "2026-06-30"},
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/c/wijk/impact/", period).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 25
