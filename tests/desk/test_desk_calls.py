"""Calls that are not a request, and the caller look-up by phone number with the person's card."""

import pytest

from naober.desk.models import Call
from naober.exchange.models import Category, HelpRequest
from naober.people.phone import normalise
from naober.privacy.models import AuditEntry


def test_phone_numbers_compare_however_they_were_typed():
    assert normalise("06-12 34 56 78") == "0612345678"
    assert normalise("+31 6 12345678") == "0612345678"
    assert normalise("0031 (6) 1234 5678") == "0612345678"
    assert normalise("") == ""


def test_coordinator_writes_down_a_call_that_is_not_a_request(community, members, page_as):
    client = page_as(members["coordinator"])
    response = client.post(
        "/c/wijk/desk/calls/",
        {"caller_name": "Mevrouw de Vries", "subject": "Wilde weten of de tuinclub doorgaat"},
    )
    assert response.status_code == 302
    call = Call.objects.get()
    assert call.taken_by == members["coordinator"]
    page = client.get("/c/wijk/desk/calls/").content.decode()
    assert "Wilde weten of de tuinclub doorgaat" in page
    assert "Mevrouw de Vries" in page


@pytest.mark.parametrize(
    "data",
    [
        {"caller_name": "Mevrouw de Vries", "subject": ""},
        {"caller_name": "", "number": "", "subject": "Tuinclub"},
        {"caller_name": "X", "subject": "Tuinclub", "person": "abc"},
    ],
)
def test_a_call_without_subject_or_caller_is_refused(community, members, page_as, data):
    response = page_as(members["coordinator"]).post("/c/wijk/desk/calls/", data)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Call.objects.exists()


def test_a_call_cannot_name_a_person_of_another_community(
    community, other_community, members, person_factory, page_as
):
    stranger = person_factory(other_community)
    response = page_as(members["coordinator"]).post(
        "/c/wijk/desk/calls/", {"subject": "Tuinclub", "person": stranger.pk}
    )
    assert response.status_code == 200
    assert not Call.objects.exists()


def test_lookup_by_number_opens_the_callers_card_with_requests_and_audits_it(
    community, members, person_factory, page_as
):
    caller = person_factory(community, name="Truus Jansen", phone="0528-123456", login=False)
    category = Category.objects.filter(community=community).first()
    HelpRequest.objects.create(
        community=community, requester=caller, category=category, title="Boodschappen doen"
    )
    client = page_as(members["coordinator"])
    response = client.get("/c/wijk/desk/caller/", {"q": "+31 528 123 456"})
    assert response.status_code == 302
    assert response["Location"] == f"/c/wijk/desk/caller/{caller.pk}/"
    before = AuditEntry.objects.filter(person_id=caller.pk).count()
    card = client.get(response["Location"]).content.decode()
    assert "Truus Jansen" in card
    assert "0528-123456" in card
    assert "Boodschappen doen" in card
    assert AuditEntry.objects.filter(person_id=caller.pk).count() == before + 1


def test_lookup_of_an_unknown_number_offers_to_register_the_caller(community, members, page_as):
    response = page_as(members["coordinator"]).get("/c/wijk/desk/caller/", {"q": "0611111111"})
    assert response.status_code == 200
    assert "/c/wijk/people/new/" in response.content.decode()


def test_lookup_with_too_few_digits_finds_nobody(community, members, page_as):
    response = page_as(members["coordinator"]).get("/c/wijk/desk/caller/", {"q": "06"})
    assert response.status_code == 200
    assert "/desk/caller/" not in response.get("Location", "")


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_only_staff_look_callers_up_and_log_calls(community, members, page_as, role):
    client = page_as(members[role])
    target = members["resident"].pk
    assert client.get("/c/wijk/desk/caller/", {"q": "0612340001"}).status_code == 403
    assert client.get(f"/c/wijk/desk/caller/{target}/").status_code in (403, 404)
    assert (
        client.post("/c/wijk/desk/calls/", {"caller_name": "X", "subject": "Y"}).status_code == 403
    )
    assert not Call.objects.exists()


def test_the_card_of_another_communitys_person_is_not_found(
    community, other_community, members, person_factory, page_as
):
    stranger = person_factory(other_community)
    client = page_as(members["coordinator"])
    assert client.get(f"/c/wijk/desk/caller/{stranger.pk}/").status_code == 404


def test_the_caller_is_found_by_name_or_street_with_and_without_javascript(
    community, members, person_factory, page_as
):
    caller = person_factory(community, name="Truus Jansen", login=False, area=None)
    client = page_as(members["coordinator"])
    page = client.get("/c/wijk/desk/caller/", {"q": "jans"})  # the plain GET form
    assert page.status_code == 200
    assert f"/c/wijk/desk/caller/{caller.pk}/" in page.content.decode()
    assert "<h1>" in page.content.decode()
    live = client.get("/c/wijk/desk/caller/", {"q": "Truus", "partial": "1"})  # while typing
    assert f"/c/wijk/desk/caller/{caller.pk}/" in live.content.decode()
    assert "<h1>" not in live.content.decode()
    street = client.get("/c/wijk/desk/caller/", {"q": "Dorpsstr", "partial": "1"}).content
    assert members["resident"].name in street.decode()


def test_the_search_never_finds_people_of_another_community(
    community, other_community, members, person_factory, page_as
):
    person_factory(other_community, name="Truus Elders", phone="0528-999999")
    client = page_as(members["coordinator"])
    assert "Truus Elders" not in client.get("/c/wijk/desk/caller/", {"q": "Truus"}).content.decode()
    by_number = client.get("/c/wijk/desk/caller/", {"q": "0528999999"})
    assert by_number.status_code == 200
    assert "Truus Elders" not in by_number.content.decode()


def test_the_desk_finds_a_request_by_the_code_on_a_notice_board_strip(community, members, page_as):
    """A neighbour calls about a strip torn off a sheet: the desk finds the request by its code
    right there (only the workbench had the box)."""
    from tests.exchange.helpers import make_request

    help_request = make_request(community, members["resident"])
    client = page_as(members["coordinator"])
    desk = client.get("/c/wijk/desk/").content.decode()
    assert "Belt iemand over een vraag van het prikbord?" in desk and 'name="code"' in desk
    found = client.get("/c/wijk/workbench/lookup/", {"code": help_request.code.replace("-", "")})
    assert found.status_code == 302 and found["Location"].endswith(f"/{help_request.pk}/")
