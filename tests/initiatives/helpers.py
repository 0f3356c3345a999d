"""Builders for initiative tests: an initiative with an approved decision, in one call."""

from datetime import date
from decimal import Decimal

from naober.communities.context import resolve_actor
from naober.initiatives import services
from naober.initiatives.models import Initiative


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


def funded_initiative(core, amount="500.00", title="Buurttuin Krakeel"):
    """An initiative with one proposal approved in full by `core` (a core-group member)."""
    actor = actor_of(core)
    initiative = Initiative.objects.create(
        community=core.community, title=title, planned_budget=Decimal(amount)
    )
    proposal = services.propose_budget(actor, initiative, amount=amount, purpose="Plantenbakken")
    decision = services.decide(
        actor, proposal, outcome="approved", decided_on=date(2026, 3, 1), decided_by=[core]
    )
    return initiative, proposal, decision
