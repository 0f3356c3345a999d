"""The place picker of the offer form and the walk-list form (issue 16): a city's 1,600 streets are
not all in the page; a neighbourhood is chosen from the list and a street found by part of its
name, without JavaScript. A village's few streets are still listed as before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naober.communities.area_picker import LIST_ALL_UP_TO
from naober.communities.models import Area, AreaKind
from naober.exchange.models import HelpOffer
from naober.outreach.models import WalkList


@pytest.fixture
def city(community):
    """Two neighbourhoods with enough streets between them to stop listing every street."""
    krakeel = community.areas.get(name="Krakeel")
    zuid = krakeel.parent
    venne = Area.objects.create(
        community=community, parent=zuid, kind=AreaKind.NEIGHBOURHOOD, name="De Venne"
    )
    Area.objects.bulk_create(
        Area(community=community, parent=hood, kind=AreaKind.STREET, name=f"Laan {n}")
        for hood in (krakeel, venne)
        for n in range(LIST_ALL_UP_TO // 2 + 1)
    )
    Area.objects.create(community=community, parent=venne, kind=AreaKind.STREET, name="Vennestraat")
    return {"krakeel": krakeel, "venne": venne}


def offer_data(community, **area) -> dict:
    return {
        "categories": [community.categories.get(code="tuin").pk],
        "description": "Ik knip graag heggen.",
        "max_per_month": "2",
        **area,
    }


def area_error(response) -> str | None:
    errors = response.context["form"].errors.as_data().get("area")
    return errors[0].code if errors else None


def test_a_village_lists_every_street_as_before(community, volunteer, as_person):
    page = as_person(volunteer).get("/c/wijk/offers/new/").content.decode()
    assert "Dorpsstraat" in page and "Kerkstraat" in page
    assert 'name="area_search"' not in page


def test_a_city_lists_neighbourhoods_and_a_street_search_not_every_street(
    community, city, volunteer, as_person
):
    client = as_person(volunteer)
    client.get("/c/wijk/offers/new/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/c/wijk/offers/new/").content.decode()
    assert "De Venne" in page and "Krakeel" in page
    assert "Laan 1<" not in page and "Vennestraat" not in page
    assert 'name="area_search"' in page
    assert '<optgroup label="Zuid">' in page
    assert len(queries) <= 15


def test_one_street_found_by_part_of_its_name_is_taken(community, city, volunteer, as_person):
    response = as_person(volunteer).post(
        "/c/wijk/offers/new/", offer_data(community, area_search="  vennestr ")
    )
    assert response.status_code == 302
    assert HelpOffer.objects.get().area.name == "Vennestraat"


def test_the_search_looks_only_in_the_chosen_neighbourhood(community, city, volunteer, as_person):
    client = as_person(volunteer)
    data = offer_data(community, area=city["venne"].pk, area_search="Laan 7")
    assert client.post("/c/wijk/offers/new/", data).status_code == 302  # exact name, one there
    offer = HelpOffer.objects.get()
    assert (offer.area.name, offer.area.parent) == ("Laan 7", city["venne"])


def test_several_matches_come_back_to_choose_from_and_the_choice_is_kept(
    community, city, volunteer, as_person
):
    client = as_person(volunteer)
    response = client.post("/c/wijk/offers/new/", offer_data(community, area_search="Laan 1"))
    assert response.status_code == 200
    assert area_error(response) == "several"
    page = response.content.decode()
    assert "Laan 10 (De Venne)" in page and "Laan 10 (Krakeel)" in page
    assert 'value="Laan 1"' in page  # the typed text stays
    chosen = Area.objects.get(name="Laan 12", parent=city["krakeel"])
    again = offer_data(community, area=chosen.pk, area_search="Laan 1")
    assert client.post("/c/wijk/offers/new/", again).status_code == 302
    assert HelpOffer.objects.get().area == chosen


def test_an_unknown_street_is_said_plainly(community, city, volunteer, as_person):
    response = as_person(volunteer).post(
        "/c/wijk/offers/new/", offer_data(community, area_search="Nergensweg")
    )
    assert area_error(response) == "not_found"
    assert not HelpOffer.objects.exists()


def test_the_edit_form_shows_the_chosen_street(community, city, volunteer, as_person):
    client = as_person(volunteer)
    client.post("/c/wijk/offers/new/", offer_data(community, area_search="Vennestraat"))
    offer = HelpOffer.objects.get()
    page = client.get(f"/c/wijk/offers/{offer.pk}/edit/").content.decode()
    assert f'<option value="{offer.area_id}" selected>Vennestraat (De Venne)</option>' in page


@pytest.mark.parametrize(
    "area",
    [
        {"area": "abc"},
        {"area": "1 OR 1=1"},
        {"area": "-1"},
        {"area": "99999999999999999999"},
        {"area_search": "\x00Laan"},
        {"area_search": "%"},
        {"area_search": "_"},
        {"area_search": "x" * 5000},
        {"area": "", "area_search": "   "},
    ],
)
def test_bad_input_is_an_error_or_nothing_never_a_crash(
    community, city, volunteer, as_person, area
):
    response = as_person(volunteer).post("/c/wijk/offers/new/", offer_data(community, **area))
    assert response.status_code in (200, 302, 400)
    for offer in HelpOffer.objects.all():
        assert offer.area is None or offer.area.community == community


def test_a_place_of_another_community_is_refused(
    community, other_community, city, volunteer, as_person
):
    elders = other_community.areas.get(name="Dorpsstraat")
    response = as_person(volunteer).post(
        "/c/wijk/offers/new/", offer_data(community, area=elders.pk)
    )
    assert area_error(response) == "invalid"
    assert not HelpOffer.objects.exists()


def test_a_coordinator_makes_a_walk_list_of_a_street_found_by_name(
    community, city, coordinator, as_person
):
    client = as_person(coordinator)
    page = client.get("/c/wijk/walk-lists/").content.decode()
    assert 'name="area_search"' in page and "Laan 3<" not in page
    select = page[page.index('<select name="area"') :].split(">")[0]
    assert "required" not in select  # the browser would refuse a typed street alone
    response = client.post(
        "/c/wijk/walk-lists/",
        {
            "name": "Ronde Venne",
            "area": city["venne"].pk,
            "area_search": "vennestraat",
            "round": "1",
            "capacity_per_visitor": "15",
        },
    )
    assert response.status_code == 302
    assert WalkList.objects.get().area.name == "Vennestraat"


def test_a_walk_list_needs_a_place(community, city, coordinator, as_person):
    data = {"name": "Ronde", "area": "", "area_search": "", "round": "1"}
    response = as_person(coordinator).post("/c/wijk/walk-lists/", data)
    assert area_error(response) == "required"
    assert not WalkList.objects.exists()


def test_a_resident_cannot_make_a_walk_list(community, city, resident, as_person):
    response = as_person(resident).post(
        "/c/wijk/walk-lists/", {"name": "X", "area_search": "Vennestraat", "round": "1"}
    )
    assert response.status_code == 403
    assert not WalkList.objects.exists()


def test_of_several_streets_found_the_first_is_chosen(community, city, volunteer, as_person):
    """The typed part matches several streets: the first found comes back chosen, so pressing
    save again takes it, and another is one arrow key away."""
    client = as_person(volunteer)
    response = client.post("/c/wijk/offers/new/", offer_data(community, area_search="Laan 1"))
    assert area_error(response) == "several"
    first = response.context["form"].fields["area"].widget.groups[0][1][0]
    assert f'<option value="{first[0]}" selected>{first[1]}' in response.content.decode()
    again = offer_data(community, area=first[0], area_search="Laan 1")
    assert client.post("/c/wijk/offers/new/", again).status_code == 302
    assert str(HelpOffer.objects.get().area_id) == first[0]


def test_the_street_found_stays_chosen_when_another_field_has_an_error(
    community, city, volunteer, as_person
):
    data = offer_data(community, area_search="Vennestraat")
    data["description"] = ""
    data["max_per_month"] = "abc"
    response = as_person(volunteer).post("/c/wijk/offers/new/", data)
    assert response.status_code == 200 and area_error(response) is None
    street = Area.objects.get(name="Vennestraat")
    assert f'<option value="{street.pk}" selected>' in response.content.decode()
