"""Property tests: random sequences of valid and invalid money operations keep the ledger sound.

Invariants checked after every step: payments per decision never exceed the decided amount;
petty cash balance = sum(in) − sum(out) ≥ 0; fast fund used ≤ its size and each item ≤ the limit;
total remaining = decided − paid; a refused operation changes nothing.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naober.communities.context import resolve_actor
from naober.initiatives import selectors, services
from naober.initiatives.models import (
    BudgetProposal,
    CashEntry,
    Decision,
    FastFundItem,
    Initiative,
    Payment,
)

pytestmark = pytest.mark.django_db

amounts = st.one_of(
    st.decimals(min_value=Decimal("-5"), max_value=Decimal("400"), places=2),
    st.sampled_from([Decimal("0"), Decimal("250.00"), Decimal("250.01"), Decimal("0.001")]),
)
ops = st.lists(
    st.one_of(
        st.tuples(st.just("propose"), amounts),
        st.tuples(st.just("decide"), st.integers(0, 5), st.booleans(), amounts),
        st.tuples(st.just("pay"), st.integers(0, 5), amounts),
        st.tuples(st.just("fast"), amounts, st.sampled_from([2025, 2026])),
        st.tuples(st.just("cash"), st.sampled_from(["in", "out", "bad"]), amounts, st.booleans()),
    ),
    max_size=20,
)


class Rollback(Exception):
    """Undo one hypothesis example's rows without leaving the test's transaction."""


def snapshot(community) -> tuple:
    def total(model, **f):
        return model.objects.filter(community=community, **f).aggregate(s=Sum("amount"))["s"]

    return (
        BudgetProposal.objects.filter(community=community).count(),
        Decision.objects.filter(community=community).count(),
        total(Payment),
        total(FastFundItem),
        total(CashEntry, direction="in"),
        total(CashEntry, direction="out"),
        Payment.objects.count(),
        CashEntry.objects.count(),
    )


def check_invariants(actor, community) -> None:
    for decision in Decision.objects.filter(community=community):
        paid = decision.payments.aggregate(s=Sum("amount"))["s"] or Decimal(0)
        assert paid <= decision.amount
    book = selectors.ledger(actor, year=2026)
    cash_in = CashEntry.objects.filter(community=community, direction="in").aggregate(
        s=Sum("amount")
    )["s"] or Decimal(0)
    cash_out = CashEntry.objects.filter(community=community, direction="out").aggregate(
        s=Sum("amount")
    )["s"] or Decimal(0)
    assert book["cash"]["balance"] == cash_in - cash_out >= 0
    assert book["remaining"] == book["decided"] - book["paid"]
    assert all(r["remaining"] >= 0 for r in book["decisions"])
    fund = book["fast_fund"]
    assert 0 <= fund["used"] <= fund["size"]
    assert fund["used"] + fund["left"] == fund["size"]
    assert services.fast_fund_used(community, 2025) <= fund["size"]
    assert not FastFundItem.objects.filter(amount__gt=Decimal("250")).exists()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=ops)
def test_random_operations_keep_the_ledger_sound(community, person_factory, sequence):
    core = person_factory(community, "core_group", "coordinator")
    core_actor = resolve_actor(core.user, community.slug)
    try:
        with transaction.atomic():
            initiative = Initiative.objects.create(community=community, title="Buurttuin")
            proposals = []
            for op in sequence:
                before = snapshot(community)
                try:
                    run(op, core_actor, core, initiative, proposals)
                except ValidationError:
                    assert snapshot(community) == before, op
                check_invariants(core_actor, community)
            raise Rollback
    except Rollback:
        pass


def run(op, actor, core, initiative, proposals) -> None:
    kind = op[0]
    if kind == "propose":
        proposals.append(
            services.propose_budget(actor, initiative, amount=op[1], purpose="plantenbakken")
        )
    elif kind == "decide" and proposals:
        proposal = proposals[op[1] % len(proposals)]
        services.decide(
            actor,
            proposal,
            outcome="approved" if op[2] else "rejected",
            decided_on=date(2026, 3, 1),
            decided_by=[core],
            amount=op[3],
        )
    elif kind == "pay":
        decisions = list(Decision.objects.filter(community=actor.community).order_by("id"))
        if decisions:
            services.record_payment(
                actor,
                decisions[op[1] % len(decisions)],
                amount=op[2],
                paid_on=date(2026, 4, 1),
                reference="GEM-1",
            )
    elif kind == "fast":
        services.spend_fast_fund(actor, amount=op[1], spent_on=date(op[2], 5, 1), purpose="zaden")
    elif kind == "cash":
        services.record_cash(
            actor,
            direction=op[1],
            amount=op[2],
            entered_on=date(2026, 6, 1),
            what="koffie",
            receipt="B-1" if op[3] else "",
        )
