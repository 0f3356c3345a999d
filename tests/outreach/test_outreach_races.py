"""Row locks under real concurrency (PostgreSQL only): two planners, one visitor's capacity."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from naober.outreach import services
from tests.factories import street
from tests.outreach.conftest import actor_of


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_capacity_holds_when_two_planners_assign_at_once(community, cast):
    coordinator, core = actor_of(cast.coordinator), actor_of(cast.core)
    plan = services.create_walk_list(
        coordinator, area=street(community), name="Ronde 1", capacity_per_visitor=3
    )
    services.add_number_range(coordinator, plan, street="Kerkstraat", first=1, last=6)
    ids = list(plan.entries.values_list("pk", flat=True))
    barrier, results = threading.Barrier(2), []

    def assign(actor, chunk):
        try:
            barrier.wait(timeout=10)
            services.assign_visitor(actor, plan, chunk, cast.visitor)
            results.append("assigned")
        except ValidationError:
            results.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=assign, args=(coordinator, ids[:3])),
        threading.Thread(target=assign, args=(core, ids[3:])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["assigned", "refused"]
    assert plan.entries.filter(visitor=cast.visitor).count() == 3
