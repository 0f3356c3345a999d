"""Operator endpoints, request ids, the JSON access log and the error pages."""

import json
import logging

import pytest
from django.test import Client

from naober.ops.tasks import heartbeat


def test_healthz_answers_without_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_wants_a_recent_worker_heartbeat(client, db, settings):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "ok" and body["checks"]["migrations"] == "ok"
    assert body["checks"]["worker"] == "no heartbeat yet"
    heartbeat.call()
    assert client.get("/readyz").json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "worker": "ok"},
    }
    settings.WORKER_HEARTBEAT_MAX_AGE = -1
    assert client.get("/readyz").status_code == 503


def test_metrics_only_for_the_operator(db, settings):
    settings.METRICS_TOKEN = ""
    local = Client(REMOTE_ADDR="127.0.0.1")
    local.get("/healthz")
    response = local.get("/ops/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'naober_http_requests_total{method="GET",route="healthz",status="200"}' in text
    assert "naober_http_request_duration_seconds_bucket" in text
    for name in ("queue_length", "oldest_task_age_seconds", "heartbeat_age_seconds"):
        assert f"naober_worker_{name} " in text
    # Through the proxy, or from elsewhere: as if there were nothing.
    assert local.get("/ops/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    assert Client(REMOTE_ADDR="203.0.113.9").get("/ops/metrics").status_code == 404
    settings.METRICS_TOKEN = "geheim-token-voor-prometheus"
    assert local.get("/ops/metrics").status_code == 404
    remote = Client(REMOTE_ADDR="203.0.113.9")
    wrong = remote.get("/ops/metrics", HTTP_AUTHORIZATION="Bearer fout")
    assert wrong.status_code == 404
    right = remote.get("/ops/metrics", HTTP_AUTHORIZATION="Bearer geheim-token-voor-prometheus")
    assert right.status_code == 200


def test_queue_length_and_oldest_task_age(db, settings):
    settings.METRICS_TOKEN = ""
    heartbeat.enqueue()
    heartbeat.enqueue()
    text = Client(REMOTE_ADDR="127.0.0.1").get("/ops/metrics").content.decode()
    assert "naober_worker_queue_length 2.0" in text


def test_one_json_access_line_per_request_with_its_id(client, db, caplog):
    caplog.set_level(logging.INFO, logger="naober.access")
    response = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-id-12345")
    assert response["X-Request-ID"] == "proxy-id-12345"
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    generated = response["X-Request-ID"]
    assert generated != "<script>" and len(generated) == 12
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "naober.access"]
    assert [line["request_id"] for line in lines] == ["proxy-id-12345", generated]
    assert lines[0]["status"] == 200 and lines[0]["path"] == "/healthz" and "ms" in lines[0]


@pytest.mark.urls("tests.ops.boom_urls")
def test_an_error_page_shows_the_code_to_quote(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert response["X-Request-ID"] in page and "foutcode" in page
    assert "Traceback" not in page and "RuntimeError" not in page
    api = client.get("/api/v1/boom")
    assert api.status_code == 500 and api.json()["code"] == "server_error"
    assert api["X-Request-ID"] in api.json()["detail"]


@pytest.mark.urls("tests.ops.boom_urls")
def test_an_unreachable_database_answers_503_in_dutch(db):
    client = Client(raise_request_exception=False)
    response = client.get("/gone/")
    assert response.status_code == 503 and response["Retry-After"]
    page = response.content.decode()
    assert "even niet bereikbaar" in page and response["X-Request-ID"] in page
    assert "OperationalError" not in page and "127.0.0.1" not in page
    api = client.get("/api/v1/gone")
    assert api.status_code == 503
    assert api.json()["code"] == "service_unavailable"
