"""The coordinator's "enter a request" page in a city (issue 16): the requester and the preferred
helper are found by name, street or phone number instead of a select of every resident; a small
community still gets the full select."""

import pytest

from naober.communities.area_picker import LIST_ALL_UP_TO
from naober.exchange.models import HelpOffer, HelpRequest
from naober.people.models import Person


@pytest.fixture
def crowd(community):
    Person.objects.bulk_create(
        Person(community=community, name=f"Bewoner {n:03d}", phone_digits=f"0655{n:06d}")
        for n in range(LIST_ALL_UP_TO + 5)
    )


def request_data(community, **people) -> dict:
    return {
        "category": community.categories.get(code="tuin").pk,
        "title": "Heg knippen",
        "description": "De heg is te hoog.",
        "channel": "phone",
        "urgency": "normal",
        "recurrence": "one_off",
        "needs_mediation": "on",
        **people,
    }


def field_error(response, name) -> str | None:
    errors = response.context["form"].errors.as_data().get(name)
    return errors[0].code if errors else None


def test_a_small_community_lists_everyone_as_before(community, coordinator, resident, as_person):
    page = as_person(coordinator).get("/c/wijk/requests/new/").content.decode()
    assert resident.name in page and 'name="requester_search"' not in page


def test_a_city_lists_nobody_but_the_person_chosen(
    community, crowd, coordinator, resident, as_person
):
    client = as_person(coordinator)
    page = client.get("/c/wijk/requests/new/").content.decode()
    assert "Bewoner 001" not in page and 'name="requester_search"' in page
    chosen = client.get(f"/c/wijk/requests/new/?person={resident.pk}").content.decode()
    assert f'<option value="{resident.pk}" selected>{resident.name}' in chosen


@pytest.mark.parametrize("typed", ["Annie de", "06 55 000 123"])
def test_the_requester_found_by_name_or_number(
    community, crowd, coordinator, resident, as_person, typed
):
    target = resident if typed == "Annie de" else Person.objects.get(name="Bewoner 123")
    response = as_person(coordinator).post(
        "/c/wijk/requests/new/", request_data(community, requester_search=typed)
    )
    assert response.status_code == 302, response.context["form"].errors
    assert HelpRequest.objects.get().requester == target


def test_several_found_come_back_to_choose_from(community, crowd, coordinator, as_person):
    client = as_person(coordinator)
    response = client.post(
        "/c/wijk/requests/new/", request_data(community, requester_search="Bewoner 01")
    )
    assert field_error(response, "requester") == "several"
    assert "Bewoner 015" in response.content.decode()
    pick = Person.objects.get(name="Bewoner 015")
    data = request_data(community, requester=pick.pk, requester_search="Bewoner 01")
    assert client.post("/c/wijk/requests/new/", data).status_code == 302
    assert HelpRequest.objects.get().requester == pick


def test_the_preferred_helper_is_found_among_helpers_only(
    community, crowd, coordinator, resident, volunteer, as_person
):
    HelpOffer.objects.bulk_create(
        HelpOffer(community=community, helper=helper, description="Tuin")
        for helper in [volunteer, *Person.objects.filter(name__startswith="Bewoner")]
    )
    client = as_person(coordinator)
    data = request_data(
        community, requester=resident.pk, preferred_helper_search=volunteer.name.split()[0]
    )
    assert client.post("/c/wijk/requests/new/", data).status_code == 302
    assert HelpRequest.objects.get().preferred_helper == volunteer
    not_helper = request_data(community, requester=resident.pk, preferred_helper_search="Annie")
    assert field_error(client.post("/c/wijk/requests/new/", not_helper), "preferred_helper") == (
        "not_found"
    )


@pytest.mark.parametrize(
    "people",
    [
        {"requester": "abc"},
        {"requester": "99999999999999999999"},
        {"requester_search": "\x00Bewoner"},
        {"requester_search": "%"},
        {"requester_search": "y" * 5000},
        {"requester": "", "requester_search": "  "},
    ],
)
def test_bad_input_is_an_error_never_a_crash(community, crowd, coordinator, as_person, people):
    response = as_person(coordinator).post(
        "/c/wijk/requests/new/", request_data(community, **people)
    )
    assert response.status_code in (200, 400)
    assert not HelpRequest.objects.exists()


def test_a_person_of_another_community_is_refused(
    community, other_community, crowd, coordinator, as_person, person_factory
):
    stranger = person_factory(other_community, name="Annie Elders")
    response = as_person(coordinator).post(
        "/c/wijk/requests/new/", request_data(community, requester=stranger.pk)
    )
    assert field_error(response, "requester") == "invalid"
    response = as_person(coordinator).post(
        "/c/wijk/requests/new/", request_data(community, requester_search="Annie Elders")
    )
    assert field_error(response, "requester") == "not_found"
    assert not HelpRequest.objects.exists()


def test_a_resident_cannot_enter_for_others(community, crowd, resident, as_person):
    assert as_person(resident).get("/c/wijk/requests/new/").status_code == 403


def test_a_walk_list_adds_a_resident_and_gives_addresses_to_a_visitor_found_by_name(
    community, crowd, coordinator, resident, volunteer, as_person
):
    from naober.outreach.models import WalkList

    client = as_person(coordinator)
    data = {"name": "Ronde", "area": resident.area_id, "round": "1", "capacity_per_visitor": "5"}
    assert client.post("/c/wijk/walk-lists/", data).status_code == 302
    walk_list = WalkList.objects.get()
    url = f"/c/wijk/walk-lists/{walk_list.pk}/"
    page = client.get(url).content.decode()
    assert "Bewoner 001" not in page and 'name="person-person_search"' in page
    added = client.post(
        url,
        {"op": "person", "person-person_search": "Bewoner 042", "person-kind": "self_registered"},
    )
    assert added.status_code == 302, added.context["forms"]["person"].errors
    entry = walk_list.entries.get(person__name="Bewoner 042")
    # Visitors are the few who may visit (read in the database), so they are all listed.
    assert 'name="assign-visitor_search"' not in page and volunteer.name in page
    given = client.post(
        url, {"op": "assign", "assign-visitor": volunteer.pk, "assign-entries": [entry.pk]}
    )
    assert given.status_code == 302
    entry.refresh_from_db()
    assert entry.visitor == volunteer


def test_a_visit_and_a_signal_name_a_resident_found_by_name(
    community, crowd, coordinator, as_person
):
    from naober.outreach.models import HouseVisit, Signal

    client = as_person(coordinator)
    for url, field in (
        ("/c/wijk/visits/new/", "person"),
        ("/c/wijk/signals/new/", "person_concerned"),
    ):
        page = client.get(url).content.decode()
        assert "Bewoner 001" not in page and f'name="{field}_search"' in page
    visit = client.post(
        "/c/wijk/visits/new/",
        {"person_search": "Bewoner 077", "visited_on": "2026-12-01", "outcome": "held"},
    )
    assert visit.status_code == 302, visit.context["form"].errors
    assert HouseVisit.objects.get().person.name == "Bewoner 077"
    signal = client.post(
        "/c/wijk/signals/new/",
        {
            "kind": "individual",
            "urgency": "normal",
            "description": "Ze komt de deur niet meer uit.",
            "person_concerned_search": "Bewoner 078",
        },
    )
    assert signal.status_code == 302, signal.context["form"].errors
    assert Signal.objects.get().person_concerned.name == "Bewoner 078"


def test_a_referral_names_a_resident_found_by_name(community, crowd, coordinator, as_person):
    from naober.directory.models import Referral

    client = as_person(coordinator)
    page = client.get("/c/wijk/referrals/out/").content.decode()
    assert "Bewoner 001" not in page and 'name="person_search"' in page
    response = client.post(
        "/c/wijk/referrals/out/", {"person_search": "Bewoner 099", "need": "Schulden"}
    )
    assert response.status_code == 302
    assert Referral.objects.get().person.name == "Bewoner 099"


def test_the_audit_log_filters_by_a_person_found_by_name(community, crowd, coordinator, as_person):
    client = as_person(coordinator)
    page = client.get("/c/wijk/audit/").content.decode()
    assert "Bewoner 001" not in page and 'name="person_search"' in page
    found = client.get("/c/wijk/audit/", {"person_search": "Bewoner 012"})
    assert found.status_code == 200
    assert found.context["form"].cleaned_data["person"].name == "Bewoner 012"


def test_the_person_found_stays_chosen_when_another_field_has_an_error(
    community, crowd, coordinator, resident, as_person
):
    """A search that found the requester, with the title left empty: the page comes back with
    her chosen in the select, so the coordinator fixes the title and does not search again."""
    data = request_data(community, requester_search="Annie de")
    data["title"] = ""
    response = as_person(coordinator).post("/c/wijk/requests/new/", data)
    assert field_error(response, "title") == "required"
    assert field_error(response, "requester") is None
    page = response.content.decode()
    assert f'<option value="{resident.pk}" selected>{resident.name}' in page


def test_the_enter_page_speaks_about_the_person_helped_and_points_to_the_intake(
    community, coordinator, as_person
):
    """A coordinator enters for someone else: the hints say 'their address', not 'uw adres',
    and a call on the line is pointed to the intake screen, which does it all on one page."""
    page = (
        as_person(coordinator)
        .get("/c/wijk/requests/new/", HTTP_ACCEPT_LANGUAGE="nl")
        .content.decode()
    )
    assert "Schrijf hier niet uw adres" not in page and "Schrijf hier niet het adres" in page
    assert "Alleen als u vaker hulp nodig heeft" not in page
    assert "dat u slecht hoort" not in page and "wat u nodig hebt" not in page
    assert 'href="/c/wijk/desk/intake/"' in page


def test_a_person_just_registered_leads_on_to_entering_their_request(
    community, coordinator, resident, as_person
):
    """Registering someone from the enter page ended on their card with no way on (issue 13.3):
    the card of a person now offers to enter a request for them."""
    page = (
        as_person(coordinator)
        .get(f"/c/wijk/people/{resident.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
        .content.decode()
    )
    assert f'href="/c/wijk/requests/new/?person={resident.pk}"' in page
    assert "Een hulpvraag invoeren voor deze persoon" in page
    chosen = as_person(coordinator).get(f"/c/wijk/requests/new/?person={resident.pk}")
    assert f'value="{resident.pk}" selected' in chosen.content.decode()


def test_a_resident_reading_a_card_is_not_offered_to_enter_for_others(
    community, resident, volunteer, as_person
):
    page = as_person(resident).get(f"/c/wijk/people/{volunteer.pk}/")
    assert "/requests/new/" not in page.content.decode()


def test_the_empty_choice_says_choose_not_dashes(community, coordinator, resident, as_person):
    """Django's "---------" is no word on a Dutch page: the picker's empty choice says "Kies…"."""
    page = as_person(coordinator).get("/c/wijk/requests/new/", HTTP_ACCEPT_LANGUAGE="nl")
    html = page.content.decode()
    assert '<option value="">Kies…</option>' in html
    assert '<option value="">---------</option>' not in html
