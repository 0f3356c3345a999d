"""The exchange's suggestions endpoint answers from the engine; the wish endpoints."""

import pytest

from naober.matchmaking.models import RequestWish
from tests.matchmaking.builders import located, make_offer, make_person, make_request

pytestmark = pytest.mark.django_db


def test_suggestions_endpoint_shape_best_first(community, coordinator, api):
    requester = located(make_person(community), 0, 0)
    help_request = make_request(community, requester)
    near = make_offer(community, located(make_person(community, "volunteer"), 120, 0))
    far = make_offer(community, located(make_person(community, "volunteer"), 9000, 0))
    api.login(coordinator)
    response = api.get(f"c/wijk/requests/{help_request.pk}/suggestions", HTTP_ACCEPT_LANGUAGE="nl")
    rows = response.json()
    assert response.status_code == 200
    assert [r["offer"] for r in rows] == [near.pk, far.pk]
    assert [r["person"] for r in rows] == [near.helper_id, far.helper_id]
    assert rows[0]["score"] > rows[1]["score"]
    assert set(rows[0]) >= {"offer", "person", "score", "reasons"}
    assert any("100 meter" in reason for reason in rows[0]["reasons"])


def test_wish_api(community, other_community, coordinator, api):
    help_request = make_request(community)
    path = f"c/wijk/requests/{help_request.pk}/wish"
    api.login(coordinator)
    assert api.get(path).json() == {"request": help_request.pk, "gender": "any"}
    before = RequestWish.objects.count()
    assert (
        api.client.put(
            f"/api/v1/{path}",
            '{"gender": "sometimes"}',
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {api.token}",
        ).status_code
        == 422
    )
    assert (
        api.client.put(
            f"/api/v1/{path}",
            "{bad",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {api.token}",
        ).status_code
        == 400
    )
    assert RequestWish.objects.count() == before
    ok = api.client.put(
        f"/api/v1/{path}",
        '{"gender": "only_women"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
    )
    assert ok.json() == {"request": help_request.pk, "gender": "only_women"}
    api.login(make_person(community, "volunteer"))
    assert api.get(path).status_code == 403
    api.login(make_person(other_community, "coordinator"))
    assert api.get(path).status_code == 404
    assert api.get(f"c/elders/requests/{help_request.pk}/wish").status_code == 404


def test_wish_page(community, coordinator, as_person):
    help_request = make_request(community)
    url = f"/c/wijk/requests/{help_request.pk}/helper-wish/"
    client = as_person(coordinator)
    assert client.get(url).status_code == 200
    assert client.post(url, {"gender": "never"}).status_code == 200
    assert not RequestWish.objects.exists()
    assert client.post(url, {"gender": "prefer_women"}).status_code == 302
    assert RequestWish.objects.get(request=help_request).gender == "prefer_women"
    assert as_person(make_person(community, "resident")).get(url).status_code == 403
    assert client.get("/c/wijk/requests/999999/helper-wish/").status_code == 404
