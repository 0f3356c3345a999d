"""Sending a request out (issue 15.1): asks in each helper's channel, the first yes wins through
the exchange's own services, the others hear it is taken; limits; privacy of every text sent."""

import json
import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from naober.exchange.models import Match, RequestStatus
from naober.exchange.selectors import step_text
from naober.notify.models import Message
from naober.reach import links, services
from naober.reach.inbound import HEADER, LocalInbound
from naober.reach.models import Ask, HelperLimit, ReachSettings
from tests.exchange.helpers import make_offer, make_request
from tests.exchange.test_claim_race import own_connections_can_share
from tests.factories import make_person

SECRET = "geheim-voor-sms"
ORIGINAL_QUIET = services._quiet


@pytest.fixture(autouse=True)
def inbound_secret(settings):
    settings.SMS_INBOUND_SECRET = SECRET


@pytest.fixture(autouse=True)
def daytime(monkeypatch):
    """Outside quiet hours unless a test says otherwise (tests run at any hour)."""
    monkeypatch.setattr(services, "_quiet", lambda rules, moment: False)


def helpers(community, n=5):
    channels = ["sms", "email"]
    return [
        make_offer(
            community, make_person(community, "volunteer", preferred_channel=channels[i % 2])
        )
        for i in range(n)
    ]


def requester(community):
    return make_person(
        community, "resident", name="Grietje Zwaantjes", address="Kerkstraat 7", phone="0528999888"
    )


def send(api, community, help_request, body):
    return api.post(f"c/{community.slug}/requests/{help_request.pk}/callout", body)


def test_coordinator_sends_out_to_five_helpers_each_in_their_channel(community, api):
    help_request = make_request(community, requester(community))
    offers = helpers(community)
    api.login(make_person(community, "coordinator"))
    answer = send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    assert answer.status_code == 201 and answer.json()["sent"] == 5
    callout = api.get(f"c/{community.slug}/callouts/{answer.json()['callout']}").json()
    assert callout["request"] == help_request.pk and callout["match"] is None
    assert {a["channel"] for a in callout["asked"]} == {"sms", "email"}
    assert all(a["answer"] is None for a in callout["asked"])
    sms = Message.objects.filter(channel="sms", related="")
    assert sms.count() == 3
    asks = Ask.objects.filter(channel="sms").order_by("pk")
    for message, ask in zip(sms.order_by("pk"), asks, strict=True):
        assert f"Antwoord JA {ask.reply_code} als u kunt helpen" in message.body
    for message in Message.objects.filter(channel="email"):
        assert "/antwoord/" in message.body


def test_no_text_sent_names_the_requester_their_street_or_phone(community, api):
    asker = requester(community)
    help_request = make_request(community, asker, title="Grietje haar heg", publish=False)
    offers = helpers(community)
    api.login(make_person(community, "coordinator"))
    send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    ask = Ask.objects.filter(channel="sms").first()
    LocalInbound(Client()).reply(ask.person.phone, f"JA {ask.reply_code}")
    bodies = list(Message.objects.exclude(person=asker).values_list("body", "subject"))
    assert len(bodies) >= 5
    for body, subject in bodies:
        for secret in ("Grietje", "Zwaantjes", "Kerkstraat", "0528999888", "heg"):
            assert secret not in body and secret not in subject


def test_top_n_asks_the_best_suggestions_and_nobody_twice(community, api):
    help_request = make_request(community)
    helpers(community, 4)
    api.login(make_person(community, "coordinator"))
    first = send(api, community, help_request, {"top": 3})
    assert first.status_code == 201 and first.json()["sent"] == 3
    again = send(api, community, help_request, {"top": 4})
    assert again.json()["sent"] == 1
    assert Ask.objects.filter(request=help_request).count() == 4


def test_sending_out_again_asks_the_next_best_not_nobody(community, api):
    """The best three were asked; the next `top: 3` asks three others, skipping a helper at
    their weekly limit."""
    help_request = make_request(community)
    offers = helpers(community, 7)
    HelperLimit.objects.create(person=offers[6].helper, asks_per_week=0)
    api.login(make_person(community, "coordinator"))
    assert send(api, community, help_request, {"top": 3}).json()["sent"] == 3
    assert send(api, community, help_request, {"top": 3}).json()["sent"] == 3
    asked = set(Ask.objects.filter(request=help_request).values_list("person", flat=True))
    assert asked == {o.helper_id for o in offers[:6]}


def test_weekly_limit_own_setting_and_community_default(community, api):
    offers = helpers(community, 2)
    HelperLimit.objects.create(person=offers[0].helper, asks_per_week=0)
    api.login(make_person(community, "coordinator"))
    ids = [o.helper_id for o in offers]
    sent = [
        send(api, community, make_request(community), {"helpers": ids}).json()["sent"]
        for _ in range(3)
    ]
    assert sent == [1, 1, 0]  # helper 0 never; helper 1 twice a week (the default)


@pytest.mark.parametrize(
    "body", [{}, {"helpers": [], "top": None}, {"helpers": [1], "top": 2}, {"top": 0}, {"top": 99}]
)
def test_bad_input_is_refused_and_nothing_sent(community, api, body):
    help_request = make_request(community)
    helpers(community, 1)
    api.login(make_person(community, "coordinator"))
    answer = send(api, community, help_request, body)
    assert answer.status_code == 422 and set(answer.json()) >= {"detail", "code"}
    assert not Ask.objects.exists() and not Message.objects.filter(event="custom").exists()


def test_a_helper_of_another_community_or_without_a_fitting_offer_is_refused(
    community, other_community, api
):
    help_request = make_request(community)
    stranger = make_offer(other_community).helper
    nobody = make_person(community, "volunteer")
    api.login(make_person(community, "coordinator"))
    for person in (stranger, nobody):
        answer = send(api, community, help_request, {"helpers": [person.pk]})
        assert answer.status_code == 422
    assert not Ask.objects.exists()


def test_residents_send_out_only_their_own_request_and_only_with_self_service(community, api):
    """reach.policy.may_send, one rule for page and API: to anyone it refuses, the request is
    not found (404), never a 403 that tells it exists."""
    asker = make_person(community, "resident")
    help_request = make_request(community, asker)
    helpers(community, 2)
    page = Client()
    page.force_login(asker.user)
    url = f"/c/{community.slug}/requests/{help_request.pk}/callout/"
    api.login(asker)
    assert send(api, community, help_request, {"top": 5}).status_code == 404
    assert page.get(url).status_code == 404
    ReachSettings.objects.create(community=community, self_service=True)
    assert page.get(url).status_code == 200
    answer = send(api, community, help_request, {"top": 5})
    assert answer.status_code == 201 and answer.json()["sent"] == 2
    other = make_person(community, "resident")
    api.login(other)
    page.force_login(other.user)
    assert send(api, community, help_request, {"top": 5}).status_code == 404
    assert page.get(url).status_code == 404
    assert Ask.objects.count() == 2


def test_callout_of_another_community_is_not_found_and_residents_cannot_read_it(
    community, other_community, api
):
    help_request = make_request(community)
    offers = helpers(community, 1)
    api.login(make_person(community, "coordinator"))
    callout = send(api, community, help_request, {"helpers": [offers[0].helper_id]}).json()
    api.login(make_person(other_community, "coordinator"))
    assert api.get(f"c/{other_community.slug}/callouts/{callout['callout']}").status_code == 404
    api.login(make_person(community, "resident"))
    assert api.get(f"c/{community.slug}/callouts/{callout['callout']}").status_code == 403


def test_sms_yes_becomes_a_match_and_a_later_yes_hears_it_is_taken(community, api):
    help_request = make_request(community)
    offers = helpers(community, 4)
    api.login(make_person(community, "coordinator"))
    callout = send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    first, second = Ask.objects.filter(channel="sms").order_by("pk")
    inbound = LocalInbound(Client())
    phone = "+31 " + first.person.phone[1:]
    assert inbound.reply(phone, f"ja {first.reply_code}").json() == {"result": "won"}
    assert inbound.reply(second.person.phone, f"JA {second.reply_code}").json() == {
        "result": "taken"
    }
    match = Match.objects.get(request=help_request)
    assert match.helper_id == first.person_id
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.MATCHED
    read = api.get(f"c/{community.slug}/callouts/{callout.json()['callout']}").json()
    assert read["match"] == match.pk
    taken = Message.objects.filter(idempotency_key__startswith="reach:taken:")
    assert taken.count() == 3 and all("dank u" in m.body for m in taken)
    assert inbound.reply(first.person.phone, f"JA {first.reply_code}").json() == {
        "result": "already"
    }


def test_inbound_sms_refuses_a_bad_or_missing_signature(community, settings):
    client = Client()
    body = json.dumps({"from": "0612345678", "text": "JA 1234"})
    for headers in ({}, {HEADER: "00" * 32}):
        answer = client.post(
            "/api/v1/sms/inbound", body, content_type="application/json", headers=headers
        )
        assert answer.status_code == 403 and answer.json()["code"] == "bad_signature"
    settings.SMS_INBOUND_SECRET = ""
    assert LocalInbound(client).reply("0612345678", "JA 1234").status_code == 403


def test_inbound_sms_bad_body_is_400_and_unknown_code_changes_nothing(community):
    inbound = LocalInbound(Client())
    assert inbound.reply("0612345678", "JA 1234").json() == {"result": "unknown"}
    from naober.reach.inbound import signature

    body = b"not json"
    answer = Client().post(
        "/api/v1/sms/inbound",
        body,
        content_type="application/json",
        headers={HEADER: signature(body)},
    )
    assert answer.status_code == 400


def test_link_without_login_shows_the_ask_and_takes_a_yes(community, api):
    asker = requester(community)
    help_request = make_request(community, asker)
    offers = helpers(community, 2)
    api.login(make_person(community, "coordinator"))
    send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    ask = Ask.objects.get(channel="email")
    url = links.answer_url(ask).split("8000", 1)[-1]
    client = Client()
    page = client.get(url)
    assert page.status_code == 200 and "Grietje" not in page.content.decode()
    done = client.post(url, {"answer": "yes"})
    assert "U helpt met deze vraag" in done.content.decode()
    assert Match.objects.get(request=help_request).helper_id == ask.person_id
    assert "al geantwoord" in client.get(url).content.decode()


def test_a_forged_or_other_community_link_does_not_work(community, other_community, api):
    help_request = make_request(community)
    offers = helpers(community, 2)
    api.login(make_person(community, "coordinator"))
    send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    ask = Ask.objects.get(channel="email")
    token = links.token_for(ask)
    client = Client()
    assert client.get(f"/c/{community.slug}/antwoord/{token}x/").status_code == 404
    assert client.get(f"/c/{other_community.slug}/antwoord/{token}/").status_code == 404
    assert not Match.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_sms_yeses_at_the_same_moment_make_exactly_one_match(community, tmp_path):
    from naober.communities.context import resolve_actor
    from naober.reach import services

    help_request = make_request(community)
    offers = [
        make_offer(community, make_person(community, "volunteer", preferred_channel="sms"))
        for _ in range(5)
    ]
    coordinator = make_person(community, "coordinator")
    actor = resolve_actor(coordinator.user, community.slug)
    services.send(actor, help_request, helpers=[o.helper_id for o in offers])
    asks = list(Ask.objects.filter(request=help_request))
    barrier = threading.Barrier(len(asks))
    results, lock = [], threading.Lock()

    def reply(ask):
        try:
            barrier.wait(timeout=30)
            result = LocalInbound(Client(raise_request_exception=False)).reply(
                ask.person.phone, f"JA {ask.reply_code}"
            )
            outcome = result.json().get("result", result.status_code)
        except Exception as error:  # noqa: BLE001 (reported below as a failure)
            outcome = repr(error)
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    with own_connections_can_share(tmp_path) as query:
        threads = [threading.Thread(target=reply, args=(ask,)) for ask in asks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        matches = query(
            "SELECT helper_id FROM exchange_match WHERE request_id = ?", help_request.pk
        )
    assert sorted(results) == ["taken"] * 4 + ["won"]
    assert len(matches) == 1


@pytest.mark.parametrize(
    ("hour", "quiet"), [(22, True), (0, True), (7, True), (8, False), (12, False), (20, False)]
)
def test_quiet_hours_run_past_midnight(community, hour, quiet):
    rules = ReachSettings(community=community)  # 21:00-08:00
    moment = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)
    assert ORIGINAL_QUIET(rules, moment) is quiet


def test_sms_asks_made_in_quiet_hours_wait_for_the_morning(community, api, monkeypatch):
    monkeypatch.setattr(services, "_quiet", ORIGINAL_QUIET)
    # Quiet from an hour ago until two hours from now (windows may run past midnight), so the
    # test holds at any hour of the day it runs.
    now = timezone.localtime()
    ReachSettings.objects.create(
        community=community,
        quiet_from=(now - timedelta(hours=1)).time().replace(second=0, microsecond=0),
        quiet_until=(now + timedelta(hours=2)).time().replace(second=0, microsecond=0),
    )
    help_request = make_request(community)
    offers = helpers(community, 4)
    api.login(make_person(community, "coordinator"))
    answer = send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    assert answer.json()["sent"] == 4
    callout = answer.json()["callout"]
    asks = Ask.objects.filter(callout=callout)
    assert asks.filter(waiting=True).count() == 2 == asks.filter(channel="sms").count()
    assert not Message.objects.filter(channel="sms").exists()
    assert Message.objects.filter(channel="email").count() == 2
    assert services.send_waiting(callout) == 0  # the worker ran it early: still quiet
    morning = now + timedelta(hours=2, minutes=1)
    assert services.send_waiting(callout, morning) == 2
    assert services.send_waiting(callout, morning) == 0
    assert Message.objects.filter(channel="sms").count() == 2


def test_a_helpers_own_yes_to_a_mediated_request_is_not_recorded_as_the_coordinators(
    community, api
):
    help_request = make_request(community, requester(community))
    help_request.needs_mediation = True
    help_request.save(update_fields=["needs_mediation"])
    offers = helpers(community, 2)
    api.login(make_person(community, "coordinator"))
    send(api, community, help_request, {"helpers": [o.helper_id for o in offers]})
    ask = Ask.objects.get(channel="email")
    Client().post(links.answer_url(ask).split("8000", 1)[-1], {"answer": "yes"})
    match = Match.objects.get(request=help_request)
    yes = match.events.get(kind="helper_yes")
    assert yes.by_id == ask.person_id
    text = step_text(match, yes, me=ask.person_id, staff=False)
    assert text == "U zei ja" and "coördinator" not in text
