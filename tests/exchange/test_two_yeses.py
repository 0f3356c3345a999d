"""The helper's yes and the requester's yes are separate steps (issue 13.2), and offer-first gives
out no contact details before the helper said yes, within the offer's monthly maximum and a rate
limit (issue 12.4). Page and API follow the same rule (services.say_yes, services.accept_offer)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from naober.api.errors import status_of
from naober.base.errors import Conflict, DomainError
from naober.exchange import selectors, services
from naober.exchange.models import Match, MatchEvent
from naober.people.models import Consent
from tests.exchange.helpers import actor_of, make_offer, make_request

C = "c/wijk"


@pytest.fixture
def cast(community, person_factory):
    people = {
        "coordinator": person_factory(community, "coordinator"),
        "requester": person_factory(community, "resident"),
        "helper": person_factory(community, "volunteer"),
        "stranger": person_factory(community, "resident"),
    }
    for who in ("requester", "helper"):
        Consent.objects.create(person=people[who], purpose="contact", granted=True, method="online")
    return people


@pytest.fixture
def proposal(community, cast):
    help_request = make_request(community, cast["requester"])
    offer = make_offer(community, cast["helper"])
    return services.propose(actor_of(cast["coordinator"]), help_request, offer)


def _as(cast, who):
    return actor_of(cast[who])


def test_the_helper_says_yes_then_the_requester_and_only_then_contact_is_shared(cast, proposal):
    helper, requester = _as(cast, "helper"), _as(cast, "requester")
    match = services.say_yes(helper, proposal)
    assert match.state == "proposed" and match.helper_yes_at and not match.requester_yes_at
    assert selectors.match_contact(helper, match) is None
    assert selectors.match_contact(requester, match) is None
    match = services.say_yes(requester, match)
    assert match.state == "accepted"
    assert selectors.match_contact(requester, match)["phone"] == cast["helper"].phone
    assert selectors.match_contact(helper, match)["phone"] == cast["requester"].phone


def test_a_coordinator_records_each_yes_heard_on_the_phone(cast, proposal):
    coordinator = _as(cast, "coordinator")
    with pytest.raises(ValidationError) as missing:  # a coordinator says whose yes it is
        services.say_yes(coordinator, proposal)
    assert "side" in missing.value.message_dict
    match = services.say_yes(coordinator, proposal, "requester", "belde om 10 uur")
    assert match.requester_yes_by == cast["coordinator"] and match.state == "proposed"
    match = services.say_yes(coordinator, match, "helper")
    assert match.state == "accepted"
    notes = list(MatchEvent.objects.filter(match=match).values_list("note", flat=True))
    assert any("belde om 10 uur" in note for note in notes)


def test_nobody_says_someone_elses_yes(cast, proposal):
    with pytest.raises(PermissionDenied):
        services.say_yes(_as(cast, "helper"), proposal, "requester")
    with pytest.raises(Http404):
        services.say_yes(_as(cast, "stranger"), proposal, "requester")
    assert Match.objects.get(pk=proposal.pk).requester_yes_at is None


def test_a_yes_after_the_proposal_is_refused_and_a_second_yes_changes_nothing(cast, proposal):
    helper = _as(cast, "helper")
    first = services.say_yes(helper, proposal).helper_yes_at
    assert services.say_yes(helper, proposal).helper_yes_at == first
    services.transition(helper, proposal, "declined")
    with pytest.raises(Conflict) as info:
        services.say_yes(_as(cast, "requester"), proposal)
    assert info.value.code == "invalid_transition"


def test_offer_first_waits_for_the_helper_and_shares_nothing_before(cast, community):
    offer = make_offer(community, cast["helper"])
    requester = _as(cast, "requester")
    match = services.accept_offer(requester, offer)
    assert match.state == "proposed" and match.requester_yes_at and not match.helper_yes_at
    assert selectors.match_contact(requester, match) is None
    assert selectors.awaiting_my_yes(_as(cast, "helper")) == [match]
    match = services.say_yes(_as(cast, "helper"), match)
    assert match.state == "accepted"
    assert selectors.match_contact(requester, match)["address"] == cast["helper"].address


def test_offer_first_keeps_the_monthly_maximum(cast, community, person_factory):
    offer = make_offer(community, cast["helper"], max_per_month=2)
    for _n in range(2):
        asker = person_factory(community, "resident")
        services.accept_offer(actor_of(asker), offer)
    late = person_factory(community, "resident")
    with pytest.raises(Conflict) as info:
        services.accept_offer(actor_of(late), offer)
    assert info.value.code == "offer_full"
    assert Match.objects.filter(offer=offer).count() == 2


def test_offer_first_is_rate_limited(cast, community, settings):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "take_offer": "2/h"}
    from django.core.cache import cache

    cache.clear()
    requester = _as(cast, "requester")
    offers = [make_offer(community, cast["helper"], max_per_month=10) for _n in range(3)]
    services.accept_offer(requester, offers[0])
    services.accept_offer(requester, offers[1])
    with pytest.raises(DomainError) as info:
        services.accept_offer(requester, offers[2])
    assert (status_of(info.value), info.value.code) == (429, "rate_limited")
    cache.clear()


def test_api_yes_endpoint_and_contact_only_after_both(api, cast, community):
    offer = make_offer(community, cast["helper"])
    api.login(cast["requester"])
    taken = api.post(f"{C}/offers/{offer.pk}/accept", {})
    assert taken.status_code == 201 and taken.json()["state"] == "proposed"
    match_id = taken.json()["id"]
    assert api.get(f"{C}/matches/{match_id}/contact").status_code == 409
    api.login(cast["helper"])
    assert api.get(f"{C}/matches/{match_id}/contact").status_code == 409
    assert api.post(f"{C}/matches/{match_id}/yes", {"side": "requester"}).status_code == 403
    assert api.post(f"{C}/matches/{match_id}/yes", {"side": "nobody"}).status_code == 422
    yes = api.post(f"{C}/matches/{match_id}/yes", {})
    assert yes.status_code == 200 and yes.json()["state"] == "accepted"
    assert api.get(f"{C}/matches/{match_id}/contact").json()["phone"] == cast["requester"].phone
    again = api.post(f"{C}/matches/{match_id}/yes", {})
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"


def test_api_coordinator_records_a_yes_for_a_side(api, cast, proposal):
    api.login(cast["coordinator"])
    path = f"{C}/matches/{proposal.pk}/yes"
    assert api.post(path, {}).status_code == 422
    one = api.post(path, {"side": "helper", "note": "telefonisch"})
    assert (
        one.status_code == 200 and one.json()["helper_yes_at"] and one.json()["state"] == "proposed"
    )
    transition = api.post(f"{C}/matches/{proposal.pk}/transition", {"to": "accepted"})
    assert transition.status_code == 409 and transition.json()["code"] == "consent_missing"
    two = api.post(path, {"side": "requester"})
    assert two.json()["state"] == "accepted"
