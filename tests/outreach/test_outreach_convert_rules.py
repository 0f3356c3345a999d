"""A house visit's offers and requests are made by the exchange's services (issue 14.1), so the
exchange's rules hold for them as for any other: a request code, the resident's confirmation on
their own channel, and no open request or offer in a kind of help neighbours do not take on."""

import pytest
from django.core.exceptions import ValidationError

from naober.directory.models import Direction, Referral
from naober.exchange.models import Category, HelpOffer, HelpRequest
from naober.notify.channels import channel_for
from naober.notify.models import Message
from naober.outreach import services
from tests.outreach.conftest import actor_of


def category(community, code):
    return Category.objects.get(community=community, code=code)


def test_request_from_a_visit_gets_a_code_and_the_resident_a_confirmation(held_visit, cast):
    _offers, (request,) = services.convert_visit(
        actor_of(cast.visitor),
        held_visit,
        offers={},
        requests={"surroundings": category(cast.resident.community, "tuin")},
    )
    assert request.code.startswith("V-") and request.status == "open"
    assert request.channel == "house_visit" and request.entered_by == cast.visitor
    confirmation = Message.objects.get(person=cast.resident, event="request_received")
    assert confirmation.channel == channel_for(cast.resident)


def test_out_of_scope_request_from_a_visit_is_referred_not_open(held_visit, cast):
    _offers, (request,) = services.convert_visit(
        actor_of(cast.visitor),
        held_visit,
        offers={},
        requests={"surroundings": category(cast.resident.community, "huishoudelijke-hulp")},
    )
    assert request.status == "referred"
    assert Referral.objects.filter(help_request=request, direction=Direction.OUT).exists()


def test_out_of_scope_offer_from_a_visit_is_refused_and_nothing_is_made(held_visit, cast):
    with pytest.raises(ValidationError) as refused:
        services.convert_visit(
            actor_of(cast.visitor),
            held_visit,
            offers={"activities": category(cast.resident.community, "persoonlijke-verzorging")},
            requests={"surroundings": category(cast.resident.community, "tuin")},
        )
    assert "offers" in refused.value.message_dict
    assert not HelpOffer.objects.exists() and not HelpRequest.objects.exists()
    held_visit.refresh_from_db()
    assert held_visit.converted_at is None
