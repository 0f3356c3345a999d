"""The four doors on the public page, without a login: each lands in its queue and tells the
coordinator on duty; bad input stores nothing and says why in Dutch; a flood from one address is
refused; a robot (honeypot filled, form sent too fast, forged start time) stores nothing."""

import time

import pytest
from django.test import Client

from naober.desk.models import Callback, CallbackSource
from naober.doors import guard
from naober.doors.models import Talent, VolunteerSignup
from naober.notify.models import Message
from naober.outreach.models import Signal

pytestmark = pytest.mark.django_db

GOOD = {
    "callback": {"name": "Gerrit Bos", "phone": "0528 123 456", "when": "'s ochtends"},
    "volunteer": {
        "name": "Ineke Mulder",
        "contact": "06 12345678",
        "likes": "Boodschappen doen",
        "available": "dinsdagmiddag",
    },
    "concern": {
        "about": "meneer op nummer 12",
        "description": "De gordijnen zijn al dagen dicht.",
        "name": "Truus",
        "contact": "truus@voorbeeld.nl",
    },
    "talent": {
        "name": "Henk Smit",
        "good_at": "Fietsen repareren",
        "would_do": "Banden plakken",
        "contact": "06 87654321",
        "may_ask": "on",
    },
}


def stored() -> int:
    return (
        Callback.objects.count()
        + VolunteerSignup.objects.count()
        + Signal.objects.count()
        + Talent.objects.count()
    )


def test_the_public_page_shows_four_doors_in_dutch_and_english(community):
    client = Client()
    page = client.get("/c/wijk/").content.decode()
    for text in ("Bel mij terug", "Ik wil helpen", "zorgen om een buur", "Waar bent u goed in?"):
        assert text in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/c/wijk/"})
    english = client.get("/c/wijk/").content.decode()
    for text in ("Call me back", "I want to help", "I am worried about a neighbour"):
        assert text in english


@pytest.mark.parametrize("door", sorted(GOOD))
def test_each_door_works_without_javascript_and_thanks_with_the_desk_number(
    community, staff, knock, door
):
    community.phone = "0528 999 000"
    community.save()
    form = Client().get(f"/c/wijk/doors/{door}/").content.decode()
    assert 'name="started"' in form and 'name="website"' in form
    assert '<a href="tel:0528999000">0528 999 000</a>' in form  # a tap calls the desk
    response = knock(Client(), door, GOOD[door])
    assert response.status_code == 302 and response.url.endswith(f"/doors/{door}/thanks/")
    thanks = Client().get(response.url).content.decode()
    assert "Wat gebeurt er daarna?" in thanks and "0528 999 000" in thanks
    assert stored() == 1
    told = Message.objects.get(event="door_arrival")
    assert told.person == staff["coordinator"]
    for detail in GOOD[door].values():  # the message names nobody and no number
        if len(detail) > 3:
            assert detail not in told.body


def test_call_back_lands_in_the_desk_queue_with_the_promise_running(community, staff, knock):
    knock(Client(), "callback", GOOD["callback"])
    callback = Callback.objects.get()
    assert (callback.name, callback.phone, callback.good_time) == (
        "Gerrit Bos",
        "0528 123 456",
        "'s ochtends",
    )
    assert callback.source == CallbackSource.PUBLIC and callback.done_at is None


def test_volunteer_and_talent_land_in_the_coordinators_queues(community, staff, knock, page_as):
    knock(Client(), "volunteer", GOOD["volunteer"])
    knock(Client(), "talent", GOOD["talent"])
    coordinator = page_as(staff["coordinator"])
    signups = coordinator.get("/c/wijk/doors/volunteers/").content.decode()
    assert "Ineke Mulder" in signups and "Boodschappen doen" in signups
    talents = coordinator.get("/c/wijk/doors/talents/").content.decode()
    assert "Henk Smit" in talents and "Fietsen repareren" in talents
    assert Talent.objects.get().may_ask is True
    # the intake talk held: the sign-up leaves the queue
    signup = VolunteerSignup.objects.get()
    coordinator.post("/c/wijk/doors/volunteers/", {"signup": signup.pk, "talked": "1"})
    signup.refresh_from_db()
    assert signup.talked_at is not None
    assert "Ineke Mulder" not in coordinator.get("/c/wijk/doors/volunteers/").content.decode()
    # the queues are staff only
    assert page_as(staff["core"]).get("/c/wijk/doors/volunteers/").status_code == 403


def test_a_coordinator_types_in_a_paper_talent_form(community, staff, page_as):
    paper = Client().get("/c/wijk/doors/talent/paper/").content.decode()
    assert "Waar bent u goed in?" in paper and "paper.css" in paper
    coordinator = page_as(staff["coordinator"])
    response = coordinator.post(
        "/c/wijk/doors/talents/",
        {"op": "enter", "name": "Mien Bakker", "good_at": "Breien", "contact": "Kerkstraat 3"},
    )
    assert response.status_code == 302
    talent = Talent.objects.get()
    assert talent.channel == "paper" and talent.entered_by == staff["coordinator"]
    assert not Message.objects.filter(event="door_arrival").exists()


def test_the_concern_becomes_a_signal_and_its_raiser_is_named_to_staff_only(
    community, staff, knock, page_as
):
    knock(Client(), "concern", GOOD["concern"])
    signal = Signal.objects.get()
    assert signal.raised_by is None and "meneer op nummer 12" in signal.description
    url = f"/c/wijk/signals/{signal.pk}/"
    as_staff = page_as(staff["coordinator"]).get(url).content.decode()
    assert "Truus" in as_staff and "truus@voorbeeld.nl" in as_staff
    as_core = page_as(staff["core"]).get(url).content.decode()
    assert "De gordijnen zijn al dagen dicht." in as_core
    assert "Truus" not in as_core and "truus@voorbeeld.nl" not in as_core


BAD = {
    "callback": ({"name": "", "phone": "12"}, "Dit veld is verplicht"),
    "volunteer": ({"name": "Ineke", "contact": "", "likes": ""}, "Dit veld is verplicht"),
    "concern": ({"description": "   "}, "Dit veld is verplicht"),
    "talent": ({"name": "Henk", "good_at": "", "contact": "x"}, "Dit veld is verplicht"),
}


@pytest.mark.parametrize("door", sorted(BAD))
def test_bad_input_says_why_in_dutch_and_stores_nothing(community, staff, knock, door):
    data, error = BAD[door]
    response = knock(Client(), door, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page and "Kijk de velden hieronder na" in page
    assert stored() == 0 and not Message.objects.exists()


def test_a_phone_number_too_short_is_refused(community, staff, knock):
    response = knock(Client(), "callback", {"name": "Gerrit", "phone": "12"})
    assert response.status_code == 200 and Callback.objects.count() == 0


def test_a_concern_with_a_name_but_no_way_back_asks_for_one(community, staff, knock):
    response = knock(Client(), "concern", {"description": "Zorgen", "name": "Truus"})
    assert response.status_code == 200 and Signal.objects.count() == 0


@pytest.mark.parametrize("door", sorted(GOOD))
def test_a_flood_from_one_address_is_refused(community, staff, knock, flood, door):
    client = Client()
    for _ in range(2):
        assert knock(client, door, GOOD[door]).status_code == 302
    refused = knock(client, door, GOOD[door])
    assert refused.status_code == 429
    assert "Te veel pogingen" in refused.content.decode()
    assert stored() == 2
    # another address is still let in
    assert knock(Client(), door, GOOD[door], REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.mark.parametrize(
    "tamper",
    [
        lambda: {"website": "http://spam.example"},
        lambda: {"started": "forged"},
        lambda: {"started": guard.issue("callback")},  # sent at once: no person is that fast
        lambda: {"started": guard.issue("talent", at=time.time() - 10)},  # another door's token
    ],
)
def test_a_robot_is_thanked_and_nothing_is_stored(community, staff, knock, tamper):
    client = Client()
    form = {"started": guard.issue("callback", at=time.time() - 10), **GOOD["callback"], **tamper()}
    response = client.post("/c/wijk/doors/callback/", form)
    assert response.status_code == 302 and response.url.endswith("/thanks/")
    assert stored() == 0 and not Message.objects.exists()


def test_a_page_left_open_overnight_asks_to_send_again_and_keeps_what_was_typed(community, staff):
    """A genuine form older than a day is a person, not a robot: thanking her and storing nothing
    lost her call-back without a word. The page says so, keeps her words, and the second press
    (with the new start time it carries) arrives."""
    client = Client()
    overnight = guard.issue("callback", at=time.time() - guard.MAX_AGE - 600)
    response = client.post(
        "/c/wijk/doors/callback/", {"started": overnight, "website": "", **GOOD["callback"]}
    )
    page = response.content.decode()
    assert response.status_code == 200 and stored() == 0
    assert "Deze pagina stond langer dan een dag open" in page
    assert GOOD["callback"]["name"] in page
    fresh = response.context["form"]["started"].value()
    assert fresh != overnight and guard.verdict("callback", {"started": fresh}) == guard.ROBOT
    later = guard.issue("callback", at=time.time() - 10)  # she reads it and presses again
    again = client.post(
        "/c/wijk/doors/callback/", {"started": later, "website": "", **GOOD["callback"]}
    )
    assert again.status_code == 302 and stored() == 1


def test_an_unknown_door_or_community_is_not_found(community):
    assert Client().get("/c/wijk/doors/achterdeur/").status_code == 404
    assert Client().get("/c/nergens/doors/callback/").status_code == 404


def test_a_talent_with_consent_becomes_an_offer_in_one_click(community, staff, knock, page_as):
    from naober.exchange.models import Category, HelpOffer

    knock(Client(), "talent", GOOD["talent"])
    knock(Client(), "talent", {**GOOD["talent"], "name": "Zonder Toestemming", "may_ask": ""})
    with_consent, without = Talent.objects.order_by("id")
    category = Category.objects.filter(community=community, active=True, in_scope=True).first()
    coordinator = page_as(staff["coordinator"])
    page = coordinator.get("/c/wijk/doors/talents/").content.decode()
    assert page.count('value="offer"') == 1  # only the one who may be asked
    coordinator.post(
        "/c/wijk/doors/talents/",
        {"op": "offer", "talent": with_consent.pk, "category": category.code},
    )
    offer = HelpOffer.objects.get()
    assert offer.helper.name == "Henk Smit" and offer.helper.phone == "06 87654321"
    assert list(offer.categories.all()) == [category] and "Fietsen repareren" in offer.description
    with_consent.refresh_from_db()
    assert with_consent.offer == offer and with_consent.closed_at is not None
    coordinator.post(
        "/c/wijk/doors/talents/", {"op": "offer", "talent": without.pk, "category": category.code}
    )
    assert HelpOffer.objects.count() == 1


def test_a_refused_flood_gives_the_desk_number_to_call_instead(community, staff, knock, flood):
    """Many residents of one care home share one address: whoever is refused hears which
    number to call, not only "call your coordinator"."""
    community.phone = "0528 111 222"
    community.save()
    client = Client()
    for _ in range(2):
        knock(client, "callback", GOOD["callback"])
    page = knock(client, "callback", GOOD["callback"]).content.decode()
    assert f"Bel {community.name}:" in page
    assert 'href="tel:0528 111 222"' in page
