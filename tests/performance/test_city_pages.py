"""Pages that were too big or too slow for a city (issue 16.2, bench/city_pages.py): each shows a
page of rows, not all of them, and costs the same number of queries for more rows."""

from django.test import Client

from naober.matchmaking import views as matchmaking_views
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_person


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
