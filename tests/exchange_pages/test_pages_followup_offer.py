"""Reciprocity that leads somewhere (issue 15.4): a follow-up call's "would help someone else:
yes or maybe" becomes an offer of the person helped in one step; the impact dashboard counts
who were helped and now help."""

from datetime import date

import pytest
from django.utils import timezone

from naober.exchange.models import FollowUp, HelpOffer
from naober.impact.reciprocity import helped_now_helping
from tests.exchange_pages.builders import matched

pytestmark = pytest.mark.django_db


def test_a_yes_in_the_follow_up_call_becomes_an_offer(
    community, coordinator, resident, volunteer, as_person
):
    match = matched(community, resident, volunteer, state="active", coordinator=coordinator)
    followup = FollowUp.objects.get(match=match)
    client = as_person(coordinator)
    url = f"/c/wijk/workbench/follow-ups/{followup.pk}/"
    assert client.get(url + "offer/").status_code == 404  # nothing answered yet
    answer = client.post(url, {"how_did_it_go": "Fijn", "would_help_others": "maybe"})
    assert answer.status_code == 302 and answer.url == url  # back to the call, with the button
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert f"{url}offer/" in page
    form = client.get(url + "offer/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "iemand anders" in form  # filled in from the call
    bad = client.post(url + "offer/", {"description": "", "max_per_month": "1"})
    assert bad.status_code == 200 and not HelpOffer.objects.filter(helper=resident).exists()
    category = match.request.category
    client.post(
        url + "offer/",
        {"categories": [category.pk], "description": "Boodschappen doen", "max_per_month": "2"},
    )
    offer = HelpOffer.objects.get(helper=resident)
    assert offer.available and list(offer.categories.all()) == [category]
    assert helped_now_helping(community, timezone.localdate()) == 1


def test_only_staff_turn_an_answer_into_an_offer(
    community, coordinator, resident, volunteer, as_person
):
    match = matched(community, resident, volunteer, state="active", coordinator=coordinator)
    followup = FollowUp.objects.get(match=match)
    FollowUp.objects.filter(pk=followup.pk).update(would_help_others="yes")
    for person in (resident, volunteer):
        response = as_person(person).get(f"/c/wijk/workbench/follow-ups/{followup.pk}/offer/")
        assert response.status_code in (403, 404)


def test_the_dashboard_shows_the_figure_in_dutch_suppressed_below_five(
    community, coordinator, as_person
):
    page = as_person(coordinator).get("/c/wijk/impact/", HTTP_ACCEPT_LANGUAGE="nl")
    html = page.content.decode()
    assert "geholpen zijn en nu zelf anderen helpen" in html
    assert helped_now_helping(community, date(2000, 1, 1)) == 0
