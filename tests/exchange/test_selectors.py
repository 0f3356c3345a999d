"""Workbench selectors, suggestions and the summary report: tenant-safe and correct."""

from datetime import timedelta

import pytest
from django.utils import timezone

from naober.exchange import reports, selectors, services
from naober.exchange.models import HelpRequest, Match
from naober.matchmaking.ranking import suggestions
from tests.exchange.helpers import actor_of, make_offer, make_request
from tests.factories import make_person, street


@pytest.fixture
def coordinator(community):
    return make_person(community, "coordinator")


@pytest.fixture
def foreign(other_community):
    """A full set of rows in another community, which no selector of `wijk` may return."""
    boss = make_person(other_community, "coordinator")
    help_request = make_request(other_community)
    waiting = make_request(other_community)
    services.move_to_waiting_list(actor_of(boss), waiting)
    mediated = make_request(other_community, needs_mediation=True)
    offer = make_offer(other_community)
    match = services.respond(actor_of(offer.helper), help_request, offer)
    services.log_contact(
        actor_of(boss), person=boss, kind="call", outcome="reached", request=mediated
    )
    return match


def test_workbench_selectors_never_return_another_community(coordinator, foreign):
    actor = actor_of(coordinator)
    for rows in (
        selectors.open_requests_by_deadline(actor),
        selectors.waiting_list(actor),
        selectors.mediation_queue(actor),
        selectors.self_matches(actor),
        selectors.contact_log(actor),
        selectors.followups(actor),
        selectors.visible_requests(actor),
        selectors.visible_offers(actor),
        selectors.visible_matches(actor),
        selectors.standing_offers(actor),
    ):
        assert list(rows) == []
    for getter, pk in (
        (selectors.request_get, foreign.request_id),
        (selectors.offer_get, foreign.offer_id),
        (selectors.match_get, foreign.pk),
    ):
        with pytest.raises(Exception) as info:
            getter(actor, pk)
        assert info.typename == "Http404"


def test_open_requests_by_deadline_with_overdue_flag(coordinator, community):
    old, new = make_request(community), make_request(community)
    answered = make_request(community)
    long_ago = timezone.now() - timedelta(hours=community.response_deadline_hours + 1)
    HelpRequest.objects.filter(pk__in=[old.pk, answered.pk]).update(created_at=long_ago)
    HelpRequest.objects.filter(pk=answered.pk).update(first_response_at=timezone.now())
    rows = list(selectors.open_requests_by_deadline(actor_of(coordinator)))
    assert [r.pk for r in rows][-1] == new.pk
    assert {r.pk: r.overdue for r in rows} == {old.pk: True, answered.pk: False, new.pk: False}


def test_mediation_queue_and_self_matches(coordinator, community):
    plain = make_request(community)
    mediated = make_request(community, needs_mediation=True)
    actor = actor_of(coordinator)
    assert list(selectors.mediation_queue(actor)) == [mediated]
    offer = make_offer(community)
    match = services.respond(actor_of(offer.helper), plain, offer)
    assert list(selectors.self_matches(actor)) == [match]
    services.flag_match(actor, match, flagged=True, note="Klopt dit?")
    assert list(selectors.self_matches(actor, flagged_only=True)) == [match]


def test_standing_offers_leave_out_full_helpers_and_ones_own(community):
    me = make_person(community, "resident")
    full = make_offer(community, max_per_month=1)
    room = make_offer(community, max_per_month=2)
    make_offer(community, me)
    services.respond(actor_of(full.helper), make_request(community), full)
    assert [o.pk for o in selectors.standing_offers(actor_of(me))] == [room.pk]


def test_suggestions_rank_category_then_nearness(coordinator, community):
    from naober.communities.models import AreaKind
    from naober.communities.services import add_area

    requester = make_person(community, "resident", area=street(community, "Dorpsstraat"))
    help_request = make_request(community, requester, code="tuin")
    far_district = add_area(community, community.areas.get(parent=None), AreaKind.DISTRICT, "Noord")
    far = make_offer(community, make_person(community, "volunteer", area=far_district))
    neighbour = make_offer(
        community, make_person(community, "volunteer", area=street(community, "Kerkstraat"))
    )
    same_street = make_offer(
        community, make_person(community, "volunteer", area=street(community, "Dorpsstraat"))
    )
    similar = make_offer(
        community,
        make_person(community, "volunteer", area=street(community, "Dorpsstraat")),
        codes=("klussen",),
    )
    make_offer(community, make_person(community, "volunteer"), codes=("gezelschap",))
    declined = make_offer(community)
    first = services.propose(actor_of(coordinator), make_request(community, requester), declined)
    services.transition(actor_of(requester), first, "declined")
    ranked = suggestions(actor_of(coordinator), help_request)
    assert [s.offer.pk for s in ranked] == [same_street.pk, neighbour.pk, similar.pk, far.pk]
    # Reasons come from the matching engine, in the reader's language (Dutch by default).
    assert any("dezelfde straat" in str(reason) for reason in ranked[0].reasons)
    assert all(0 < s.score <= 1 for s in ranked)


def test_suggestions_prefer_the_helper_asked_for(coordinator, community):
    helper = make_person(community, "volunteer")
    other = make_offer(community)
    preferred = make_offer(community, helper)
    help_request = make_request(community, preferred_helper=helper.pk)
    ranked = suggestions(actor_of(coordinator), help_request)
    assert [s.offer.pk for s in ranked] == [preferred.pk, other.pk]
    assert ranked[0].reasons


def test_summary_figures_match_the_rows(coordinator, community, other_community):
    actor = actor_of(coordinator)
    now = timezone.now()
    deadline = community.response_deadline_hours
    phone_person = make_person(community, login=False, digital=False)
    requests = [make_request(community) for _ in range(3)]
    requests.append(
        services.create_request(
            actor,
            {"category": "tuin", "title": "Telefoon", "channel": "phone"},
            requester=phone_person,
        )
    )
    helper = make_person(community, "volunteer")
    offer = make_offer(community, helper, max_per_month=9)
    quick = services.respond(actor_of(helper), requests[0], offer)
    services.transition(actor_of(requests[0].requester), quick, "accepted")
    slow = services.propose(actor, requests[3], offer)
    HelpRequest.objects.filter(pk=requests[3].pk).update(
        first_response_at=now + timedelta(hours=deadline + 5), created_at=now
    )
    services.transition(actor, slow, "declined")
    make_request(other_community)  # never counted
    today = timezone.localdate()
    figures = reports.summary(actor, today - timedelta(days=1), today)

    rows = list(HelpRequest.objects.filter(community=community))
    matches = list(Match.objects.filter(community=community))
    assert figures["requests"] == len(rows) == 4
    assert figures["requests_by_channel"] == {"web": 3, "phone": 1}
    assert sum(figures["requests_by_status"].values()) == 4
    assert figures["requests_by_status"]["matched"] == 1
    assert figures["matches_by_mode"] == {"self": 1, "mediated": 1}
    assert figures["matches_by_state"] == {"accepted": 1, "declined": 1}
    hours = sorted(
        (r.first_response_at - r.created_at).total_seconds() / 3600
        for r in HelpRequest.objects.filter(community=community, first_response_at__isnull=False)
    )
    assert figures["median_hours_to_first_response"] == round((hours[0] + hours[1]) / 2, 1)
    within = sum(1 for r in rows if r.pk == requests[0].pk)  # only the quick one is in time
    assert figures["answered_within_deadline"] == round(within / 4, 3)
    assert (figures["people_asked"], figures["people_helped"], figures["people_helping"]) == (
        4,
        1,
        1,
    )
    assert {m.state for m in matches} == {"accepted", "declined"}


def test_summary_api_validates_the_period(api, coordinator):
    api.login(coordinator)
    assert (
        api.get("c/wijk/reports/summary", **{"from": "2026-02-01", "to": "2026-01-01"}).status_code
        == 422
    )
    assert api.get("c/wijk/reports/summary", **{"from": "gisteren"}).status_code == 422
    assert (
        api.get("c/wijk/reports/summary", **{"from": "9999-12-31", "to": "9999-12-31"}).status_code
        == 422
    )
    body = api.get("c/wijk/reports/summary", **{"from": "2026-01-01", "to": "2026-01-31"}).json()
    assert body["from"] == "2026-01-01" and body["requests"] == 0
