"""The public side shows only what a requester agreed to publish (issue 12.7).

A request is on the public community page (and the notice-board sheet that hangs in the street)
only with the requester's consent, asked on the ask form and on the coordinator's entry form and
off by default. Even then, someone who is not logged in never reads a requester's name together
with their street: the public page gives the first name only. The walks read every page of
`naober.urls` and every operation of the OpenAPI document as an anonymous visitor, so a public
path added tomorrow is checked too.
"""

import pytest
from django.test import Client

from naober.communities.models import AreaKind
from naober.communities.services import add_area
from naober.exchange.models import HelpRequest
from tests.exchange_pages.builders import make_request
from tests.security.openapi import load
from tests.security.probes import body_text, fill, id_choices, page_routes

pytestmark = pytest.mark.django_db

HIDDEN_TITLE = "Steunkousen aantrekken na operatie"
PUBLIC_TITLE = "Vervoer naar het ziekenhuis op dinsdag"


@pytest.fixture
def rika(community, person_factory):
    """A resident on a street of her own, so that the street name points at her."""
    hood = community.areas.get(name="Krakeel")
    lane = add_area(community, hood, AreaKind.STREET, "Krakeelweg")
    return person_factory(community, "resident", name="Rika Hofman", area=lane)


@pytest.fixture
def requests_of_rika(community, rika):
    return (
        make_request(community, rika, code="vervoer", title=PUBLIC_TITLE, publish=True),
        make_request(community, rika, code="klussen", title=HIDDEN_TITLE),
    )


def anonymous_answers(community):
    """(url, text) of every page and API answer an anonymous visitor gets with a 200."""
    client, answers = Client(), []
    for route, module in page_routes():
        for values in id_choices(route, module, community, variants=2):
            url = "/" + fill(route, {**values, "slug": community.slug})
            response = client.get(url)
            if response.status_code == 200:
                answers.append((url, body_text(response)))
    document = load(client)
    for op in document.operations():
        if op.method != "get":
            continue
        values = {n: community.slug if n == "community" else 1 for n in op.path_params}
        response = client.get(fill(op.path, values))
        if response.status_code == 200:
            answers.append((str(op), body_text(response)))
    return answers


def test_anonymous_visitors_see_only_published_requests_and_never_a_name_with_a_street(
    community, rika, requests_of_rika
):
    answers = anonymous_answers(community)
    home = dict(answers)["/c/wijk/"]
    assert PUBLIC_TITLE in home and "Rika" in home  # the walk reads the public page
    problems = []
    for url, text in answers:
        for secret in (HIDDEN_TITLE, "Hofman", "Krakeelweg", rika.phone, rika.address):
            if secret in text:
                problems.append(f"{url} shows {secret!r}")
    assert not problems, "\n".join(problems)


def test_members_keep_the_board_with_first_name_and_street(
    community, requests_of_rika, volunteer, as_person
):
    html = as_person(volunteer).get("/c/wijk/requests/").content.decode()
    assert HIDDEN_TITLE in html and "Krakeelweg" in html


def test_the_notice_board_sheet_holds_only_published_requests(
    community, requests_of_rika, coordinator, as_person
):
    area = community.areas.get(name="Krakeel")
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{area.pk}/").content.decode()
    assert PUBLIC_TITLE in html
    assert HIDDEN_TITLE not in html and "Krakeelweg" not in html


# --- the consent is asked, off by default, on every way in ----------------------------------


def test_the_ask_form_asks_and_leaves_it_off_by_default(community, resident, as_person):
    client = as_person(resident)
    form = client.get("/c/wijk/ask/").content.decode()
    assert 'name="publish"' in form and "checked" not in form.split('name="publish"')[1][:80]
    tuin = community.categories.get(code="tuin").pk
    base = {"category": tuin, "title": "Heg", "recurrence": "one_off", "urgency": "normal"}
    client.post("/c/wijk/ask/", base)
    client.post("/c/wijk/ask/", {**base, "title": "Heg openbaar", "publish": "on"})
    published = dict(HelpRequest.objects.values_list("title", "publish"))
    assert published == {"Heg": False, "Heg openbaar": True}


def test_the_coordinators_entry_form_asks_too(community, resident, coordinator, as_person):
    client = as_person(coordinator)
    assert 'name="publish"' in client.get("/c/wijk/requests/new/").content.decode()
    response = client.post(
        "/c/wijk/requests/new/",
        {
            "requester": resident.pk,
            "channel": "phone",
            "category": community.categories.get(code="tuin").pk,
            "title": "Heg via de telefoon",
            "recurrence": "one_off",
            "urgency": "normal",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    assert HelpRequest.objects.get(title="Heg via de telefoon").publish


def test_the_api_defaults_to_not_published_and_the_requester_can_change_it(
    community, resident, volunteer, api
):
    api.login(resident)
    created = api.post("c/wijk/requests", {"category": "tuin", "title": "Heg"}).json()
    assert created["publish"] is False
    changed = api.patch(f"c/wijk/requests/{created['id']}", {"publish": True})
    assert changed.status_code == 200 and changed.json()["publish"] is True
    # Another member reads the request but not the requester's choice, and cannot change it:
    # for a change it is someone else's row, "not found" as on the page.
    other = api.login(volunteer).get(f"c/wijk/requests/{created['id']}").json()
    assert "publish" not in other
    refused = api.patch(f"c/wijk/requests/{created['id']}", {"publish": False})
    assert refused.status_code == 404
    assert HelpRequest.objects.get(pk=created["id"]).publish
