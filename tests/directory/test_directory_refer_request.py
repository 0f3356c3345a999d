"""refer_request: the exchange hands an out-of-scope request to the social map."""

import pytest
from django.core.exceptions import PermissionDenied

from naober.communities.context import resolve_actor
from naober.directory import services
from naober.directory.models import Direction, Referral, ReferralStatus, Source
from naober.exchange.models import Category, HelpRequest, RequestStatus


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


def out_of_scope_request(community, requester):
    category = Category.objects.get(community=community, code="persoonlijke-verzorging")
    return HelpRequest.objects.create(
        community=community,
        requester=requester,
        category=category,
        title="Hulp bij douchen",
        status=RequestStatus.REFERRED,
    )


def test_resident_posting_out_of_scope_request_gets_open_referral(community, person_factory):
    resident = person_factory(community)
    request = out_of_scope_request(community, resident)
    referral = services.refer_request(actor_of(resident), request)
    assert referral.direction == Direction.OUT
    assert referral.source == Source.REQUEST
    assert referral.person == resident
    assert referral.organisation is None
    assert referral.status == ReferralStatus.PROPOSED
    assert list(referral.events.values_list("from_status", "to_status")) == [("", "proposed")]


def test_refer_request_twice_returns_the_open_referral(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    request = out_of_scope_request(community, person_factory(community))
    first = services.refer_request(actor_of(coordinator), request, note="Bel eerst")
    second = services.refer_request(actor_of(coordinator), request)
    assert first.pk == second.pk
    assert Referral.objects.count() == 1


def test_other_resident_cannot_refer_someone_elses_request(community, person_factory):
    request = out_of_scope_request(community, person_factory(community))
    with pytest.raises(PermissionDenied):
        services.refer_request(actor_of(person_factory(community)), request)
    assert Referral.objects.count() == 0


def test_request_of_another_community_is_refused(community, other_community, person_factory):
    request = out_of_scope_request(other_community, person_factory(other_community))
    with pytest.raises(PermissionDenied):
        services.refer_request(actor_of(person_factory(community, "coordinator")), request)
    assert Referral.objects.count() == 0
