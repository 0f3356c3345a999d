"""Nobody looks residents up one by one (issue 12.3).

A person record is visible to the roles that hold the people list (VIEW_PEOPLE), to the person,
and to others only where a request, offer, match, referral or visit joins them (then only the
public card). For everyone else every page and every API operation about that person answers
404, exactly as for an id that does not exist, and nothing shows the person's name or address.

Operations come from the API's own OpenAPI document and pages from `naober.urls`, so a person
page or operation added tomorrow is walked too.
"""

import pytest
from django.test import Client

from naober.communities.models import Role
from naober.communities.permissions import Action, is_allowed
from tests.factories import make_person
from tests.security.openapi import load
from tests.security.probes import body_text, fill, id_choices, page_routes, params_of
from tests.security.test_security_api import Caller
from tests.security.world import VIEWER_ROLES

# Viewer roles that do not hold the people list, read from the permission table.
LOOKUP_ROLES = [
    role
    for role in VIEWER_ROLES
    if not is_allowed(
        {Role.CORE_GROUP, Role.RESIDENT} if role == "core_group" else {role}, Action.VIEW_PEOPLE
    )
]
NAME, FIRST, ADDRESS = "Zebulon Quaxworth", "Zebulon", "Verborgenlaan 7"


@pytest.fixture
def target(worlds):
    """A vulnerable, offline resident joined to no viewer by anything."""
    return make_person(
        worlds["wijk"].community,
        login=False,
        name=NAME,
        phone="06 55501234",
        email="",
        address=ADDRESS,
        vulnerable=True,
        digital=False,
    )


def shows_target(text: str) -> bool:
    return any(value in text for value in (FIRST, "Quaxworth", ADDRESS, "06 55501234"))


def person_operations(document):
    return [op for op in document.operations() if "person_id" in op.path_params]


def test_every_person_operation_answers_404_to_a_role_with_no_relation(worlds, target):
    document = load()
    assert person_operations(document), "the walk found no person operation"
    problems = []
    for role in LOOKUP_ROLES:
        caller = Caller(worlds["wijk"].viewers[role])
        for op in person_operations(document):
            values = {"community": "wijk", "person_id": target.pk}
            values |= {n: 1 for n in op.path_params if n not in values}
            response = caller.call(op.method, fill(op.path, values), document.example(op.body))
            if response.status_code != 404 or shows_target(body_text(response)):
                problems.append(f"{role} {op}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_no_api_answer_shows_an_unrelated_person_to_any_viewer(worlds, target):
    document = load()
    problems = []
    for role in VIEWER_ROLES:
        caller = Caller(worlds["wijk"].viewers[role])
        for op in document.operations():
            if op.method != "get" or not op.in_community:
                continue
            values = {"community": "wijk"} | {n: 1 for n in op.path_params if n != "community"}
            if "person_id" in values:
                values["person_id"] = target.pk
            response = caller.call("get", fill(op.path, values), limit=200)
            text = body_text(response)
            # The core group holds the people list: a name there is its task, an address not.
            hidden = ADDRESS in text if role not in LOOKUP_ROLES else shows_target(text)
            if response.status_code == 200 and hidden:
                problems.append(f"{role} {op}")
    assert not problems, "\n".join(problems)


def person_pages():
    return [(route, module) for route, module in page_routes() if "person_id" in params_of(route)]


def test_every_person_page_answers_404_to_a_role_with_no_relation(worlds, target):
    wijk = worlds["wijk"]
    pages = person_pages()
    assert {"c/<slug:slug>/people/<int:person_id>/"} <= {route for route, _m in pages}
    problems = []
    for role in LOOKUP_ROLES:
        client = Client()
        client.force_login(wijk.viewers[role].user)
        for route, module in pages:
            values = id_choices(route, module, wijk.community, variants=1)[0]
            url = "/" + fill(route, {**values, "slug": "wijk", "person_id": target.pk})
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                if response.status_code not in (404, 405) or shows_target(body_text(response)):
                    problems.append(f"{role} {method.upper()} {url}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_an_unknown_id_and_a_hidden_person_look_the_same(worlds, target):
    caller = Caller(worlds["wijk"].viewers["resident"])
    hidden = caller.call("get", f"/api/v1/c/wijk/people/{target.pk}")
    missing = caller.call("get", "/api/v1/c/wijk/people/999999")
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())


# --- allowed: staff, the core group, oneself and the people a join shows ---------------------


@pytest.mark.parametrize("role", ["coordinator"])
def test_staff_see_the_person_in_full(worlds, target, role):
    response = Caller(worlds["wijk"].coordinator).call("get", f"/api/v1/c/wijk/people/{target.pk}")
    assert response.status_code == 200
    assert response.json()["address"] == ADDRESS


def test_the_core_group_sees_name_and_roles_without_contact(worlds, target):
    viewer = worlds["wijk"].viewers["core_group"]
    response = Caller(viewer).call("get", f"/api/v1/c/wijk/people/{target.pk}")
    assert response.status_code == 200
    assert response.json()["name"] == NAME and "address" not in response.json()


def test_a_resident_sees_the_card_of_someone_whose_open_request_they_see(worlds, target):
    from naober.exchange import services as exchange

    wijk = worlds["wijk"]
    target.vulnerable, target.digital = False, True  # else the request waits for a coordinator
    target.save()
    exchange.create_request(
        wijk.actor(wijk.coordinator),
        {"category": "boodschappen", "title": "Boodschappen", "channel": "phone"},
        requester=target,
    )
    viewer = wijk.viewers["resident"]
    response = Caller(viewer).call("get", f"/api/v1/c/wijk/people/{target.pk}")
    assert response.status_code == 200
    assert response.json() == {
        "id": target.pk,
        "name": FIRST,
        "area": target.area_id,
        "area_name": target.public_place,
    }
    client = Client()
    client.force_login(viewer.user)
    page = client.get(f"/c/wijk/people/{target.pk}/")
    assert page.status_code == 200
    assert FIRST in page.text and "Quaxworth" not in page.text and ADDRESS not in page.text
    # The join shows the card, never the pages that change the person.
    assert client.get(f"/c/wijk/people/{target.pk}/edit/").status_code == 403
