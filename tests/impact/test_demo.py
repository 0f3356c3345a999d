"""The demo garden: its ledger adds up, the surveys hold about a hundred answers each, and the
card's quote comes from someone who agreed to quotes."""

import random

import pytest

from naober.impact.demo import seed_impact
from naober.impact.models import Survey
from naober.initiatives import selectors
from naober.initiatives.demo import seed_initiatives
from naober.people.demo import seed_residents
from naober.people.selectors import has_consent
from tests.initiatives.helpers import actor_of

pytestmark = pytest.mark.django_db


def test_demo_seed_is_consistent(community, person_factory):
    core = person_factory(community, "core_group", "coordinator")
    rng = random.Random("demo")
    people = seed_residents(community, list(community.areas.filter(kind="street")), rng, 20)
    card = seed_impact(community, people, rng, seed_initiatives(community, people, rng))
    book = selectors.ledger(actor_of(core))
    assert book["remaining"] == book["decided"] - book["paid"] >= 0
    assert all(row["remaining"] >= 0 for row in book["decisions"])
    assert book["cash"]["balance"] >= 0
    assert has_consent(card.quote_person, "media")
    follow_up = Survey.objects.get(baseline__isnull=False)
    assert follow_up.responses.count() + follow_up.baseline.responses.count() >= 100
    assert card.sessions.get().actions.count() == 2
