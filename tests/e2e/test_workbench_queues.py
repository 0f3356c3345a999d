"""A coordinator works through the workbench's queues (issue 13.6): counts at the top lead to each
queue, a queue pages on, suggestions open on their own page, and at 360 px the heading is near the
top because the menu is grouped by task. Every page passes axe-core."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from naober.exchange.models import HelpRequest
from tests.exchange.helpers import make_offer, make_request
from tests.exchange_pages.builders import matched
from tests.factories import make_community, make_person

SHOTS = os.environ.get("NAOBER_SHOTS")  # a folder for screenshots when walking by hand


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_coordinator_walks_the_queues(page, login, axe_check):
    # A long name (as the demo's) wraps in the header: the heading must still be near the top.
    community = make_community("wijk", "Naoberschap Hoogeveen-Zuid")
    coordinator = make_person(community, "coordinator")
    requester = make_person(community, name="Gerda Brink")
    helper = make_person(community, "volunteer", name="Bram Jansen")
    make_offer(community, helper)
    for n in range(12):
        late = make_request(community, requester, title=f"Late vraag {n:02d}")
        HelpRequest.objects.filter(pk=late.pk).update(
            created_at=timezone.now() - timedelta(hours=100 - n)
        )
    make_request(community, requester, title="Vraag van vandaag")
    matched(community, requester, helper, state="proposed", mediated=True, coordinator=coordinator)

    page.set_viewport_size({"width": 360, "height": 740})
    login(page, coordinator.user.username)
    page.goto("/c/wijk/workbench/")
    axe_check(page)
    shot(page, "workbench_360")
    assert page.locator("h1").bounding_box()["y"] < 200
    assert page.get_by_role("heading", name="Te laat").is_visible()

    page.get_by_role("link", name="Volgende pagina").click()
    page.wait_for_load_state()
    axe_check(page)
    assert "queue=overdue&page=2" in page.url
    assert page.get_by_role("link", name="Late vraag 11", exact=True).is_visible()

    page.get_by_role("link", name="Nieuw vandaag (1)").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("link", name="Vraag van vandaag", exact=True).is_visible()
    page.get_by_role("link", name="Voorgestelde helpers tonen").click()
    page.wait_for_load_state()
    axe_check(page)
    shot(page, "suggestions_360")
    assert page.get_by_role("heading", name="Voorgestelde helpers").is_visible()

    page.goto("/c/wijk/workbench/")
    page.get_by_role("link", name="Wacht op antwoord van helper (1)").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Bram Jansen").first.is_visible()
    for name in ("Kennismakingen te plannen (0)", "Nu nabellen (0)", "Wachtlijst (0)"):
        page.get_by_role("link", name=name).click()
        page.wait_for_load_state()
        axe_check(page)

    # The menu: groups open on request and lead on.
    page.get_by_text("Vragen en aanbod").click()
    shot(page, "menu_open_360")
    page.get_by_role("link", name="Plan", exact=True).click()
    page.wait_for_load_state()
    assert "/workbench/plan/" in page.url
