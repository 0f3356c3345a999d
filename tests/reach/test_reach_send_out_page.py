"""The send-out page as the coordinator walks it (issue 15 check): it always leads back to the
request, says why a closed request cannot go out, and shows an SMS ask that waits for the end
of the quiet hours as waiting (page and API)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from naober.exchange.models import HelpRequest, RequestStatus
from naober.reach import services
from naober.reach.models import ReachSettings
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def coordinator_page(community):
    client = Client()
    person = make_person(community, "coordinator")
    client.force_login(person.user, backend="django.contrib.auth.backends.ModelBackend")
    return client, person


def url(community, help_request):
    return f"/c/{community.slug}/requests/{help_request.pk}/callout/"


def test_a_taken_or_closed_request_leads_back_to_the_request(community, monkeypatch):
    monkeypatch.setattr(services, "_quiet", lambda rules, moment: False)
    client, _ = coordinator_page(community)
    help_request = make_request(community)
    back = f'href="/c/{community.slug}/requests/{help_request.pk}/"'
    assert back in client.get(url(community, help_request)).content.decode()
    HelpRequest.objects.filter(pk=help_request.pk).update(status=RequestStatus.CANCELLED)
    page = client.get(url(community, help_request)).content.decode()
    assert back in page
    assert "staat niet meer open (geannuleerd)" in page
    assert "Iemand anders helpt al" not in page


def test_an_sms_ask_waiting_for_the_morning_shows_as_waiting(community, api):
    now = timezone.localtime()
    ReachSettings.objects.create(
        community=community,
        quiet_from=(now - timedelta(hours=1)).time().replace(second=0, microsecond=0),
        quiet_until=(now + timedelta(hours=2)).time().replace(minute=0, second=0, microsecond=0),
    )
    client, coordinator = coordinator_page(community)
    help_request = make_request(community)
    offer = make_offer(community, make_person(community, "volunteer", preferred_channel="sms"))
    api.login(coordinator)
    answer = api.post(
        f"c/{community.slug}/requests/{help_request.pk}/callout", {"helpers": [offer.helper_id]}
    )
    asked = api.get(f"c/{community.slug}/callouts/{answer.json()['callout']}").json()["asked"]
    assert asked[0]["waiting"] is True and asked[0]["answer"] is None
    page = client.get(url(community, help_request)).content.decode()
    # no clock time: the quiet hours may have changed since the ask was put off
    assert "nog niet verstuurd: gaat 's ochtends weg, als de stille uren voorbij zijn" in page


def test_a_suggested_helper_without_email_or_sms_is_not_ticked_and_the_page_says_why(community):
    client, _ = coordinator_page(community)
    help_request = make_request(community)
    by_sms = make_offer(community, make_person(community, "volunteer", preferred_channel="sms"))
    by_phone = make_offer(community, make_person(community, "volunteer", preferred_channel="phone"))
    page = client.get(url(community, help_request)).content.decode()
    assert f'value="{by_sms.helper_id}" checked' in page
    assert f'value="{by_phone.helper_id}">' in page
    assert "Geen e-mail of sms: kan zo niet gevraagd worden" in page
