"""Fixtures for outreach tests: the people around a house visit, and a recorder for audit calls."""

from datetime import date

import pytest

from naober.communities.context import resolve_actor
from naober.outreach import services
from naober.outreach.models import VisitOutcome, WalkEntry, WalkList


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


@pytest.fixture
def audit_calls(monkeypatch):
    """Every call of the audit trail, whether or not the privacy app is installed yet."""
    calls = []

    def record(actor, obj, purpose, fields=None, person=None):
        calls.append((actor.person.pk, obj.pk, purpose, fields))

    monkeypatch.setattr("naober.outreach.selectors.audit_read", record)
    return calls


@pytest.fixture
def cast(community, person_factory):
    """A coordinator, a core-group member, two visitors, a resident, a partner."""

    class Cast:
        coordinator = person_factory(community, "coordinator", name="Carla Coördinator")
        core = person_factory(community, "core_group", "resident", name="Koen Kerngroep")
        visitor = person_factory(community, "volunteer", name="Vera Bezoeker")
        other_visitor = person_factory(community, "volunteer", name="Otto Vrijwilliger")
        resident = person_factory(
            community, "resident", name="Riek Bewoner", address="Dorpsstraat 12"
        )
        partner = person_factory(community, "partner", name="Paula Wijkverpleging")

    return Cast


@pytest.fixture
def welzijn(community):
    """An organisation of the social map."""
    from naober.directory.models import Organisation

    return Organisation.objects.create(
        community=community, name="Welzijn Hoogeveen", kind="welfare"
    )


@pytest.fixture
def walk_list(community, cast):
    wl = WalkList.objects.create(community=community, area=cast.resident.area, name="Ronde 1")
    WalkEntry.objects.create(
        walk_list=wl,
        kind="every_nth",
        address="Dorpsstraat 12",
        person=cast.resident,
        visitor=cast.visitor,
        position=1,
    )
    return wl


@pytest.fixture
def held_visit(cast, walk_list):
    """A conversation with the resident, with an offer and a need in two life domains."""
    return services.record_visit(
        actor_of(cast.visitor),
        person=cast.resident,
        visited_on=date(2026, 3, 2),
        outcome=VisitOutcome.HELD,
        notes="Woont alleen, dochter ver weg.",
        domains={
            "activities": {
                "talents": "Bakt graag",
                "could_offer": "Taart bakken voor de buurt",
                "trits": "self",
            },
            "surroundings": {"needs": "Heg knippen in de voortuin", "trits": "neighbours"},
        },
        consent_notes=True,
        consent_matching=True,
    )
