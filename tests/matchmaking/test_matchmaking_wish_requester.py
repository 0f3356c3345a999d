"""The requester sets the wish about the helper for their own open request (page and API);
coordinators still may for any request; other requesters, residents and partners may not."""

import json

import pytest

from naober.matchmaking.models import RequestWish
from tests.matchmaking.builders import make_person, make_request

pytestmark = pytest.mark.django_db


def put_wish(api, request_id, body: str, slug: str = "wijk"):
    return api.client.put(
        f"/api/v1/c/{slug}/requests/{request_id}/wish",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
    )


def test_requester_sets_the_wish_of_their_own_open_request_by_api(community, api):
    requester = make_person(community, "resident")
    help_request = make_request(community, requester)
    api.login(requester)
    response = put_wish(api, help_request.pk, json.dumps({"gender": "prefer_women"}))
    assert response.status_code == 200
    assert RequestWish.objects.get(request=help_request).gender == "prefer_women"
    assert api.get(f"c/wijk/requests/{help_request.pk}/wish").json()["gender"] == "prefer_women"


def test_requester_bad_value_is_422_and_nothing_is_stored(community, api):
    requester = make_person(community, "resident")
    help_request = make_request(community, requester)
    api.login(requester)
    assert put_wish(api, help_request.pk, '{"gender": "sometimes"}').status_code == 422
    assert put_wish(api, help_request.pk, "{bad").status_code == 400
    assert not RequestWish.objects.exists()


def test_requester_may_not_change_a_closed_request(community, api):
    requester = make_person(community, "resident")
    help_request = make_request(community, requester)
    help_request.status = "matched"
    help_request.save(update_fields=["status"])
    api.login(requester)
    assert put_wish(api, help_request.pk, '{"gender": "only_men"}').status_code == 403
    assert not RequestWish.objects.exists()


@pytest.mark.parametrize("role", ["resident", "volunteer", "partner"])
def test_others_may_not_read_or_set_someone_elses_wish(community, api, role):
    help_request = make_request(community, make_person(community, "resident"))
    api.login(make_person(community, role))
    assert put_wish(api, help_request.pk, '{"gender": "only_men"}').status_code == 403
    assert api.get(f"c/wijk/requests/{help_request.pk}/wish").status_code == 403
    assert not RequestWish.objects.exists()


def test_requester_of_another_request_is_denied_on_the_page(community, as_person):
    asker = make_person(community, "resident")
    mine = make_request(community, asker)
    theirs = make_request(community, make_person(community, "resident"))
    client = as_person(asker)
    assert client.get(f"/c/wijk/requests/{mine.pk}/helper-wish/").status_code == 200
    url = f"/c/wijk/requests/{theirs.pk}/helper-wish/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"gender": "only_men"}).status_code == 403
    assert not RequestWish.objects.exists()


def test_requester_sets_the_wish_on_the_page_and_bad_input_stores_nothing(community, as_person):
    requester = make_person(community, "resident")
    help_request = make_request(community, requester)
    client = as_person(requester)
    url = f"/c/wijk/requests/{help_request.pk}/helper-wish/"
    assert client.post(url, {"gender": "never"}).status_code == 200  # form error
    assert not RequestWish.objects.exists()
    assert client.post(url, {"gender": "only_women"}).status_code == 302
    assert RequestWish.objects.get(request=help_request).gender == "only_women"
    help_request.status = "done"
    help_request.save(update_fields=["status"])
    assert client.post(url, {"gender": "any"}).status_code == 403
    assert RequestWish.objects.get(request=help_request).gender == "only_women"


def test_coordinator_still_sets_any_wish_even_after_the_request_closed(community, coordinator, api):
    help_request = make_request(community, make_person(community, "resident"))
    help_request.status = "matched"
    help_request.save(update_fields=["status"])
    api.login(coordinator)
    assert put_wish(api, help_request.pk, '{"gender": "only_men"}').status_code == 200
    assert RequestWish.objects.get(request=help_request).gender == "only_men"


def test_requester_of_another_community_gets_404(community, other_community, api):
    help_request = make_request(community, make_person(community, "resident"))
    api.login(make_person(other_community, "resident"))
    assert put_wish(api, help_request.pk, '{"gender": "only_men"}', "elders").status_code == 404
    assert put_wish(api, help_request.pk, '{"gender": "only_men"}').status_code == 404
    assert not RequestWish.objects.exists()
