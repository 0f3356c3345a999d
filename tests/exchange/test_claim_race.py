"""Twenty helpers answer the same request through the API at the same moment (issue 11): exactly
one wins (201), every other one hears 409 "request_taken" as the contract promises, never a 404
or a 500, on SQLite and on PostgreSQL. Each thread has its own database connection."""

import json
import sqlite3
import threading
from collections import Counter
from contextlib import contextmanager

import pytest
from django.db import connection, connections
from django.test import Client

from naober.api.models import ApiToken
from naober.exchange.models import RequestStatus
from tests.exchange.helpers import make_offer, make_request

HELPERS = 20


@contextmanager
def own_connections_can_share(tmp_path):
    """On SQLite the test database lives in memory with a shared cache, where a second writer
    fails at once ("table is locked") instead of waiting as on a real database file. So the
    threads get a file copy, as a deployment has; PostgreSQL needs nothing. Yields a function
    that runs a query on what the threads wrote."""
    if connection.vendor != "sqlite":

        def query(sql, pk):
            with connection.cursor() as cursor:
                cursor.execute(sql.replace("?", "%s"), [pk])
                return cursor.fetchall()

        yield query
        return
    path = tmp_path / "race.sqlite3"
    target = sqlite3.connect(path)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    settings_dict = connections.settings["default"]
    name = settings_dict["NAME"]
    settings_dict["NAME"] = str(path)
    try:
        yield lambda sql, pk: sqlite3.connect(path).execute(sql, [pk]).fetchall()
    finally:
        settings_dict["NAME"] = name


@pytest.mark.django_db(transaction=True)
def test_twenty_helpers_racing_leave_one_winner_and_no_error(community, tmp_path):
    help_request = make_request(community)
    offers = [make_offer(community) for _ in range(HELPERS)]
    tokens = [ApiToken.issue(offer.helper.user)[1] for offer in offers]
    barrier = threading.Barrier(HELPERS)
    answers, lock = [], threading.Lock()

    def answer(offer, token):
        try:
            client = Client(raise_request_exception=False)
            barrier.wait(timeout=30)
            response = client.post(
                f"/api/v1/c/{community.slug}/matches",
                json.dumps({"request": help_request.pk, "offer": offer.pk}),
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
            )
            code = response.json().get("code", "") if response.status_code != 201 else ""
            result = (response.status_code, code)
        except Exception as error:  # noqa: BLE001 (reported below as a failure)
            result = (0, repr(error))
        finally:
            connections.close_all()
        with lock:
            answers.append(result)

    pairs = zip(offers, tokens, strict=True)
    with own_connections_can_share(tmp_path) as query:
        pairs = zip(offers, tokens, strict=True)
        threads = [threading.Thread(target=answer, args=pair) for pair in pairs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        matches = query("SELECT state FROM exchange_match WHERE request_id = ?", help_request.pk)
        status = query("SELECT status FROM exchange_helprequest WHERE id = ?", help_request.pk)

    assert Counter(answers) == Counter({(201, ""): 1, (409, "request_taken"): HELPERS - 1})
    assert matches == [("proposed",)] and status == [(RequestStatus.MATCHED,)]


def test_a_helper_who_comes_late_hears_request_taken(community, api):
    help_request = make_request(community)
    first, second = make_offer(community), make_offer(community)
    api.login(first.helper)
    body = {"request": help_request.pk, "offer": first.pk}
    assert api.post(f"c/{community.slug}/matches", body).status_code == 201
    api.login(second.helper)
    late = api.post(f"c/{community.slug}/matches", {"request": help_request.pk, "offer": second.pk})
    assert late.status_code == 409 and late.json()["code"] == "request_taken"


def test_a_request_never_on_the_board_stays_not_found(community, api):
    hidden = make_request(community, needs_mediation=True)
    offer = make_offer(community)
    api.login(offer.helper)
    answer = api.post(f"c/{community.slug}/matches", {"request": hidden.pk, "offer": offer.pk})
    assert answer.status_code in (403, 404)
