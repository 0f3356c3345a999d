"""Text over its limit in a referral is refused, never cut (issue 14): the service says so per
field in the exchange's words (TooLong, with the count), the page shows it in Dutch, the API
answers 422, and no person, request or referral is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from naober.directory import services
from naober.directory.models import Referral, ReferralEvent
from naober.exchange.models import HelpRequest
from naober.people.models import Person
from tests.directory.conftest import actor_of

pytestmark = pytest.mark.django_db

REFERRAL = {
    "name": "Greet Bakker",
    "phone": "06 11112222",
    "category": "boodschappen",
    "description": "Kan niet meer zelf naar de winkel",
}


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), HelpRequest.objects.count(), Referral.objects.count()


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 120), ("address", 200), ("description", 2000), ("note", 2000)],
)
def test_a_referral_in_with_text_over_its_limit_is_refused(partner, field, limit):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.refer_in(actor_of(partner), **{**REFERRAL, field: "x" * (limit + 1)})
    assert refused.value.message_dict[field] == [
        f"Gebruik hooguit {limit} tekens (nu {limit + 1})."
    ]
    assert counts() == before


def test_a_long_description_is_kept_whole_beside_the_requests_title(partner):
    need = "Boodschappen doen " * 100  # 1800 characters
    referral = services.refer_in(actor_of(partner), **{**REFERRAL, "description": need})
    assert referral.need == need.strip() and referral.help_request.description == need.strip()


def test_a_status_note_over_its_limit_changes_nothing(partner, coordinator):
    referral = services.refer_in(actor_of(partner), **REFERRAL)
    with pytest.raises(ValidationError) as refused:
        services.change_referral(actor_of(coordinator), referral, status="accepted", note="x" * 501)
    assert refused.value.message_dict["note"] == ["Gebruik hooguit 500 tekens (nu 501)."]
    referral.refresh_from_db()
    assert (
        referral.status == "sent" and ReferralEvent.objects.filter(referral=referral).count() == 1
    )


def test_the_page_says_so_in_dutch_and_stores_nothing(partner):
    client = Client()
    client.force_login(partner.user)
    before = counts()
    response = client.post(
        "/c/wijk/referrals/in/", {**REFERRAL, "description": "x" * 2001, "consent": "on"}
    )
    assert response.status_code == 200
    assert "niet meer dan 2000 tekens" in response.content.decode()
    assert counts() == before


def test_the_api_answers_422_and_stores_nothing(api, partner):
    api.login(partner)
    before = counts()
    response = api.post("c/wijk/referrals", {**REFERRAL, "name": "x" * 121})
    assert response.status_code == 422
    assert counts() == before
