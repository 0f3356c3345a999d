"""Asking for help online, and a coordinator entering a request for someone else."""

from unittest import mock

import pytest

from naober.exchange.models import HelpRequest, RequestStatus
from tests.exchange_pages.builders import matched

pytestmark = pytest.mark.django_db


def category_id(community, code="klussen"):
    return community.categories.get(code=code).pk


def ask_data(community, **changes):
    data = {
        "category": category_id(community),
        "title": "Lamp ophangen in de gang",
        "description": "Liefst in de middag",
        "recurrence": "one_off",
        "rhythm": "",
        "weekday": "",
        "urgency": "normal",
        "disclosure": "Ik hoor slecht.",
    }
    data.update(changes)
    return data


def test_resident_asks_and_sees_the_deadline(community, resident, as_person):
    client = as_person(resident)
    form = client.get("/c/wijk/ask/").content.decode()
    assert "Klussen in en om het huis" in form  # the community's own Dutch category label
    response = client.post("/c/wijk/ask/", ask_data(community), follow=True)
    help_request = HelpRequest.objects.get()
    assert help_request.requester == resident
    assert help_request.channel == "web"
    assert help_request.disclosure == "Ik hoor slecht."
    html = response.content.decode()
    assert "U hoort binnen 48 uur van ons" in html
    assert help_request.code in html


def test_recurring_request_keeps_its_rhythm(community, resident, as_person):
    as_person(resident).post(
        "/c/wijk/ask/", ask_data(community, recurrence="recurring", rhythm="weekly", weekday="1")
    )
    help_request = HelpRequest.objects.get()
    assert (help_request.rhythm, help_request.weekday) == ("weekly", 1)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"title": ""}, "Dit veld is verplicht"),
        ({"category": ""}, "Dit veld is verplicht"),
        ({"category": "999999"}, "Selecteer een geldige keuze"),
        ({"recurrence": "recurring", "rhythm": ""}, "Kies hoe vaak u hulp nodig heeft."),
        ({"urgency": "asap"}, "Selecteer een geldige keuze"),
        ({"title": "x" * 121}, "niet meer dan 120 tekens"),
    ],
)
def test_bad_input_shows_a_dutch_error_and_stores_nothing(
    community, resident, as_person, changes, message
):
    response = as_person(resident).post("/c/wijk/ask/", ask_data(community, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_category_of_another_community_is_refused(community, other_community, resident, as_person):
    foreign = other_community.categories.get(code="klussen").pk
    response = as_person(resident).post("/c/wijk/ask/", ask_data(community, category=foreign))
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_out_of_scope_request_is_referred_with_a_friendly_page(community, resident, as_person):
    with mock.patch("naober.exchange.integrations.refer") as refer:
        response = as_person(resident).post(
            "/c/wijk/ask/",
            ask_data(community, category=category_id(community, "persoonlijke-verzorging")),
            follow=True,
        )
    assert HelpRequest.objects.get().status == RequestStatus.REFERRED
    assert refer.called
    html = response.content.decode()
    assert "We geven uw vraag door" in html
    assert "professionele organisatie" in html


def test_preferred_helper_is_chosen_from_earlier_helpers_only(
    community, resident, volunteer, person_factory, as_person
):
    matched(community, resident, volunteer, state="completed")
    stranger = person_factory(community, "volunteer")
    client = as_person(resident)
    assert "Bram Jansen" in client.get("/c/wijk/ask/").content.decode()
    refused = client.post("/c/wijk/ask/", ask_data(community, preferred_helper=stranger.pk))
    assert "Selecteer een geldige keuze" in refused.content.decode()
    client.post("/c/wijk/ask/", ask_data(community, preferred_helper=volunteer.pk))
    assert HelpRequest.objects.filter(preferred_helper=volunteer).count() == 1


def test_confirmation_page_is_only_for_the_requester(community, resident, volunteer, as_person):
    as_person(resident).post("/c/wijk/ask/", ask_data(community))
    help_request = HelpRequest.objects.get()
    assert as_person(volunteer).get(f"/c/wijk/requests/{help_request.pk}/sent/").status_code == 404


# --- a coordinator enters a request for someone else ---------------------------------------------


def enter_data(community, person, **changes):
    data = ask_data(
        community,
        requester=person.pk,
        channel="phone",
        referred_by_text="Huisarts Bakker",
        needs_mediation="on",
    )
    data.update(changes)
    return data


def test_coordinator_enters_a_phone_request_for_an_offline_resident(
    community, coordinator, person_factory, as_person
):
    offline = person_factory(
        community, "resident", login=False, digital=False, name="Truus Offline"
    )
    client = as_person(coordinator)
    page = client.get("/c/wijk/requests/new/").content.decode()
    assert "/c/wijk/people/new/" in page  # quick registration of someone new
    response = client.post(
        "/c/wijk/requests/new/", enter_data(community, offline, needs_mediation=""), follow=True
    )
    help_request = HelpRequest.objects.get()
    assert (help_request.requester, help_request.channel) == (offline, "phone")
    assert help_request.referred_by_text == "Huisarts Bakker"
    assert help_request.needs_mediation  # forced for someone who is not online
    assert help_request.entered_by == coordinator
    assert help_request.code in response.content.decode()


@pytest.mark.parametrize(
    "changes",
    [{"channel": "web"}, {"channel": "pigeon"}, {"requester": ""}, {"requester": "99999999"}],
)
def test_enter_bad_input_stores_nothing(community, coordinator, person_factory, as_person, changes):
    offline = person_factory(community, "resident", login=False, digital=False)
    response = as_person(coordinator).post(
        "/c/wijk/requests/new/", enter_data(community, offline, **changes)
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_enter_refuses_a_person_of_another_community(
    community, other_community, coordinator, person_factory, as_person
):
    foreign = person_factory(other_community, "resident")
    response = as_person(coordinator).post("/c/wijk/requests/new/", enter_data(community, foreign))
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_volunteer_may_not_enter_for_someone_else(community, volunteer, resident, as_person):
    response = as_person(volunteer).post("/c/wijk/requests/new/", enter_data(community, resident))
    assert response.status_code == 403
    assert HelpRequest.objects.count() == 0
