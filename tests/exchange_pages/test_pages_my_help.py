"""My help: my requests, offers and matches; contact details only after a yes; safety advice."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from naober.exchange.models import HelpOffer, Match, MatchState
from naober.people.models import Consent
from tests.exchange_pages.builders import make_offer, matched

pytestmark = pytest.mark.django_db


def consent_to_contact(person):
    Consent.objects.create(person=person, purpose="contact", granted=True, method="online")


@pytest.fixture
def helper(community, person_factory):
    person = person_factory(community, "volunteer", name="Bram Jansen", phone="06 11112222")
    consent_to_contact(person)
    return person


@pytest.fixture
def asker(community, person_factory):
    person = person_factory(community, "resident", name="Annie de Vries", phone="06 33334444")
    consent_to_contact(person)
    return person


def test_contact_details_appear_only_after_acceptance(community, asker, helper, as_person):
    match = matched(community, asker, helper, state="proposed")
    asker_page = as_person(asker).get("/c/wijk/my-help/").content.decode()
    helper_page = as_person(helper).get("/c/wijk/my-help/").content.decode()
    assert "06 11112222" not in asker_page and "06 33334444" not in helper_page
    assert "Ja, graag" in asker_page
    assert "Ja, graag" not in helper_page  # the helper said yes by responding

    as_person(asker).post(f"/c/wijk/matches/{match.pk}/step/", {"to": "yes:requester"})
    match.refresh_from_db()
    assert match.state == MatchState.ACCEPTED
    asker_page = as_person(asker).get("/c/wijk/my-help/").content.decode()
    helper_page = as_person(helper).get("/c/wijk/my-help/").content.decode()
    assert "06 11112222" in asker_page and "06 33334444" in helper_page
    for html in (asker_page, helper_page):
        assert "Veilig en prettig" in html


def test_without_consent_the_coordinator_puts_people_in_touch(
    community, person_factory, helper, as_person
):
    shy = person_factory(community, "resident", phone="06 55556666")
    matched(community, shy, helper, state="accepted")
    html = as_person(helper).get("/c/wijk/my-help/").content.decode()
    assert "06 55556666" not in html
    assert "bereikbaar via de coördinator" in html


def test_a_stranger_cannot_see_or_move_a_match(community, asker, helper, person_factory, as_person):
    match = matched(community, asker, helper, state="proposed")
    stranger = as_person(person_factory(community, "volunteer"))
    assert stranger.get(f"/c/wijk/matches/{match.pk}/").status_code == 404
    assert stranger.post(f"/c/wijk/matches/{match.pk}/step/", {"to": "stopped"}).status_code == 404
    match.refresh_from_db()
    assert match.state == MatchState.PROPOSED


def test_a_step_that_is_not_allowed_gives_a_message_not_an_error(
    community, asker, helper, as_person
):
    match = matched(community, asker, helper, state="proposed")
    client = as_person(asker)
    for to in ("completed", "nonsense", ""):
        response = client.post(f"/c/wijk/matches/{match.pk}/step/", {"to": to}, follow=True)
        assert response.status_code == 200
        assert "message-error" in response.content.decode()
    match.refresh_from_db()
    assert match.state == MatchState.PROPOSED


def test_helper_cannot_accept_on_behalf_of_the_asker(community, asker, helper, as_person):
    match = matched(community, asker, helper, state="proposed")
    as_person(helper).post(f"/c/wijk/matches/{match.pk}/step/", {"to": "accepted"})
    match.refresh_from_db()
    assert match.state == MatchState.PROPOSED


def test_stop_from_my_help(community, asker, helper, as_person):
    match = matched(community, asker, helper, state="accepted")
    as_person(helper).post(
        f"/c/wijk/matches/{match.pk}/step/", {"to": "stopped", "next": "/c/wijk/my-help/"}
    )
    match.refresh_from_db()
    assert match.state == MatchState.STOPPED


def test_step_does_not_redirect_to_another_site(community, asker, helper, as_person):
    match = matched(community, asker, helper, state="proposed")
    response = as_person(asker).post(
        f"/c/wijk/matches/{match.pk}/step/", {"to": "accepted", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/c/wijk/matches/{match.pk}/"


def test_offer_is_created_with_availability_and_can_be_paused(community, volunteer, as_person):
    client = as_person(volunteer)
    page = client.get("/c/wijk/offers/new/").content.decode()
    assert "maandag ochtend" in page  # each checkbox of the grid has its own label
    tuin = community.categories.get(code="tuin").pk
    response = client.post(
        "/c/wijk/offers/new/",
        {
            "categories": [tuin],
            "description": "Ik knip graag heggen.",
            "availability": ["mon-morning", "sat-afternoon"],
            "max_per_month": "3",
            "languages_text": "nl, tr",
        },
    )
    assert response["Location"] == "/c/wijk/my-help/"
    offer = HelpOffer.objects.get()
    assert offer.availability == ["mon-morning", "sat-afternoon"]
    assert (offer.max_per_month, offer.languages) == (3, ["nl", "tr"])
    client.post(f"/c/wijk/offers/{offer.pk}/pause/", {"available": "0"})
    offer.refresh_from_db()
    assert not offer.available
    client.post(f"/c/wijk/offers/{offer.pk}/pause/", {"available": "1"})
    offer.refresh_from_db()
    assert offer.available


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"categories": []}, "Dit veld is verplicht"),
        ({"description": ""}, "Dit veld is verplicht"),
        ({"max_per_month": "0"}, "deze waarde minstens 1 is"),
        ({"max_per_month": "veel"}, "Voer een geheel getal in"),
        ({"availability": ["mon-midnight"]}, "Selecteer een geldige keuze"),
        ({"languages_text": "Nederlands!"}, "kennen we niet. Schrijf bijvoorbeeld: Nederlands"),
        ({"radius_m": "-5"}, "deze waarde minstens 100 is"),
    ],
)
def test_offer_bad_input_shows_a_dutch_error_and_stores_nothing(
    community, volunteer, as_person, changes, message
):
    data = {
        "categories": [community.categories.get(code="tuin").pk],
        "description": "Ik help graag.",
        "max_per_month": "2",
    }
    data.update(changes)
    response = as_person(volunteer).post("/c/wijk/offers/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert HelpOffer.objects.count() == 0


def test_out_of_scope_category_cannot_be_offered(community, volunteer, as_person):
    care = community.categories.get(code="persoonlijke-verzorging").pk
    response = as_person(volunteer).post(
        "/c/wijk/offers/new/",
        {"categories": [care], "description": "Ik help.", "max_per_month": "2"},
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert HelpOffer.objects.count() == 0


def test_someone_elses_offer_cannot_be_paused(community, volunteer, person_factory, as_person):
    offer = make_offer(community, person_factory(community, "volunteer"))
    response = as_person(volunteer).post(f"/c/wijk/offers/{offer.pk}/pause/", {"available": "0"})
    assert response.status_code == 404  # own or staff: to anyone else it is not found
    offer.refresh_from_db()
    assert offer.available


def test_a_proposal_says_who_must_answer_next(community, asker, helper, coordinator, as_person):
    """A coordinator's proposal waits for both: neither card may say it only waits for the other."""
    match = matched(
        community, asker, helper, state="proposed", mediated=True, coordinator=coordinator
    )
    helper_page = as_person(helper).get("/c/wijk/my-help/").content.decode()
    asker_page = as_person(asker).get("/c/wijk/my-help/").content.decode()
    assert "Kunt u Annie hiermee helpen?" in helper_page
    assert "We wachten tot de buur ja zegt." not in helper_page
    assert "Een buur wil u helpen. Zegt u ja?" in asker_page

    as_person(asker).post(f"/c/wijk/matches/{match.pk}/step/", {"to": "yes:requester"})
    asker_page = as_person(asker).get("/c/wijk/my-help/").content.decode()
    assert "We wachten tot de buur ja zegt." in asker_page
    assert "Een buur wil u helpen. Zegt u ja?" not in asker_page


def test_saying_no_is_thanked_in_plain_words(community, asker, helper, as_person):
    """'Opgeslagen: afgewezen.' read as a verdict; a 'no' is fine and is thanked for."""
    match = matched(community, asker, helper, state="proposed")
    response = as_person(asker).post(
        f"/c/wijk/matches/{match.pk}/step/",
        {"to": "declined"},
        HTTP_ACCEPT_LANGUAGE="nl",
        follow=True,
    )
    match.refresh_from_db()
    assert match.state == MatchState.DECLINED
    html = response.content.decode()
    assert "U hebt nee gezegd. Dat is goed, dank u voor het laten weten." in html
    assert "Opgeslagen: afgewezen" not in html


def test_languages_are_written_as_names_and_shown_as_names(community, volunteer, as_person):
    """A resident writes "Nederlands en Turks", not the codes nl, tr; the edit form shows the
    names again, so nobody has to know that Turkish is "tr"."""
    client = as_person(volunteer)
    tuin = community.categories.get(code="tuin").pk
    client.post(
        "/c/wijk/offers/new/",
        {
            "categories": [tuin],
            "description": "Ik knip graag heggen.",
            "availability": ["mon-morning"],
            "max_per_month": "3",
            "languages_text": "Nederlands en turks, Engels",
        },
    )
    offer = HelpOffer.objects.get()
    assert offer.languages == ["nl", "tr", "en"]
    page = client.get(f"/c/wijk/offers/{offer.pk}/edit/").content.decode()
    assert 'value="Nederlands, Turks, Engels"' in page
    assert "Bijvoorbeeld: Nederlands, Turks" in page


@pytest.mark.parametrize(
    "state,helper_reads,asker_reads",
    [
        ("declined", "U helpt Annie hier niet mee", "helpt u hier niet mee"),
        ("stopped", "U helpt Annie hier niet mee", "helpt u hier niet mee"),
        ("completed", "U hebt Annie geholpen", "heeft u geholpen"),
    ],
)
def test_a_closed_match_does_not_read_as_help_going_on(
    community, asker, helper, as_person, state, helper_reads, asker_reads
):
    if state == "completed":
        matched(community, asker, helper, state=state)
    else:  # the builder walks only forward; a no or a stop closes the match the same way
        match = matched(community, asker, helper, state="proposed")
        Match.objects.filter(pk=match.pk).update(state=state)
    helper_page = as_person(helper).get("/c/wijk/my-help/", HTTP_ACCEPT_LANGUAGE="nl")
    asker_page = as_person(asker).get("/c/wijk/my-help/", HTTP_ACCEPT_LANGUAGE="nl")
    html = helper_page.content.decode()
    assert helper_reads in html
    assert "U helpt Annie<" not in html
    assert asker_reads in asker_page.content.decode()


def test_match_history_dates_use_lowercase_dutch_months(community, asker, helper, as_person):
    match = matched(community, asker, helper, state="accepted")
    html = as_person(helper).get(f"/c/wijk/matches/{match.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    month = date_format(timezone.localtime(), "F")
    assert month == month.lower()
    assert f" {month} " in html.content.decode()
