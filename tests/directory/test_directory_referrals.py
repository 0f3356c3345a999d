"""Referrals: out to an organisation, in from a professional, and their status history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from naober.directory import selectors, services
from naober.directory.models import Direction, Referral, ReferralStatus
from naober.directory.referrals import InvalidTransition
from naober.exchange.models import Channel, HelpRequest
from naober.people.models import Consent, Person
from tests.directory.conftest import actor_of

S = ReferralStatus


def test_status_transitions_are_recorded_in_history(coordinator, resident, make_org):
    org = make_org("Schuldhulp", "Hulp bij schulden")
    actor = actor_of(coordinator)
    referral = services.refer_out(actor, person=resident, need="Schulden")
    with pytest.raises(ValidationError):
        services.change_referral(actor, referral, status=S.SENT)  # no organisation chosen yet
    referral = services.change_referral(
        actor, referral, organisation=org.pk, status=S.SENT, note="Gebeld"
    )
    referral = services.change_referral(actor, referral, status=S.ACCEPTED)
    referral = services.change_referral(
        actor, referral, status=S.COMPLETED, outcome="Traject gestart", feedback="Geholpen"
    )
    history = list(referral.events.values_list("from_status", "to_status", "note"))
    assert history == [
        ("", "proposed", ""),
        ("proposed", "sent", "Gebeld"),
        ("sent", "accepted_by_org", ""),
        ("accepted_by_org", "completed", ""),
    ]
    assert referral.outcome == "Traject gestart"


def test_closed_referral_cannot_move_on(coordinator, resident):
    actor = actor_of(coordinator)
    referral = services.refer_out(actor, person=resident)
    referral = services.change_referral(actor, referral, status=S.DECLINED)
    with pytest.raises(InvalidTransition):
        services.change_referral(actor, referral, status=S.SENT)
    referral.refresh_from_db()
    assert referral.status == S.DECLINED and referral.events.count() == 2


def test_only_staff_change_referrals(coordinator, partner, resident):
    referral = services.refer_out(actor_of(coordinator), person=resident)
    with pytest.raises(PermissionDenied):
        services.change_referral(actor_of(partner), referral, status=S.DECLINED)
    with pytest.raises(PermissionDenied):
        services.refer_out(actor_of(partner), person=resident)


def test_refer_out_refuses_people_and_organisations_of_another_community(
    coordinator, other_community, person_factory
):
    outsider = person_factory(other_community)
    with pytest.raises(ValidationError):
        services.refer_out(actor_of(coordinator), person=outsider)
    assert Referral.objects.count() == 0


def test_partner_refers_in_creates_person_and_mediated_request(partner, community):
    referral = services.refer_in(
        actor_of(partner),
        name="Greet Bakker",
        phone="06 11112222",
        category="boodschappen",
        description="Kan niet meer zelf naar de winkel",
        note="Slechthorend",
        consent=True,
    )
    assert referral.direction == Direction.IN and referral.status == S.SENT
    person = referral.person
    assert person.user is None and person.community == community
    assert person.role_codes == ["resident"]
    assert Consent.objects.filter(person=person, purpose="contact", granted=True).exists()
    request = HelpRequest.objects.get(requester=person)
    assert request.channel == Channel.REFERRAL and request.needs_mediation
    assert request.entered_by == partner and referral.help_request == request


def test_refer_in_bad_input_stores_nothing(partner):
    actor = actor_of(partner)
    people = Person.objects.count()
    for bad in [
        {"name": "", "phone": "06 11112222", "description": "x"},
        {"name": "Greet", "description": "x"},  # no way to reach her
        {"name": "Greet", "phone": "bel me", "description": "x"},
        {"name": "Greet", "phone": "06 11112222", "description": ""},
        {"name": "Greet", "phone": "06 11112222", "description": "x", "category": "raket"},
    ]:
        with pytest.raises(ValidationError):
            services.refer_in(actor, **bad)
    assert Person.objects.count() == people
    assert Referral.objects.count() == 0 and HelpRequest.objects.count() == 0


def test_resident_cannot_refer_in(resident):
    with pytest.raises(PermissionDenied):
        services.refer_in(actor_of(resident), name="X", phone="06 11112222", description="x")


def test_partner_sees_only_own_referrals_without_private_fields(
    coordinator, partner, person_factory, community
):
    other_partner = person_factory(community, "partner")
    mine = services.refer_in(
        actor_of(partner),
        name="Greet",
        phone="06 11112222",
        description="Boodschappen",
        note="Gevoelig",
    )
    theirs = services.refer_in(
        actor_of(other_partner), name="Henk", phone="06 22223333", description="Klus"
    )
    services.refer_out(
        actor_of(coordinator), person=person_factory(community), note="Uit huisbezoek: somber"
    )
    actor = actor_of(partner)
    assert [r.pk for r in selectors.referral_list(actor)] == [mine.pk]
    with pytest.raises(Http404):
        selectors.referral_get(actor, theirs.pk)
    view = selectors.referral_view(actor, mine)
    assert "note" not in view and "outcome" not in view and "history" not in view
    assert "phone" not in view
    assert len(selectors.referral_list(actor_of(coordinator))) == 3


def test_referral_list_is_tenant_scoped_and_open_first(
    coordinator, resident, other_community, person_factory
):
    actor = actor_of(coordinator)
    closed = services.refer_out(actor, person=resident)
    services.change_referral(actor, closed, status=S.DECLINED)
    still_open = services.refer_out(actor, person=resident)
    assert [r.pk for r in selectors.referral_list(actor)] == [still_open.pk, closed.pk]
    outsider = actor_of(person_factory(other_community, "coordinator"))
    assert not selectors.referral_list(outsider).exists()
    with pytest.raises(Http404):
        selectors.referral_get(outsider, closed.pk)


def test_residents_cannot_list_referrals(resident):
    with pytest.raises(PermissionDenied):
        selectors.referral_list(actor_of(resident))
