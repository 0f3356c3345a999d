"""The plan page reads offers and reasons for the shown lines only, and plans the community
once per index version and set of requests (issue 16.4)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naober.exchange import services
from naober.matchmaking import ranking, views
from tests.matchmaking.builders import actor_of, make_offer, make_request

pytestmark = pytest.mark.django_db
PLAN = "/c/wijk/workbench/plan/"


@pytest.fixture
def counted(monkeypatch):
    """Calls of the engine's plan and of the reasons builder during the test."""
    calls = {"plan": 0, "reasons": 0}

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(ranking, "plan", counting("plan", ranking.plan))
    monkeypatch.setattr(ranking, "reasons_for_row", counting("reasons", ranking.reasons_for_row))
    monkeypatch.setattr(views, "PLAN_PAGE_SIZE", 2)
    return calls


def _pairs(community, n):
    for _ in range(n):
        make_request(community)
        make_offer(community)


def _visit(client, calls, page=1):
    """(queries, reasons built) of one visit, after a warm-up visit of the same page."""
    assert client.get(PLAN, {"page": page}).status_code == 200
    calls["reasons"] = 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PLAN, {"page": page})
    assert response.status_code == 200
    return len(queries), calls["reasons"], response.content.decode()


def test_page_cost_does_not_grow_with_the_lines_beyond_it(
    community, coordinator, as_person, counted
):
    client = as_person(coordinator)
    _pairs(community, 3)
    small = _visit(client, counted)
    _pairs(community, 5)
    large = _visit(client, counted)
    assert small[:2] == large[:2] == (small[0], 2)
    assert "3 proposals" in small[2] or "3 voorstellen" in small[2]
    assert "8 proposals" in large[2] or "8 voorstellen" in large[2]


def test_paging_with_an_unchanged_index_does_not_plan_again(
    community, coordinator, as_person, counted
):
    client = as_person(coordinator)
    _pairs(community, 5)
    offer = make_offer(community)
    assert client.get(PLAN, {"page": 2}).status_code == 200
    assert counted["plan"] == 1
    assert client.get(PLAN, {"page": 2}).status_code == 200
    assert client.get(PLAN, {"page": 1}).status_code == 200
    assert counted["plan"] == 1
    services.update_offer(actor_of(offer.helper), offer, {"available": False})
    assert client.get(PLAN, {"page": 2}).status_code == 200
    assert counted["plan"] == 2


def test_page_lines_equal_the_full_plan(community, coordinator, as_person, counted):
    _pairs(community, 5)
    lines = ranking.batch_plan(actor_of(coordinator))
    page = ranking.plan_lines(actor_of(coordinator))
    assert len(page) == len(lines) == 5
    assert page[2:4] == lines[2:4] and page[4] == lines[4]
