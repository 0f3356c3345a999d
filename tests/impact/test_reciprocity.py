"""The figure "helped and now helping others themselves" (issue 15.4), recomputed by hand:
helped in a match that was accepted or went further, and now with an available offer or as the
helper of such a match; counted up to the end date; shown in Dutch, suppressed below five."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from naober.exchange.models import HelpOffer
from naober.impact.reciprocity import helped_now_helping, public_helped_now_helping
from tests.factories import make_person
from tests.impact.builders import at, match_on, request_on

pytestmark = pytest.mark.django_db


def test_counts_who_were_helped_and_help_now(community):
    helped = [make_person(community, login=False) for _ in range(4)]
    for person in helped:
        match_on(community, at(2026, 1, 10), request_on(community, at(2026, 1, 9), person))
    # 0 offers help now; 1 helped someone else; 2 has only a paused offer; 3 does nothing.
    HelpOffer.objects.create(community=community, helper=helped[0], description="Tuin")
    match_on(community, at(2026, 2, 1), request_on(community, at(2026, 2, 1)), helper=helped[1])
    HelpOffer.objects.create(
        community=community, helper=helped[2], description="x", available=False
    )
    # Never helped, only helping: not counted.
    HelpOffer.objects.create(community=community, helper=make_person(community), description="y")
    # Helped in a match that was only proposed: not counted.
    proposed = make_person(community, login=False)
    match_on(
        community, at(2026, 1, 5), request_on(community, at(2026, 1, 5), proposed), state="proposed"
    )
    HelpOffer.objects.create(community=community, helper=proposed, description="z")
    today = timezone.localdate()
    assert helped_now_helping(community, today) == 2
    assert helped_now_helping(community, date(2025, 12, 31)) == 0
    assert public_helped_now_helping(community, today) == {
        "value": None,
        "suppressed": True,
    }


def test_the_dashboard_names_the_figure_in_dutch(community):
    funder = make_person(community, "funder")
    client = Client()
    client.force_login(funder.user)
    html = client.get("/c/wijk/impact/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "mensen die geholpen zijn en nu zelf anderen helpen" in html


def _helped(community, when, person=None):
    person = person or make_person(community, login=False)
    match_on(community, when, request_on(community, when, person))
    return person


def test_the_summary_api_gives_the_figure_up_to_its_end_date(community, api):
    """Five people helped in January who offer help later count; a helper who was never helped
    and someone helped who does not help do not (API.md impact/summary, a field added later)."""
    helped = [_helped(community, at(2026, 1, 10)) for _ in range(6)]
    for person in helped[:5]:
        offer = HelpOffer.objects.create(community=community, helper=person, description="Tuin")
        HelpOffer.objects.filter(pk=offer.pk).update(created_at=at(2026, 2, 3))
    never_helped = make_person(community, login=False)
    HelpOffer.objects.create(community=community, helper=never_helped, description="Klussen")
    funder = api.login(make_person(community, "funder"))
    body = funder.get("c/wijk/impact/summary", **{"from": "2026-01-01", "to": "2026-12-31"}).json()
    assert body["helped_now_helping"] == {"value": 5, "suppressed": False}
    assert {"figures", "months", "from", "to"} <= set(body)  # older fields unchanged
    # Up to the end of January nobody helped offers help yet: zero, suppressed like every figure.
    body = funder.get("c/wijk/impact/summary", **{"from": "2026-01-01", "to": "2026-01-31"}).json()
    assert body["helped_now_helping"] == {"value": None, "suppressed": True}


def test_the_summary_api_suppresses_the_figure_below_five(community, api):
    for _ in range(4):
        person = _helped(community, at(2026, 1, 10))
        HelpOffer.objects.create(community=community, helper=person, description="Tuin")
    funder = api.login(make_person(community, "funder"))
    body = funder.get("c/wijk/impact/summary", **{"from": "2026-01-01", "to": "2026-12-31"}).json()
    assert body["helped_now_helping"] == {"value": None, "suppressed": True}
