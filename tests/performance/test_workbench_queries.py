"""The workbench costs the same number of queries with 3 or 23 rows in every queue (issue 13.6).

Every queue is counted and paginated in the database and suggestions are not computed on the
workbench, so a busy community's workbench stays as fast as a quiet one's.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from naober.desk.services import ask_callback
from naober.exchange.models import FollowUp, HelpRequest, Match, RequestStatus
from naober.exchange.workbench_queues import QUEUES
from tests.exchange_pages.builders import make_request, matched

pytestmark = pytest.mark.django_db

FEW, MORE = 3, 20


def _fill(community, person_factory, coordinator, count):
    """`count` rows in each queue: overdue and new requests, matches in every waiting state,
    call-backs."""
    for _ in range(count):
        late = make_request(community)
        HelpRequest.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=3))
        make_request(community)
        waiting = make_request(community)
        HelpRequest.objects.filter(pk=waiting.pk).update(status=RequestStatus.WAITING_LIST)
        requester = person_factory(community, "resident")
        helper = person_factory(community, "volunteer")
        matched(
            community, requester, helper, state="proposed", mediated=True, coordinator=coordinator
        )
        helper_said_yes = matched(
            community, requester, helper, state="proposed", mediated=True, coordinator=coordinator
        )
        Match.objects.filter(pk=helper_said_yes.pk).update(helper_yes_at=timezone.now())
        matched(
            community, requester, helper, state="accepted", mediated=True, coordinator=coordinator
        )
        active = matched(community, requester, helper, state="active")
        FollowUp.objects.filter(match=active).update(due_at=timezone.now() - timedelta(hours=1))
        ask_callback(community, name="Mevrouw Jansen", phone="0612345678")


def test_workbench_query_count_does_not_grow_with_rows(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    client = Client()
    client.force_login(coordinator.user)
    urls = [f"/c/{community.slug}/workbench/?queue={queue.key}" for queue in QUEUES]
    _fill(community, person_factory, coordinator, FEW)
    client.get(urls[0])
    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        few[url] = len(captured)
    _fill(community, person_factory, coordinator, MORE)
    for url in urls:
        with CaptureQueriesContext(connection) as more:
            html = client.get(url).content.decode()
        assert len(more) <= few[url], (url, [q["sql"] for q in more.captured_queries])
        assert "&amp;page=2" in html, url  # the queue really filled a second page
