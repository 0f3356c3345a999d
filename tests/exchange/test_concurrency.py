"""Eight helpers answer the same request at the same moment: exactly one wins (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from naober.base.errors import Conflict
from naober.exchange import services
from naober.exchange.models import HelpRequest, Match, MatchEvent, RequestStatus
from tests.exchange.helpers import actor_of, make_offer, make_request

HELPERS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_only_one_of_eight_simultaneous_responses_wins(community):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    help_request = make_request(community)
    offers = [make_offer(community) for _ in range(HELPERS)]
    barrier = threading.Barrier(HELPERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def answer(offer):
        from django.db import connections

        try:
            actor = actor_of(offer.helper)
            barrier.wait(timeout=10)
            services.respond(actor, HelpRequest.objects.get(pk=help_request.pk), offer)
            result = "won"
        except Conflict as exc:
            result = exc.code
        except Exception as exc:  # noqa: BLE001 - any other error is a test failure below
            result = repr(exc)
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=answer, args=(offer,)) for offer in offers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["request_taken"] * (HELPERS - 1) + ["won"]
    live = Match.objects.filter(request=help_request).exclude(state__in=["declined", "stopped"])
    assert live.count() == 1 == Match.objects.count()
    assert MatchEvent.objects.count() == 1
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.MATCHED
    assert help_request.first_response_at is not None
