"""Answers to a logged-in person or a token never stay in a cache (issue 12.8): every page of
`naober.urls` and every GET operation of the OpenAPI document carries Cache-Control: no-store,
so a page or operation added tomorrow is covered too."""

from django.test import Client

from naober.api.models import ApiToken
from tests.factories import make_person
from tests.security.openapi import load
from tests.security.probes import fill, id_choices, page_routes


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_every_page_for_a_logged_in_person_is_no_store(community):
    coordinator = make_person(community, "coordinator")
    client = Client()
    client.force_login(coordinator.user)
    problems = []
    for route, module in page_routes():
        for values in id_choices(route, module, community, variants=1):
            url = "/" + fill(route, {**values, "slug": community.slug})
            response = client.get(url)
            if response.status_code < 500 and not no_store(response):
                problems.append(f"{url}: {response.status_code} {response.get('Cache-Control')}")
    assert not problems, "\n".join(problems)


def test_every_api_answer_with_a_token_is_no_store(community):
    resident = make_person(community, "resident")
    _token, raw = ApiToken.issue(resident.user)
    client, problems = Client(), []
    for op in load(client).operations():
        if op.method != "get":
            continue
        values = {n: community.slug if n == "community" else 1 for n in op.path_params}
        response = client.get(fill(op.path, values), HTTP_AUTHORIZATION=f"Bearer {raw}")
        if not no_store(response):
            problems.append(f"{op}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_the_public_page_for_anonymous_visitors_may_be_cached(community):
    response = Client().get(f"/c/{community.slug}/")
    assert response.status_code == 200 and not no_store(response)
