"""impact/policy.py's row rules, the same on the page and in the API: who reads surveys and
impact cards, and who reads the resident's quote on a card."""

from datetime import date

import pytest
from django.test import Client

from naober.impact.models import Survey
from naober.impact.services import save_card
from naober.people.models import Consent
from tests.initiatives.helpers import actor_of

pytestmark = pytest.mark.django_db

QUOTE = "Ik kom hier elke dag graag"


@pytest.fixture
def card(community, person_factory):
    core = person_factory(community, "core_group", "resident")
    speaker = person_factory(community, "resident")
    Consent.objects.create(person=speaker, purpose="media", granted=True, method="spoken")
    return save_card(
        actor_of(core),
        {
            "title": "Buurttuin",
            "period_start": date(2026, 1, 1),
            "period_end": date(2026, 12, 31),
            "quote": QUOTE,
            "quote_person": speaker,
        },
    )


def page_as(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


@pytest.mark.parametrize(("role", "quoted"), [("core_group", True), ("funder", False)])
def test_the_quote_is_for_members_who_see_initiatives_only(
    community, person_factory, api, card, role, quoted
):
    reader = person_factory(community, role)
    page = page_as(reader).get(f"/c/wijk/impact/cards/{card.pk}/")
    assert page.status_code == 200
    assert (QUOTE in page.content.decode()) is quoted
    api.login(reader)
    body = api.get(f"c/wijk/impact/cards/{card.pk}").json()
    assert (body["quote"] == QUOTE) is quoted


@pytest.mark.parametrize(
    ("role", "status"), [("funder", 200), ("coordinator", 200), ("resident", 403)]
)
def test_cards_are_read_by_their_makers_and_the_aggregate_readers(
    community, person_factory, api, card, role, status
):
    reader = person_factory(community, role)
    assert page_as(reader).get(f"/c/wijk/impact/cards/{card.pk}/").status_code == status
    api.login(reader)
    assert api.get(f"c/wijk/impact/cards/{card.pk}").status_code == status


@pytest.mark.parametrize(
    ("role", "status"), [("funder", 200), ("core_group", 200), ("volunteer", 403)]
)
def test_survey_results_are_read_by_their_makers_and_the_aggregate_readers(
    community, person_factory, api, role, status
):
    survey = Survey.objects.create(community=community, title="Nulmeting")
    api.login(person_factory(community, role))
    assert api.get(f"c/wijk/impact/surveys/{survey.pk}/results").status_code == status
