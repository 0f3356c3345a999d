"""Six people type the same activation code at the same moment: exactly one login is made
(PostgreSQL only: row locks)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from naober.accounts.invitations import InvalidCode, activate, invite
from naober.communities.context import resolve_actor
from tests.factories import make_person

TRIES = 6


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_code_makes_one_login(community):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    coordinator = make_person(community, "coordinator")
    gerda = make_person(community, login=False, email="", address="Kerkstraat 3")
    code = invite(gerda, "letter", by=resolve_actor(coordinator.user, "wijk")).code
    barrier = threading.Barrier(TRIES)
    outcomes, lock = [], threading.Lock()

    def attempt(number):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            activate(code, f"gerda{number}", "Zonnebloem-akker-77")
            result = "won"
        except InvalidCode:
            result = "invalid_code"
        except Exception as exc:  # noqa: BLE001 - any other error is a test failure below
            result = repr(exc)
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(TRIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["invalid_code"] * (TRIES - 1) + ["won"]
    gerda.refresh_from_db()
    assert gerda.user is not None
    assert get_user_model().objects.filter(username__startswith="gerda").count() == 1
