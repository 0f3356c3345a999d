"""House visits: recording along the five life domains, consent, turning a visit into offers and
requests, and who may read the notes (each read audited)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naober.exchange.models import Category, HelpOffer, HelpRequest
from naober.outreach import selectors, services
from naober.outreach.models import HouseVisit, VisitDomain, VisitOutcome
from naober.people.models import Consent
from tests.outreach.conftest import actor_of


def categories(community):
    return {c.code: c for c in Category.objects.filter(community=community)}


def test_domains_and_trits_are_stored(held_visit):
    rows = {d.domain: d for d in VisitDomain.objects.filter(visit=held_visit)}
    assert set(rows) == {"activities", "surroundings"}
    assert rows["activities"].talents == "Bakt graag"
    assert rows["activities"].trits == "self"
    assert rows["surroundings"].trits == "neighbours"


def test_consent_said_at_the_door_is_recorded(held_visit, cast):
    consents = Consent.objects.filter(person=cast.resident)
    assert {c.purpose for c in consents} == {"visit_notes", "matching"}
    assert all(c.granted and c.method == "spoken" for c in consents)
    assert all(c.recorded_by == cast.visitor for c in consents)


def test_nobody_home_is_recorded_without_notes(cast, walk_list):
    visit = services.record_visit(
        actor_of(cast.visitor),
        address="Dorpsstraat 14",
        visited_on=date(2026, 3, 2),
        outcome=VisitOutcome.NOBODY_HOME,
        notes="ignored",
        domains={"health": {"needs": "ignored"}},
    )
    assert visit.notes == ""
    assert not visit.domains.exists()


def test_refusal_is_recorded(cast, walk_list):
    visit = services.record_visit(
        actor_of(cast.visitor),
        person=cast.resident,
        visited_on=date(2026, 3, 2),
        outcome=VisitOutcome.REFUSED,
    )
    assert visit.outcome == "refused"
    assert not Consent.objects.filter(person=cast.resident).exists()


def test_visit_with_consent_becomes_offer_and_request(held_visit, cast, community):
    cats = categories(community)
    offers, requests = services.convert_visit(
        actor_of(cast.visitor),
        held_visit,
        offers={"activities": cats["gezelschap"]},
        requests={"surroundings": cats["tuin"]},
    )
    offer, request = offers[0], requests[0]
    assert offer.helper == cast.resident and list(offer.categories.all()) == [cats["gezelschap"]]
    assert request.requester == cast.resident and request.channel == "house_visit"
    assert request.needs_mediation is True and request.entered_by == cast.visitor
    assert request.title == "Heg knippen in de voortuin"
    held_visit.refresh_from_db()
    assert held_visit.converted_at is not None
    with pytest.raises(ValidationError):  # one step, once
        services.convert_visit(
            actor_of(cast.visitor), held_visit, offers={}, requests={"surroundings": cats["tuin"]}
        )
    assert HelpRequest.objects.count() == 1


def test_visit_without_consent_creates_nothing(cast, walk_list, community):
    visit = services.record_visit(
        actor_of(cast.visitor),
        person=cast.resident,
        visited_on=date(2026, 3, 2),
        outcome=VisitOutcome.HELD,
        domains={"surroundings": {"needs": "Heg knippen"}},
        consent_notes=True,
        consent_matching=False,
    )
    assert not services.can_convert(visit)
    with pytest.raises(ValidationError):
        services.convert_visit(
            actor_of(cast.visitor),
            visit,
            offers={},
            requests={"surroundings": categories(community)["tuin"]},
        )
    assert HelpRequest.objects.count() == 0 and HelpOffer.objects.count() == 0


def test_other_volunteer_cannot_convert(held_visit, cast, community):
    with pytest.raises(PermissionDenied):
        services.convert_visit(
            actor_of(cast.other_visitor),
            held_visit,
            offers={},
            requests={"surroundings": categories(community)["tuin"]},
        )
    assert HelpRequest.objects.count() == 0


@pytest.mark.parametrize(
    "bad",
    [
        {"visited_on": date.today() + timedelta(days=3)},
        {"outcome": "exploded"},
        {"person": None, "address": ""},
        {"domains": {"dreams": {"needs": "x"}}},
        {"domains": {"health": {"needs": "x", "trits": "everyone"}}},
    ],
)
def test_bad_visit_input_stores_nothing(cast, walk_list, bad):
    data = {"person": cast.resident, "visited_on": date(2026, 3, 2), "outcome": "held"} | bad
    with pytest.raises(ValidationError):
        services.record_visit(actor_of(cast.visitor), **data)
    assert HouseVisit.objects.count() == 0 and Consent.objects.count() == 0


def test_visitor_cannot_record_for_a_resident_outside_their_list(cast, person_factory, community):
    stranger = person_factory(community, "resident")
    with pytest.raises(ValidationError):
        services.record_visit(
            actor_of(cast.visitor),
            person=stranger,
            visited_on=date(2026, 3, 2),
            outcome="held",
            consent_matching=True,
        )
    assert not Consent.objects.filter(person=stranger).exists()


def test_resident_and_partner_may_not_record_visits(cast, walk_list):
    for person in (cast.resident, cast.partner):
        with pytest.raises(PermissionDenied):
            services.record_visit(
                actor_of(person),
                address="Dorpsstraat 1",
                visited_on=date(2026, 3, 2),
                outcome="nobody_home",
            )


@pytest.mark.parametrize(
    "who,allowed",
    [
        ("visitor", True),
        ("core", True),
        ("coordinator", True),
        ("other_visitor", False),
    ],
)
def test_who_reads_visit_notes(held_visit, cast, audit_calls, who, allowed):
    actor = actor_of(getattr(cast, who))
    notes = selectors.visit_notes(actor, held_visit, purpose="test")
    assert (notes is not None) == allowed
    if allowed:
        assert notes["notes"] == "Woont alleen, dochter ver weg."
        assert audit_calls == [(actor.person.pk, held_visit.pk, "test", selectors.NOTE_FIELDS)]
    else:
        assert audit_calls == []


def test_other_volunteer_does_not_see_the_visit_at_all(held_visit, cast):
    assert not selectors.visits_for(actor_of(cast.other_visitor)).exists()
    assert selectors.visits_for(actor_of(cast.core)).count() == 1


@pytest.mark.parametrize("who", ["resident", "partner"])
def test_resident_and_partner_see_no_visits(held_visit, cast, who):
    with pytest.raises(PermissionDenied):
        selectors.visits_for(actor_of(getattr(cast, who)))


def test_visits_of_another_community_are_never_returned(
    held_visit, other_community, person_factory
):
    elsewhere = person_factory(other_community, "coordinator")
    assert not selectors.visits_for(actor_of(elsewhere)).exists()
    with pytest.raises(Exception) as caught:
        selectors.visit_get(actor_of(elsewhere), held_visit.pk)
    assert caught.type.__name__ == "Http404"


def test_every_notes_read_lands_in_the_audit_trail(held_visit, cast):
    """The real audit trail of the privacy app, not a stand-in."""
    from naober.privacy.models import AuditEntry

    before = AuditEntry.objects.count()
    selectors.visit_notes(actor_of(cast.core), held_visit, purpose="triage")
    selectors.visit_notes(actor_of(cast.visitor), held_visit, purpose="visit page")
    selectors.visit_notes(actor_of(cast.other_visitor), held_visit, purpose="curious")
    entries = list(AuditEntry.objects.order_by("seq")[before:])
    assert [(e.actor_id, e.purpose) for e in entries] == [
        (cast.core.pk, "triage"),
        (cast.visitor.pk, "visit page"),
    ]
    assert all(
        e.object_id == str(held_visit.pk) and e.person_id == cast.resident.pk for e in entries
    )
