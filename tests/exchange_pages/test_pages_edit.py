"""Changing things after the fact: editing an offer, a requester changing or cancelling their own
question, the referring partner on a coordinator's request, and the helper wish on a request."""

import pytest

from naober.exchange.models import HelpOffer, HelpRequest, MatchState, RequestStatus
from naober.matchmaking.models import RequestWish
from tests.exchange_pages.builders import make_offer, make_request, matched
from tests.factories import make_community, make_person, street

pytestmark = pytest.mark.django_db


def category_pk(community, code="klussen") -> str:
    return str(community.categories.get(code=code).pk)


def offer_post(community, **overrides) -> dict:
    data = {
        "categories": [category_pk(community)],
        "description": "Ik repareer fietsen.",
        "availability": ["mon-evening", "sat-morning"],
        "max_per_month": "4",
        "area": "",
        "radius_m": "1500",
        "languages_text": "nl, tr",
        "available": "",
    }
    data.update(overrides)
    return data


# --- editing an offer ----------------------------------------------------------------------------


def test_helper_edits_own_offer_with_every_field(community, volunteer, as_person):
    offer = make_offer(community, volunteer, codes=("tuin",))
    client = as_person(volunteer)
    page = client.get(f"/c/wijk/offers/{offer.pk}/edit/").content.decode()
    assert "Ik help graag in de tuin." in page  # the form is filled in from the offer
    place = street(community)
    response = client.post(
        f"/c/wijk/offers/{offer.pk}/edit/", offer_post(community, area=str(place.pk), available="")
    )
    assert response.status_code == 302 and response["Location"] == "/c/wijk/my-help/"
    offer.refresh_from_db()
    assert [c.code for c in offer.categories.all()] == ["klussen"]
    assert offer.description == "Ik repareer fietsen."
    assert offer.availability == ["mon-evening", "sat-morning"]
    assert (offer.max_per_month, offer.radius_m, offer.area) == (4, 1500, place)
    assert offer.languages == ["nl", "tr"]
    assert offer.available is False  # unticked: paused


def test_coordinator_edits_someone_elses_offer(community, volunteer, coordinator, as_person):
    offer = make_offer(community, volunteer)
    response = as_person(coordinator).post(
        f"/c/wijk/offers/{offer.pk}/edit/", offer_post(community, available="on")
    )
    assert response["Location"] == f"/c/wijk/offers/{offer.pk}/"
    offer.refresh_from_db()
    assert offer.description == "Ik repareer fietsen." and offer.available


@pytest.mark.parametrize("role", ["volunteer", "resident", "core_group"])
def test_someone_elses_offer_is_not_found_to_edit(
    community, volunteer, person_factory, as_person, role
):
    """Own or staff, like a request: to anyone else the edit page answers 404, not 403, so that
    the answer does not depend on whether the offer exists."""
    offer = make_offer(community, volunteer)
    other = as_person(person_factory(community, role))
    assert other.get(f"/c/wijk/offers/{offer.pk}/edit/").status_code == 404
    assert other.post(f"/c/wijk/offers/{offer.pk}/edit/", offer_post(community)).status_code == 404
    offer.refresh_from_db()
    assert offer.description == "Ik help graag in de tuin."


def test_partner_cannot_edit_an_offer(community, volunteer, person_factory, as_person):
    offer = make_offer(community, volunteer)
    partner = as_person(person_factory(community, "partner"))
    assert (
        partner.post(f"/c/wijk/offers/{offer.pk}/edit/", offer_post(community)).status_code == 403
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"categories": []},
        {"categories": ["bestaat-niet"]},
        {"description": ""},
        {"availability": ["mon-midnight"]},
        {"max_per_month": "0"},
        {"max_per_month": "99999999999999999999"},
        {"radius_m": "-5"},
        {"area": "999999"},
        {"languages_text": "x" * 121},
        {"languages_text": "klingon"},
    ],
)
def test_bad_offer_input_shows_a_dutch_error_and_stores_nothing(
    community, volunteer, as_person, bad
):
    offer = make_offer(community, volunteer)
    response = as_person(volunteer).post(
        f"/c/wijk/offers/{offer.pk}/edit/", offer_post(community, **bad)
    )
    assert response.status_code == 200
    assert "Kijk de velden hieronder na" in response.content.decode()
    offer.refresh_from_db()
    assert offer.description == "Ik help graag in de tuin." and offer.max_per_month == 2


def test_an_offer_of_another_community_is_not_found(community, volunteer, as_person):
    elsewhere = make_community("elders", "Elders")
    offer = make_offer(elsewhere, make_person(elsewhere, "volunteer"))
    client = as_person(volunteer)
    assert client.get(f"/c/wijk/offers/{offer.pk}/edit/").status_code == 404
    assert client.post(f"/c/wijk/offers/{offer.pk}/edit/", offer_post(community)).status_code == 404
    assert HelpOffer.objects.get(pk=offer.pk).description == "Ik help graag in de tuin."


def test_my_help_and_offer_detail_link_to_the_edit_page(
    community, volunteer, person_factory, as_person
):
    offer = make_offer(community, volunteer)
    link = f"/c/wijk/offers/{offer.pk}/edit/"
    assert link in as_person(volunteer).get("/c/wijk/my-help/").content.decode()
    assert link in as_person(volunteer).get(f"/c/wijk/offers/{offer.pk}/").content.decode()
    stranger = as_person(person_factory(community, "resident"))
    assert link not in stranger.get(f"/c/wijk/offers/{offer.pk}/").content.decode()


def test_offer_form_groups_checkboxes_in_a_fieldset_with_a_legend(volunteer, as_person):
    html = as_person(volunteer).get("/c/wijk/offers/new/").content.decode()
    assert "<legend>Waarmee wilt u helpen?</legend>" in html
    assert 'aria-describedby="id_availability_helptext"><legend>Wanneer kunt u helpen?' in html


# --- the requester changes or cancels their own question ------------------------------------------


def test_requester_edits_title_description_and_urgency(community, resident, as_person):
    help_request = make_request(community, resident)
    client = as_person(resident)
    assert "Heg knippen" in client.get(f"/c/wijk/requests/{help_request.pk}/edit/").content.decode()
    response = client.post(
        f"/c/wijk/requests/{help_request.pk}/edit/",
        {"title": "Heg en gras", "description": "Liefst zaterdag", "urgency": "high"},
    )
    assert response["Location"] == f"/c/wijk/requests/{help_request.pk}/"
    help_request.refresh_from_db()
    assert (help_request.title, help_request.description, help_request.urgency) == (
        "Heg en gras",
        "Liefst zaterdag",
        "high",
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"title": "x" * 121},
        {"urgency": "asap"},
        {"description": "x" * 4001},
    ],
)
def test_bad_request_edit_shows_a_dutch_error_and_stores_nothing(
    community, resident, as_person, bad
):
    help_request = make_request(community, resident)
    data = {"title": "Nieuw", "description": "", "urgency": "low", **bad}
    response = as_person(resident).post(f"/c/wijk/requests/{help_request.pk}/edit/", data)
    assert response.status_code == 200
    assert "Kijk de velden hieronder na" in response.content.decode()
    help_request.refresh_from_db()
    assert (help_request.title, help_request.urgency) == ("Heg knippen", "normal")


def test_someone_else_cannot_edit_or_cancel_a_question(community, resident, volunteer, as_person):
    help_request = make_request(community, resident)
    client = as_person(volunteer)
    base = f"/c/wijk/requests/{help_request.pk}/"
    assert client.post(base + "edit/", {"title": "Weg", "urgency": "low"}).status_code == 404
    assert client.post(base + "cancel/").status_code == 404
    help_request.refresh_from_db()
    assert (help_request.title, help_request.status) == ("Heg knippen", RequestStatus.OPEN)
    assert "edit/" not in client.get(base).content.decode()


def test_a_matched_question_cannot_be_edited_any_more(community, resident, volunteer, as_person):
    match = matched(community, resident, volunteer, state="accepted")
    base = f"/c/wijk/requests/{match.request_id}/"
    client = as_person(resident)
    response = client.post(base + "edit/", {"title": "Anders", "urgency": "low"}, follow=True)
    assert "message-error" in response.content.decode()
    assert HelpRequest.objects.get(pk=match.request_id).title == "Lamp ophangen"
    assert base + "edit/" not in client.get(base).content.decode()


def test_requester_cancels_after_confirming(community, resident, as_person):
    help_request = make_request(community, resident)
    base = f"/c/wijk/requests/{help_request.pk}/"
    client = as_person(resident)
    assert base + "cancel/" in client.get(base).content.decode()
    confirm = client.get(base + "cancel/").content.decode()
    assert "Ja, annuleer mijn vraag" in confirm
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.OPEN  # looking at the question changes nothing
    response = client.post(base + "cancel/", follow=True)
    assert "message-success" in response.content.decode()
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CANCELLED
    again = client.post(base + "cancel/", follow=True)
    assert "message-error" in again.content.decode()


def test_cancelling_a_matched_question_stops_the_match(community, resident, volunteer, as_person):
    match = matched(community, resident, volunteer, state="accepted")
    as_person(resident).post(f"/c/wijk/requests/{match.request_id}/cancel/")
    match.refresh_from_db()
    assert match.state == MatchState.STOPPED
    assert match.request.status == RequestStatus.CANCELLED


def test_a_question_of_another_community_is_not_found(resident, as_person):
    elsewhere = make_community("elders", "Elders")
    help_request = make_request(elsewhere, make_person(elsewhere, "resident"))
    client = as_person(resident)
    for path in ("edit/", "cancel/"):
        assert client.post(f"/c/wijk/requests/{help_request.pk}/{path}").status_code == 404
    assert HelpRequest.objects.get(pk=help_request.pk).status == RequestStatus.OPEN


# --- the referring partner ------------------------------------------------------------------------


def enter_post(requester, **overrides) -> dict:
    data = {
        "requester": str(requester.pk),
        "channel": "referral",
        "referred_by": "",
        "referred_by_text": "",
        "needs_mediation": "on",
        "category": category_pk(requester.community),
        "title": "Gordijnen ophangen",
        "description": "",
        "recurrence": "one_off",
        "rhythm": "",
        "weekday": "",
        "urgency": "normal",
        "preferred_helper": "",
        "disclosure": "",
    }
    data.update(overrides)
    return data


def test_coordinator_records_the_referring_partner(
    community, resident, coordinator, person_factory, as_person
):
    partner = person_factory(community, "partner", name="Petra Wijkverpleging")
    client = as_person(coordinator)
    form = client.get("/c/wijk/requests/new/").content.decode()
    assert "Petra Wijkverpleging" in form
    assert resident.name not in form.split('name="referred_by"')[1].split("</select>")[0]
    response = client.post("/c/wijk/requests/new/", enter_post(resident, referred_by=partner.pk))
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert help_request.referred_by == partner
    assert "Petra Wijkverpleging" in client.get(response["Location"]).content.decode()


def test_a_non_partner_cannot_be_chosen_as_referrer(
    community, resident, coordinator, volunteer, as_person
):
    elsewhere = make_community("elders", "Elders")
    foreign_partner = make_person(elsewhere, "partner")
    for bad in (volunteer.pk, foreign_partner.pk, "abc", "99999999999999999999"):
        response = as_person(coordinator).post(
            "/c/wijk/requests/new/", enter_post(resident, referred_by=bad)
        )
        assert response.status_code == 200
        assert "Kijk de velden hieronder na" in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_a_volunteer_cannot_enter_a_request_for_someone(community, resident, volunteer, as_person):
    response = as_person(volunteer).post("/c/wijk/requests/new/", enter_post(resident))
    assert response.status_code == 403
    assert HelpRequest.objects.count() == 0


# --- the helper wish ------------------------------------------------------------------------------


def test_coordinator_sees_the_wish_and_a_link_to_change_it(
    community, resident, coordinator, as_person
):
    help_request = make_request(community, resident)
    RequestWish.objects.create(request=help_request, gender="only_women")
    html = as_person(coordinator).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Alleen een vrouw" in html
    assert f"/c/wijk/requests/{help_request.pk}/helper-wish/" in html


def test_requester_sees_the_wish_with_a_link_and_others_see_nothing(
    community, resident, volunteer, as_person
):
    help_request = make_request(community, resident)
    RequestWish.objects.create(request=help_request, gender="prefer_men")
    own = as_person(resident).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Liefst een man" in own
    assert f"/c/wijk/requests/{help_request.pk}/helper-wish/" in own  # own open request
    other = as_person(volunteer).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Liefst een man" not in other and "helper-wish/" not in other


def test_requester_without_a_wish_gets_the_link_instead_of_the_coordinator(
    community, resident, as_person
):
    help_request = make_request(community, resident)
    html = as_person(resident).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Geen wens" in html and "Zeg het tegen de coördinator." not in html
    assert f"/c/wijk/requests/{help_request.pk}/helper-wish/" in html
    help_request.status = "done"
    help_request.save(update_fields=["status"])
    closed = as_person(resident).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "helper-wish/" not in closed  # a closed request's wish is no longer changed
