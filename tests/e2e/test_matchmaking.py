"""A coordinator sees Dutch reasons in the suggestions, opens the plan and proposes a line."""

import pytest

from naober.exchange.models import Match
from naober.matchmaking import cache
from naober.matchmaking.models import PersonLocation
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_community, make_person


@pytest.mark.django_db(transaction=True)
def test_coordinator_proposes_from_the_plan(page, login, axe_check):
    cache.forget()
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator")
    requester = make_person(community, name="Gerda Brink")
    helper = make_person(community, "volunteer", name="Bram Jansen")
    PersonLocation.objects.create(person=requester, x=1000, y=1000, source="manual")
    PersonLocation.objects.create(person=helper, x=1300, y=1000, source="manual")
    help_request = make_request(community, requester, title="Heg knippen")
    make_offer(community, helper)

    login(page, coordinator.user.username)
    page.goto("/c/wijk/workbench/")
    axe_check(page)
    page.get_by_role("link", name="Voorgestelde helpers tonen").first.click()
    page.wait_for_load_state()
    axe_check(page)
    content = page.content()
    assert "woont in dezelfde straat" in content
    assert "woont op ongeveer 300 meter afstand" in content

    page.get_by_text("Vragen en aanbod").click()  # the menu group that holds the plan
    page.get_by_role("link", name="Plan", exact=True).first.click()
    page.wait_for_load_state()
    axe_check(page)
    row = page.get_by_role("row", name="Heg knippen")
    assert "Bram Jansen" in row.inner_text()
    row.get_by_role("button", name="Voorstellen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert "Bram Jansen is voorgesteld" in page.content()
    assert "Het antwoord ziet u op de werkbank" in page.content()  # where to look next
    assert Match.objects.get(request=help_request).helper_id == helper.pk


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_plan_reads_as_cards(page, login, axe_check):
    """The five-column table on a 360 px phone broke every word over several lines (one line of
    the plan was 760 px tall, the page 31,000 px). On a phone each line is a card whose cells say
    their column, and nothing is wider than the screen; the caption starts at the left."""
    cache.forget()
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator")
    make_request(community, make_person(community, name="Gerda Brink"), title="Heg knippen")
    make_offer(community, make_person(community, "volunteer", name="Bram Jansen"))

    page.set_viewport_size({"width": 360, "height": 780})
    login(page, coordinator.user.username)
    page.goto("/c/wijk/workbench/plan/")
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    card = page.locator("tbody tr").first
    said = card.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert said == '"Voorgestelde helper: "' and "Bram Jansen" in card.inner_text()
    box = card.bounding_box()
    assert box["width"] <= 360 and box["height"] < 400, box
    caption = page.locator("caption").bounding_box()
    assert caption["x"] < 40, caption
