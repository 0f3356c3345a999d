"""Sending a request out to everyone in the requester's street or village who offers that kind
of help, and the reach settings: the community's rules (coordinator) and a helper's own limit."""

import json
from datetime import time

import pytest
from django.test import Client

from naober.notify.models import Message
from naober.reach import services
from naober.reach.models import Ask, HelperLimit, ReachSettings
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_person, street


@pytest.fixture(autouse=True)
def daytime(monkeypatch):
    monkeypatch.setattr(services, "_quiet", lambda rules, moment: False)


def web(person) -> Client:
    client = Client()
    client.force_login(person.user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def put(api, data):
    return api.client.put(
        "/api/v1/c/wijk/reach/my-limit",
        json.dumps(data),
        content_type="application/json",
        **api._headers(),
    )


def volunteer(community, place="Dorpsstraat", **fields):
    fields.setdefault("preferred_channel", "email")
    return make_person(community, "volunteer", area=street(community, place), **fields)


def test_everyone_in_the_street_who_offers_that_kind_is_asked(community, api):
    help_request = make_request(community)  # the requester lives in the Dorpsstraat
    near = [make_offer(community, volunteer(community)) for _ in range(3)]
    make_offer(community, volunteer(community, "Kerkstraat"))  # another street
    make_offer(community, volunteer(community), codes=("gezelschap",))  # another kind of help
    api.login(make_person(community, "coordinator"))
    answer = api.post(f"c/wijk/requests/{help_request.pk}/callout", {"everyone": True})
    assert answer.status_code == 201 and answer.json()["sent"] == 3
    asked = set(Ask.objects.filter(request=help_request).values_list("person_id", flat=True))
    assert asked == {offer.helper_id for offer in near}
    again = api.post(f"c/wijk/requests/{help_request.pk}/callout", {"everyone": True})
    assert again.json()["sent"] == 0  # nobody twice


def test_everyone_with_nobody_nearby_or_mixed_with_helpers_is_422(community, api):
    help_request = make_request(community)
    offer = make_offer(community, volunteer(community, "Kerkstraat"))
    api.login(make_person(community, "coordinator"))
    url = f"c/wijk/requests/{help_request.pk}/callout"
    assert api.post(url, {"everyone": True}).status_code == 422
    assert api.post(url, {"everyone": True, "helpers": [offer.helper_id]}).status_code == 422
    assert not Ask.objects.exists()


def test_send_out_page_offers_everyone_in_the_street(community):
    help_request = make_request(community)
    near = make_offer(community, volunteer(community))
    client = web(make_person(community, "coordinator"))
    url = f"/c/wijk/requests/{help_request.pk}/callout/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Iedereen in Dorpsstraat die dit soort hulp aanbiedt (1 persoon)" in page
    back = "/c/wijk/desk/intake/?request=1"
    response = client.post(url, {"who": "everyone", "back": back})
    assert response.status_code == 302 and "back=" in response.url
    assert Ask.objects.get(request=help_request).person == near.helper
    assert Message.objects.filter(person=near.helper, event="custom").exists()


def test_the_send_out_page_lists_the_next_suggestions_after_a_send_out(community):
    """Ten were shown ticked and asked; the page then shows the eleventh, not "nobody fits",
    unticked."""
    help_request = make_request(community)
    offers = [make_offer(community, volunteer(community)) for _ in range(11)]
    client = web(make_person(community, "coordinator"))
    url = f"/c/wijk/requests/{help_request.pk}/callout/"
    page = client.get(url).content.decode()
    ticked = [o.helper_id for o in offers if f'name="helpers" value="{o.helper_id}"' in page]
    assert len(ticked) == 10
    client.post(url, {"who": "chosen", "helpers": ticked})
    assert Ask.objects.filter(request=help_request).count() == 10
    page = client.get(url).content.decode()
    [left] = [o.helper_id for o in offers if o.helper_id not in ticked]
    assert f'name="helpers" value="{left}"' in page
    # not ticked this time: a second click on "Uitzetten" asks nobody by accident
    assert f'name="helpers" value="{left}" checked' not in page


def test_the_send_out_page_says_why_a_ticked_helper_was_not_asked(community):
    help_request = make_request(community)
    willing, full = (make_offer(community, volunteer(community)) for _ in range(2))
    HelperLimit.objects.create(person=full.helper, asks_per_week=0)
    client = web(make_person(community, "coordinator"))
    url = f"/c/wijk/requests/{help_request.pk}/callout/"
    helpers = [willing.helper_id, full.helper_id]
    response = client.post(url, {"who": "chosen", "helpers": helpers}, follow=True)
    page = response.content.decode()
    assert "1 helper gevraagd." in page
    # by name, so the coordinator can phone them instead
    assert f"Nu niet gevraagd: {full.helper.name} (geen e-mail of sms" in page


def test_coordinator_sets_quiet_hours_and_self_service(community):
    client = web(make_person(community, "coordinator"))
    page = client.get("/c/wijk/settings/call-outs/", HTTP_ACCEPT_LANGUAGE="nl")
    assert page.status_code == 200 and 'value="21:00"' in page.content.decode()
    data = {
        "self_service": "on",
        "asks_per_week": "3",
        "quiet_from": "22:00",
        "quiet_until": "07:30",
    }
    assert client.post("/c/wijk/settings/call-outs/", data).status_code == 302
    rules = ReachSettings.objects.get(community=community)
    assert rules.self_service and rules.asks_per_week == 3
    assert (rules.quiet_from, rules.quiet_until) == (time(22), time(7, 30))


@pytest.mark.parametrize(
    "data",
    [
        {"asks_per_week": "0", "quiet_from": "22:00", "quiet_until": "07:00"},
        {"asks_per_week": "99", "quiet_from": "22:00", "quiet_until": "07:00"},
        {"asks_per_week": "2", "quiet_from": "laat", "quiet_until": "07:00"},
        {"asks_per_week": "2", "quiet_from": "25:00", "quiet_until": ""},
    ],
)
def test_bad_settings_give_a_dutch_error_and_change_nothing(community, data):
    client = web(make_person(community, "coordinator"))
    response = client.post("/c/wijk/settings/call-outs/", data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not ReachSettings.objects.filter(community=community).exists()


def test_only_staff_set_the_communitys_rules(community, other_community):
    for role in ("resident", "volunteer", "core_group", "partner"):
        client = web(make_person(community, role))
        assert client.get("/c/wijk/settings/call-outs/").status_code in (403, 404)
        data = {
            "self_service": "on",
            "asks_per_week": "9",
            "quiet_from": "00:00",
            "quiet_until": "00:00",
        }
        assert client.post("/c/wijk/settings/call-outs/", data).status_code in (403, 404)
    outsider = web(make_person(other_community, "coordinator"))
    assert outsider.get("/c/wijk/settings/call-outs/").status_code == 404
    assert not ReachSettings.objects.exists()


def test_a_helper_sets_their_own_limit_and_it_is_used(community, api):
    helper = volunteer(community)
    offer = make_offer(community, helper)
    client = web(helper)
    page = client.get("/c/wijk/my-call-outs/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Hoe vaak mogen we u vragen?" in page
    assert client.post("/c/wijk/my-call-outs/", {"asks_per_week": "0"}).status_code == 302
    assert HelperLimit.objects.get(person=helper).asks_per_week == 0
    api.login(make_person(community, "coordinator"))
    answer = api.post(
        f"c/wijk/requests/{make_request(community).pk}/callout", {"helpers": [offer.helper_id]}
    )
    assert answer.json()["sent"] == 0  # never ask me
    client.post("/c/wijk/my-call-outs/", {"asks_per_week": ""})  # back to the default
    assert not HelperLimit.objects.filter(person=helper).exists()


def test_a_bad_own_limit_is_refused_and_partners_have_no_such_page(community):
    helper = volunteer(community)
    response = web(helper).post(
        "/c/wijk/my-call-outs/", {"asks_per_week": "500"}, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not HelperLimit.objects.exists()
    partner = web(make_person(community, "partner"))
    assert partner.get("/c/wijk/my-call-outs/").status_code in (403, 404)


def test_reach_settings_and_own_limit_through_the_api(community, api):
    api.login(make_person(community, "coordinator"))
    assert api.get("c/wijk/reach/settings").json() == {
        "self_service": False,
        "asks_per_week": 2,
        "quiet_from": "21:00",
        "quiet_until": "08:00",
    }
    changed = api.patch("c/wijk/reach/settings", {"quiet_from": "22:30", "self_service": True})
    assert changed.status_code == 200 and changed.json()["quiet_from"] == "22:30"
    assert api.patch("c/wijk/reach/settings", {"asks_per_week": 0}).status_code == 422
    assert api.patch("c/wijk/reach/settings", {"quiet_until": None}).status_code == 422
    # A time with an offset has no meaning for the community's own evening: refused, not a 500.
    offset = api.patch("c/wijk/reach/settings", {"quiet_from": "23:00+02:00"})
    assert offset.status_code == 422 and "zonder tijdzone" in offset.text
    assert ReachSettings.objects.get(community=community).quiet_from == time(22, 30)
    assert ReachSettings.objects.get(community=community).asks_per_week == 2
    helper = volunteer(community)
    api.login(helper)
    assert api.get("c/wijk/reach/settings").status_code == 403
    assert api.patch("c/wijk/reach/settings", {"self_service": False}).status_code == 403
    assert put(api, {"asks_per_week": 1}).json() == {"asks_per_week": 1}
    assert put(api, {"asks_per_week": -1}).status_code == 422
    assert api.get("c/wijk/reach/my-limit").json() == {"asks_per_week": 1}
