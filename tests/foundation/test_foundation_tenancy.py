"""Tenant isolation: nothing of another community is ever returned; its ids answer 404.

Also: anonymous callers get 401 on every API path (except the token and the OpenAPI document),
and a member of one community cannot tell another community apart from one that does not exist.
"""

import re

import pytest
from django.test import Client

from naober.communities.context import resolve_actor
from naober.communities.models import Role
from naober.exchange import selectors as exchange
from naober.exchange.models import Category, HelpOffer, HelpRequest
from naober.people import selectors
from tests.factories import ApiClient


def request_of(person, title="Boodschappen doen", **fields):
    category = Category.objects.get(community=person.community, code="boodschappen")
    return HelpRequest.objects.create(
        community=person.community, requester=person, category=category, title=title, **fields
    )


def offer_of(person, description="Ik help graag in de tuin"):
    offer = HelpOffer.objects.create(
        community=person.community, helper=person, description=description
    )
    offer.categories.set(Category.objects.filter(community=person.community, code="tuin"))
    return offer


@pytest.fixture
def two_sides(community, other_community, person_factory):
    """A coordinator in each community and a resident of the other one."""
    return {
        "mine": person_factory(community, Role.COORDINATOR, name="Carla Hier"),
        "theirs": person_factory(other_community, Role.COORDINATOR, name="Nienke Daar"),
        "stranger": person_factory(other_community, Role.RESIDENT, name="Gerrit Elders"),
    }


# --- selectors -------------------------------------------------------------------------------


def test_people_of_returns_only_this_community(community, two_sides):
    assert set(selectors.people_of(community)) == {two_sides["mine"]}


def test_person_list_returns_only_this_community(community, two_sides):
    actor = resolve_actor(two_sides["mine"].user, "wijk")
    assert list(selectors.person_list(actor)) == [two_sides["mine"]]
    assert list(selectors.person_list(actor, search="Gerrit")) == []


def test_person_get_of_another_community_is_404(two_sides):
    from django.http import Http404

    actor = resolve_actor(two_sides["mine"].user, "wijk")
    with pytest.raises(Http404):
        selectors.person_get(actor, two_sides["stranger"].pk)


def test_categories_are_per_community(community, other_community):
    mine = exchange.categories_of(community)
    assert mine.count() >= 10
    assert {c.community_id for c in mine} == {community.pk}


def test_recent_requests_and_offers_stay_in_their_community(community, two_sides):
    # Both published (the public list shows only those, issue 12.7): only the community differs.
    request_of(two_sides["stranger"], "Hulp van elders", publish=True)
    offer_of(two_sides["stranger"], "Aanbod van elders")
    request_of(two_sides["mine"], "Hulp van hier", publish=True)
    offer_of(two_sides["mine"], "Aanbod van hier")
    assert [r.title for r in exchange.recent_open_requests(community)] == ["Hulp van hier"]
    assert [o.description for o in exchange.recent_available_offers(community)] == [
        "Aanbod van hier"
    ]


def test_resolve_actor_treats_a_stranger_like_an_unknown_community(two_sides):
    from django.http import Http404

    for slug in ("elders", "bestaat-niet"):
        with pytest.raises(Http404):
            resolve_actor(two_sides["mine"].user, slug)


def test_an_erased_person_is_no_member_anymore(community, person_factory):
    from django.http import Http404
    from django.utils import timezone

    person = person_factory(community, Role.COORDINATOR, erased_at=timezone.now())
    with pytest.raises(Http404):
        resolve_actor(person.user, "wijk")


# --- API -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["c/elders/me", "c/elders/people", "c/elders/categories", "c/bestaat-niet/people"]
)
def test_api_of_another_community_is_404(api, two_sides, path):
    response = api.login(two_sides["mine"]).get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_api_person_id_of_another_community_is_404(api, two_sides):
    api.login(two_sides["mine"])
    stranger = two_sides["stranger"].pk
    assert api.get(f"c/wijk/people/{stranger}").status_code == 404
    response = api.patch(f"c/wijk/people/{stranger}", {"phone": "06 11111111"})
    assert response.status_code == 404
    two_sides["stranger"].refresh_from_db()
    assert two_sides["stranger"].phone != "06 11111111"


def test_api_create_in_another_community_is_404(api, two_sides):
    from naober.people.models import Person

    before = Person.objects.count()
    response = api.login(two_sides["mine"]).post(
        "c/elders/people", {"name": "Indringer", "reachable_via_coordinator": True}
    )
    assert response.status_code == 404
    assert Person.objects.count() == before


def test_unknown_and_foreign_communities_answer_identically(api, two_sides):
    api.login(two_sides["mine"])
    assert api.get("c/elders/people").json() == api.get("c/bestaat-niet/people").json()


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["people/", "people/new/", "profile/"])
def test_pages_of_another_community_are_404(browser_as, two_sides, path):
    response = browser_as(two_sides["mine"]).get(f"/c/elders/{path}")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_person_page_of_another_community_is_404(browser_as, two_sides):
    client = browser_as(two_sides["mine"])
    stranger = two_sides["stranger"].pk
    assert client.get(f"/c/wijk/people/{stranger}/").status_code == 404
    assert client.get(f"/c/wijk/people/{stranger}/edit/").status_code == 404
    assert client.get(f"/c/elders/people/{stranger}/").status_code == 404


def test_consent_cannot_be_recorded_for_another_communitys_person(browser_as, two_sides):
    client = browser_as(two_sides["mine"])
    stranger = two_sides["stranger"]
    response = client.post(
        f"/c/wijk/people/{stranger.pk}/",
        {"purpose": "contact", "granted": "yes", "method": "spoken"},
    )
    assert response.status_code == 404
    assert not stranger.consents.exists()


# --- anonymous -------------------------------------------------------------------------------


def api_paths(*, only_secured: bool = False):
    """Every operation in the OpenAPI document, with sample values for its path parameters.

    With `only_secured`, leave out the operations the document marks as open to anyone (no
    `security`: the token, activation, sign-up, the desk's contact details).
    """
    schema = Client().get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if only_secured and not operation.get("security"):
                continue
            if method in {"get", "post", "put", "patch", "delete"}:
                concrete = re.sub(r"\{community\}", "wijk", path)
                yield method, re.sub(r"\{[^}]+\}", "1", concrete)


def test_openapi_document_is_public_and_lists_the_foundation_paths(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/token",
        "/api/v1/c/{community}/me",
        "/api/v1/c/{community}/people",
        "/api/v1/c/{community}/people/{person_id}",
        "/api/v1/c/{community}/categories",
    ):
        assert path in paths


def test_anonymous_calls_get_401_on_every_api_path(community):
    client = Client()
    checked = 0
    for method, path in api_paths(only_secured=True):
        response = getattr(client, method)(path, content_type="application/json")
        assert response.status_code == 401, f"{method.upper()} {path}: {response.status_code}"
        assert response.json()["code"] == "unauthorized"
        checked += 1
    assert checked >= 5


def test_the_operations_open_to_anyone_are_exactly_these():
    schema = Client().get("/api/v1/openapi.json").json()
    open_ones = {
        (method, path)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if not operation.get("security")
    }
    assert open_ones <= {
        ("get", "/api/v1/openapi.json"),
        ("post", "/api/v1/token"),
        ("post", "/api/v1/activate"),
        ("post", "/api/v1/c/{community}/join"),
        ("post", "/api/v1/c/{community}/join/verify"),
        ("get", "/api/v1/c/{community}/contact"),
        ("post", "/api/v1/c/{community}/callback"),
        ("post", "/api/v1/c/{community}/concerns"),
        # The other doors without a login (naober/doors): rate-limited, with a honeypot.
        ("post", "/api/v1/c/{community}/volunteers"),
        ("post", "/api/v1/c/{community}/talents"),
        ("post", "/api/v1/sms/inbound"),
        # Signed by the telephony provider (HMAC), not by a token: naober/desk/telephony.py.
        ("post", "/api/v1/c/{community}/desk/incoming-call"),
    }, open_ones


def test_anonymous_may_fetch_a_token(api, community, person_factory):
    person = person_factory(community)
    response = ApiClient().post(
        "token", {"username": person.user.username, "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 200


def test_anonymous_pages_of_members_ask_to_log_in(client, community):
    for path in ("/c/wijk/people/", "/c/wijk/profile/", "/c/wijk/people/new/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
