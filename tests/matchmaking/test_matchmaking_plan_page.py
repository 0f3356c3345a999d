"""The plan page shows the plan kept for the community (plans.py, issue 16.4): a visit plans
nothing and reads only its page's lines; a change marks the kept plan out of date at once (the
page says so and leaves out lines that can no longer be proposed), asks the task worker for a
new plan, and the new plan (or the page's button) shows the new state."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from naober.exchange import services
from naober.matchmaking import plans, ranking, tasks, views
from naober.matchmaking.models import MatchingVersion
from naober.matchmaking.services import save_wish
from tests.matchmaking.builders import actor_of, located, make_offer, make_person, make_request

pytestmark = pytest.mark.django_db
PLAN = "/c/wijk/workbench/plan/"
REFRESH = "/c/wijk/workbench/plan/refresh/"
STALE = ("Something has changed since", "Daarna is er iets veranderd")


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
    return [(make_request(community), make_offer(community)) for _ in range(n)]


def _page(client, page=1) -> str:
    response = client.get(PLAN, {"page": page})
    assert response.status_code == 200
    return response.content.decode()


def _stale(html: str) -> bool:
    return any(text in html for text in STALE)


def _worker_runs(community):
    """What the task worker does with the queued task."""
    assert tasks.refresh_plan.call(community.pk) >= 0


def test_a_visit_plans_nothing_and_reads_only_its_lines(community, coordinator, as_person, counted):
    client = as_person(coordinator)
    _pairs(community, 3)
    _page(client)  # the community's first plan is made on its first visit
    assert counted["plan"] == 1
    counted["reasons"] = 0
    with CaptureQueriesContext(connection) as small:
        html = _page(client)
    _pairs(community, 5)
    _worker_runs(community)
    assert counted["plan"] == 2
    counted["reasons"] = 0
    with CaptureQueriesContext(connection) as large:
        large_html = _page(client, 2)
    assert counted == {"plan": 2, "reasons": 0}
    assert len(small) == len(large)
    assert "3 proposals" in html or "3 voorstellen" in html
    assert "8 proposals" in large_html or "8 voorstellen" in large_html
    assert not _stale(html) and not _stale(large_html)


def test_a_change_shows_at_once_and_the_new_plan_after_the_worker(
    community, coordinator, as_person, counted
):
    client = as_person(coordinator)
    (first, _offer), *_ = _pairs(community, 2)
    assert "2 proposals" in _page(client) or "2 voorstellen" in _page(client)
    newcomer = make_request(community, title="Ramen lappen")
    make_offer(community)
    html = _page(client)
    assert _stale(html) and "Ramen lappen" not in html  # not planned yet, and says so
    assert counted["plan"] == 1  # the visit did not plan
    _worker_runs(community)
    html = _page(client, 2)
    assert not _stale(html) and newcomer.title in _page(client, 1) + html
    assert counted["plan"] == 2


def test_a_line_no_longer_possible_leaves_the_page_at_once(community, coordinator, as_person):
    client = as_person(coordinator)
    _pairs(community, 3)
    actor = actor_of(coordinator)
    plans.make_plan(community)
    taken, paused, kept = list(plans.shown_plan(actor).lines)
    services.propose(actor, taken.request, taken.offer)
    services.update_offer(actor_of(paused.offer.helper), paused.offer, {"available": False})
    assert list(plans.shown_plan(actor).lines) == [kept]
    html = _page(client)
    assert _stale(html) and ("1 proposal" in html or "1 voorstel" in html)


@pytest.mark.parametrize("change", ["wish", "location", "vulnerable", "urgency"])
def test_what_the_plan_reads_of_a_request_marks_it_out_of_date(
    community, coordinator, as_person, change
):
    (help_request, _offer), *_ = _pairs(community, 1)
    actor = actor_of(coordinator)
    plans.make_plan(community)
    assert plans.shown_plan(actor).current
    requester = help_request.requester
    if change == "wish":
        save_wish(actor, help_request.pk, "only_women")
    elif change == "location":
        located(requester, 10.0, 20.0)
    elif change == "vulnerable":
        requester.vulnerable = True
        requester.save()
    else:
        services.update_request(actor, help_request, {"urgency": "high"})
    assert not plans.shown_plan(actor).current


def test_a_change_of_a_person_outside_the_plan_keeps_it_current(community, coordinator):
    _pairs(community, 1)
    actor = actor_of(coordinator)
    plans.make_plan(community)
    bystander = make_person(community)
    bystander.vulnerable = True
    bystander.save()
    located(bystander, 1.0, 2.0)
    assert plans.shown_plan(actor).current


def test_the_button_makes_a_new_plan_at_once(community, coordinator, as_person):
    client = as_person(coordinator)
    _pairs(community, 1)
    _page(client)
    newcomer = make_request(community, title="Ramen lappen")
    make_offer(community)
    assert _stale(_page(client))
    response = client.post(REFRESH, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and newcomer.title in html and not _stale(html)
    volunteer = as_person(make_person(community, "volunteer"))
    assert volunteer.post(REFRESH).status_code == 403
    assert client.get(REFRESH).status_code == 405


def test_a_committed_change_queues_one_task(
    community, coordinator, django_capture_on_commit_callbacks
):
    _pairs(community, 1)
    plans.make_plan(community)
    with django_capture_on_commit_callbacks(execute=True):
        make_request(community)
        make_offer(community)
    queued = DBTaskResult.objects.filter(task_path__endswith="refresh_plan")
    assert queued.count() == 1  # a burst of changes: one task
    assert MatchingVersion.objects.get(community=community).plan_queued_at is not None
    _worker_runs(community)
    assert MatchingVersion.objects.get(community=community).plan_queued_at is None
    assert plans.shown_plan(actor_of(coordinator)).current
    with django_capture_on_commit_callbacks(execute=True):
        make_request(community)
    assert queued.count() == 2  # after the worker took it, the next change queues again


def test_a_visit_of_an_out_of_date_plan_queues_one_only_when_none_waits(
    community, coordinator, as_person
):
    client = as_person(coordinator)
    _pairs(community, 1)
    _page(client)
    make_request(community)  # no commit in this test: nothing was queued by the change
    queued = DBTaskResult.objects.filter(task_path__endswith="refresh_plan")
    _page(client)
    assert queued.count() == 1
    with CaptureQueriesContext(connection) as visit:
        _page(client)
    assert queued.count() == 1
    writes = [q["sql"] for q in visit.captured_queries if "matchmaking" in q["sql"]]
    assert not [sql for sql in writes if sql.startswith("UPDATE")]  # one waits: no write


def test_api_returns_the_current_plan(community, coordinator, api):
    _pairs(community, 1)
    plans.make_plan(community)
    newcomer = make_request(community)
    make_offer(community)
    api.login(coordinator)
    rows = api.get("c/wijk/plan").json()
    assert newcomer.pk in {row["request"] for row in rows} and len(rows) == 2
