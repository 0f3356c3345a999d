"""Eight payments against one decision and eight cash withdrawals at the same moment: the row
locks keep every balance within bounds (PostgreSQL only: SQLite has no row locks)."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum

from naober.initiatives import services
from naober.initiatives.models import CashEntry, Payment
from tests.initiatives.helpers import actor_of, funded_initiative

WORKERS = 8


def race(work) -> list[str]:
    barrier = threading.Barrier(WORKERS)
    outcomes, lock = [], threading.Lock()

    def run():
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            work()
            result = "ok"
        except ValidationError:
            result = "refused"
        except Exception as exc:  # noqa: BLE001 - any other error fails the test below
            result = repr(exc)
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_payments_never_exceed_the_decision(community, person_factory):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    core = person_factory(community, "core_group")
    _i, _p, decision = funded_initiative(core, "300.00")
    actor = actor_of(person_factory(community, "coordinator"))
    outcomes = race(
        lambda: services.record_payment(
            actor, decision, amount="100.00", paid_on=date(2026, 4, 1), reference="GEM"
        )
    )
    assert sorted(outcomes) == ["ok"] * 3 + ["refused"] * (WORKERS - 3)
    assert Payment.objects.aggregate(s=Sum("amount"))["s"] == Decimal("300.00")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_withdrawals_never_empty_the_cash_below_zero(community, person_factory):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    actor = actor_of(person_factory(community, "coordinator"))
    services.record_cash(
        actor, direction="in", amount="50", entered_on=date(2026, 1, 1), what="Opname"
    )
    outcomes = race(
        lambda: services.record_cash(
            actor,
            direction="out",
            amount="20",
            entered_on=date(2026, 1, 2),
            what="Koffie",
            receipt="B",
        )
    )
    assert sorted(outcomes) == ["ok"] * 2 + ["refused"] * (WORKERS - 2)
    assert services.cash_balance(community) == Decimal("10.00")
    assert CashEntry.objects.count() == 3
