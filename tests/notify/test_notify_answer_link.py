"""The message that asks someone's yes leads straight to the page with the yes button (issue
13.2): a volunteer read "the coordinator will contact you" and waited, though they could answer
themselves. Someone without a login still hears it from the coordinator."""

from types import SimpleNamespace

import pytest
from django.conf import settings

from naober.notify.render import render
from naober.notify.texts import SMS_LIMIT


def match_of(requester, helper):
    request = SimpleNamespace(pk=3, title="Lamp ophangen", requester=requester)
    return SimpleNamespace(pk=12, request=request, helper=helper)


@pytest.mark.django_db
def test_the_helper_and_the_requester_get_the_link_to_their_answer(community, person_factory):
    requester = person_factory(community, name="Annie de Vries")
    helper = person_factory(community, "volunteer", name="Bram Jansen")
    context = {"match": match_of(requester, helper)}
    asked = render(helper, "match_proposed", context, "email")
    assert 'Kunt u Annie helpen met "Lamp ophangen"?' in asked.body
    assert f"{settings.SITE_URL}/c/wijk/matches/12/" in asked.body
    assert "neemt contact met u op" not in asked.body
    told = render(requester, "helper_responded", context, "email")
    assert "/c/wijk/matches/12/" in told.body
    sms = render(helper, "match_proposed", context, "sms")
    assert len(sms.body) <= SMS_LIMIT


@pytest.mark.django_db
def test_without_a_login_the_coordinator_still_calls(community, person_factory):
    requester = person_factory(community, name="Annie de Vries")
    helper = person_factory(community, "volunteer", name="Truus Offline", login=False)
    body = render(helper, "match_proposed", {"match": match_of(requester, helper)}, "letter").body
    assert "/matches/" not in body and "De coördinator neemt contact met u op" in body
