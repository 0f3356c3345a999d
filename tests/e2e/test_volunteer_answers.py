"""Browser walks of a volunteer's answer to a proposal, as an outside reviewer walks them (issue
13.2): the coordinator proposes a helper she knows by name; the volunteer follows the link in the
e-mail, logs in and says yes on the page it opens; a no asks "are you sure?" first (without
JavaScript) and says what happens next; the requester's own yes completes the match."""

import re

import pytest

from naober.exchange import services
from naober.exchange.models import Match, MatchState
from naober.notify.models import Message
from naober.people.models import Consent
from tests.exchange.helpers import actor_of
from tests.factories import make_community, make_person


@pytest.fixture
def buurt(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    people = {
        "coordinator": make_person(community, "coordinator", name="Carla Coördinator"),
        "volunteer": make_person(community, "volunteer", name="Vincent Dijkstra"),
        "resident": make_person(community, "resident", name="Rika Zuidema"),
    }
    for person in people.values():
        Consent.objects.create(person=person, purpose="contact", granted=True, method="online")
    people["offer"] = services.create_offer(
        actor_of(people["volunteer"]),
        {"categories": ["boodschappen"], "description": "Ik doe graag boodschappen."},
    )
    people["request"] = services.create_request(
        actor_of(people["resident"]),
        {
            "category": "boodschappen",
            "title": "Boodschappen na mijn operatie",
            "description": "Ik kan een week niet lopen.",
        },
    )
    return people


def press(page, axe_check, name: str):
    page.get_by_role("button", name=name).first.click()
    page.wait_for_load_state()
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_proposed_by_name_then_yes_from_the_link_in_the_email(page, login, axe_check, buurt):
    login(page, buurt["coordinator"].user.username)
    page.goto(f"/c/wijk/requests/{buurt['request'].pk}/")
    page.get_by_role("link", name="Iemand anders voorstellen: zoek een helper op naam").click()
    page.get_by_label("Typ de naam").fill("Vincent")
    press(page, axe_check, "Zoeken")
    press(page, axe_check, "Vincent voorstellen")
    assert page.get_by_text("Vincent Dijkstra is voorgesteld.").is_visible()
    match = Match.objects.get()
    assert match.helper == buurt["volunteer"] and match.state == MatchState.PROPOSED
    page.context.clear_cookies()

    mail = Message.objects.get(person=buurt["volunteer"], event="match_proposed")
    link = re.search(r"/c/wijk/matches/\d+/", mail.body).group(0)
    page.goto(link)  # the link of the e-mail: first the login page, then the match itself
    page.get_by_label("Gebruikersnaam").fill(buurt["volunteer"].user.username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.url.endswith(link)
    axe_check(page)
    assert page.get_by_text("Ik kan een week niet lopen.").is_visible()  # what is asked
    press(page, axe_check, "Ja, ik help graag")
    assert page.get_by_text("Nu wachten we op Rika").is_visible()
    match.refresh_from_db()
    assert match.helper_yes_at and match.state == MatchState.PROPOSED
    page.context.clear_cookies()

    login(page, buurt["resident"].user.username)
    page.goto("/c/wijk/")
    axe_check(page)
    assert page.get_by_text("Vincent wil u graag helpen.").is_visible()
    press(page, axe_check, "Ja, graag")
    match.refresh_from_db()
    assert match.state == MatchState.ACCEPTED


@pytest.mark.django_db(transaction=True)
def test_saying_no_asks_first_and_says_what_happens_next(page, login, axe_check, buurt):
    services.propose(actor_of(buurt["coordinator"]), buurt["request"], buurt["offer"])
    login(page, buurt["volunteer"].user.username)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/c/wijk/")
    press(page, axe_check, "Nee, dank u")
    assert page.get_by_role("heading", name="Wilt u nee zeggen?").is_visible()
    assert page.get_by_text(
        "De coördinator zoekt dan iemand anders om Rika te helpen."
    ).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("link", name="Nee, ga terug").click()  # changed her mind: nothing happened
    page.wait_for_load_state()
    assert Match.objects.get().state == MatchState.PROPOSED
    press(page, axe_check, "Nee, dank u")
    press(page, axe_check, "Ja, ik zeg nee")
    assert page.url.endswith("/c/wijk/")
    assert page.get_by_text("U hoeft verder niets te doen.").is_visible()
    assert page.get_by_role("heading", name="Er wacht een vraag op uw antwoord").count() == 0
    assert Match.objects.get().state == MatchState.DECLINED


@pytest.mark.django_db(transaction=True)
def test_coordinator_finds_the_askers_yes_to_record_in_its_own_queue(page, login, axe_check, buurt):
    offline = make_person(
        buurt["coordinator"].community, "resident", login=False, name="Truus Offline"
    )
    help_request = services.create_request(
        actor_of(buurt["coordinator"]),
        {"category": "boodschappen", "title": "Brood halen", "channel": "phone"},
        requester=offline,
    )
    match = services.propose(actor_of(buurt["coordinator"]), help_request, buurt["offer"])
    services.say_yes(actor_of(buurt["volunteer"]), match)

    login(page, buurt["coordinator"].user.username)
    page.goto("/c/wijk/workbench/")
    page.get_by_role("link", name="Wacht op ja van de hulpvrager (1)").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("link", name="Brood halen").first.click()
    page.wait_for_load_state()
    press(page, axe_check, "Truus Offline zei ja (telefonisch)")
    match.refresh_from_db()
    assert match.state == MatchState.ACCEPTED and match.requester_yes_by == buurt["coordinator"]


@pytest.mark.django_db(transaction=True)
def test_coordinator_proposes_the_volunteer_from_his_offer(page, login, axe_check, buurt):
    login(page, buurt["coordinator"].user.username)
    page.goto(f"/c/wijk/offers/{buurt['offer'].pk}/")
    axe_check(page)
    assert page.get_by_role("button", name="Ja, ik wil graag hulp van Vincent").count() == 0
    assert page.get_by_role("heading", name="Vincent voorstellen voor een vraag").is_visible()
    press(page, axe_check, "Vincent voorstellen")
    match = Match.objects.get()
    assert match.request == buurt["request"] and match.helper == buurt["volunteer"]
