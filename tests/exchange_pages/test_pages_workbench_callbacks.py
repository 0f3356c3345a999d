"""The workbench's top: the overdue counter links to the overdue queue, the intake screen is one
click away, and the "Terugbellen" queue holds the call-backs due (desk and public page)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from naober.desk.models import Callback
from naober.desk.services import ask_callback
from naober.exchange.models import HelpRequest
from tests.exchange_pages.builders import make_request

pytestmark = pytest.mark.django_db


def test_overdue_counter_and_intake_link_at_the_top(community, coordinator, as_person):
    late = make_request(community, title="Vraag van drie dagen terug")
    HelpRequest.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(hours=72))
    html = (
        as_person(coordinator).get("/c/wijk/workbench/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    )
    counter = html.index("1 vraag heeft binnen de beloofde tijd nog geen antwoord")
    assert counter < html.index('id="queue"')
    assert 'href="?queue=overdue#queue"' in html and "/c/wijk/desk/intake/" in html


def test_call_back_queue_shows_due_call_backs_and_closes_them(community, coordinator, as_person):
    today = ask_callback(community, name="Mevrouw Jansen", phone="0612345678", good_time="middag")
    later = ask_callback(community, name="Meneer Later", phone="0612345679")
    Callback.objects.filter(pk=later.pk).update(due_on=timezone.localdate() + timedelta(days=2))
    client = as_person(coordinator)
    html = client.get(
        "/c/wijk/workbench/?queue=callbacks", HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    assert "Terugbellen (1)" in html and "Mevrouw Jansen" in html and "Meneer Later" not in html
    client.post(
        f"/c/wijk/desk/callbacks/{today.pk}/done/", {"next": "/c/wijk/workbench/?queue=callbacks"}
    )
    html = client.get(
        "/c/wijk/workbench/?queue=callbacks", HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    assert "Terugbellen (0)" in html and "tel:0612345678" not in html  # off the queue
