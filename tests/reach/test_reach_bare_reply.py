"""A helper who answers a call-out SMS with a bare "Ja" (without the number, as many do) is not
left in silence: with one open ask that is the answer; with several they are asked which one,
once; from a number nobody was asked on, nothing happens."""

import pytest
from django.test import Client

from naober.exchange.models import Match
from naober.notify.models import Message
from naober.reach import services
from naober.reach.inbound import LocalInbound
from naober.reach.models import Ask
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def daytime(settings, monkeypatch):
    settings.SMS_INBOUND_SECRET = "geheim-voor-sms"
    monkeypatch.setattr(services, "_quiet", lambda rules, moment: False)


def asked_helper(community, api, requests=1):
    helper = make_person(community, "volunteer", preferred_channel="sms", phone="06 5555 1234")
    make_offer(community, helper)
    api.login(make_person(community, "coordinator"))
    made = [make_request(community) for _ in range(requests)]
    for help_request in made:
        url = f"c/{community.slug}/requests/{help_request.pk}/callout"
        assert api.post(url, {"helpers": [helper.pk]}).json()["sent"] == 1
    return helper, made


def test_a_bare_ja_answers_the_one_open_ask(community, api):
    helper, (help_request,) = asked_helper(community, api)
    answer = LocalInbound(Client()).reply("+31655551234", "Ja!")
    assert answer.json() == {"result": "won"}
    assert Match.objects.get().request == help_request
    assert Ask.objects.get().answer == "yes"


def test_a_bare_ja_with_two_open_asks_asks_which_one_once(community, api):
    helper, _made = asked_helper(community, api, requests=2)
    inbound = LocalInbound(Client())
    assert inbound.reply("0655551234", "ja").json() == {"result": "ambiguous"}
    assert inbound.reply("0655551234", "ja").json() == {"result": "ambiguous"}  # posted twice
    which = Message.objects.filter(person=helper, subject="Welke vraag bedoelt u?")
    assert which.count() == 1
    assert "JA 4821" in which.get().body
    assert not Match.objects.exists()
    assert not Ask.objects.exclude(answer="").exists()


def test_a_bare_ja_from_a_number_nobody_asked_changes_nothing(community, api):
    asked_helper(community, api)
    assert LocalInbound(Client()).reply("0612121212", "JA").json() == {"result": "unknown"}
    assert not Match.objects.exists()
