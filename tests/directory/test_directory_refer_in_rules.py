"""A professional's referral makes its request through the exchange's service (issue 14.1): the
request gets a code, the referred person a confirmation on their own channel, and a kind of help
neighbours do not take on is referred on instead of left open."""

from naober.directory import services
from naober.directory.models import Direction, Referral
from naober.notify.channels import channel_for
from naober.notify.models import Message
from tests.directory.conftest import actor_of


def refer(partner, category):
    return services.refer_in(
        actor_of(partner),
        name="Greet Bakker",
        phone="06 11112222",
        category=category,
        description="Kan niet meer zelf naar de winkel",
    )


def test_referred_request_gets_a_code_and_the_person_a_confirmation(partner):
    referral = refer(partner, "boodschappen")
    request = referral.help_request
    assert request.code.startswith("V-") and request.status == "open"
    assert request.channel == "referral" and request.entered_by == partner
    confirmation = Message.objects.get(person=referral.person, event="request_received")
    assert confirmation.channel == channel_for(referral.person)


def test_out_of_scope_referral_is_referred_on_not_open(partner):
    referral = refer(partner, "persoonlijke-verzorging")
    request = referral.help_request
    assert request.status == "referred"
    assert Referral.objects.filter(help_request=request, direction=Direction.OUT).exists()
    assert not Message.objects.filter(person=referral.person, event="request_received").exists()
