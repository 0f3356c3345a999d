"""A core-group member triages a signal into an action, walked in the browser to the end (issue
13, "a core-group member triages a signal into an action"): from the page they land on to the
signal, "koppelen aan een buur", the coordinators asked with one press; the coordinator follows
the link in the message, enters the request in a few actions, and the core group sees it done on
the signal. Counted in actions; axe-core on every page; nothing scrolls sideways at 320 px."""

import re

import pytest

from naober.exchange.models import HelpRequest
from naober.notify.models import Message
from naober.outreach import triage
from tests.factories import make_community, make_person
from tests.outreach.conftest import actor_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_core_group_turns_a_signal_into_a_request_a_coordinator_enters(
    page, login, axe_check, browser, live_server
):
    community = make_community("wijk", "Buurthulp De Wijk")
    core = make_person(community, "core_group", "resident", name="Koen Kerngroep")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    mien = make_person(community, "resident", login=False, name="Mien Alleen")
    raiser = make_person(community, "resident", name="Riek Buur")
    triage.raise_signal(
        actor_of(raiser), description="Mien komt de deur niet meer uit.", person_concerned=mien
    )

    login(page, core.user.username)
    actions = 3
    page.get_by_role("link", name="1 nieuw signaal wacht op de kerngroep").click()
    actions += 1
    axe_check(page)
    assert page.locator("table caption").count() >= 1
    page.get_by_role("link", name="Mien komt de deur niet meer uit.").click()
    actions += 1
    axe_check(page)
    page.get_by_label("Stand van zaken").select_option(label="wordt aangepakt")
    page.get_by_label("Wat gaan we doen?").select_option(label="koppelen aan een buur")
    page.get_by_role("button", name="Opslaan").click()
    actions += 3
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("button", name="Vraag de coördinatoren dit te doen").click()
    actions += 1
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("besloten: koppelen aan een buur").is_visible()
    assert actions <= 9
    for width in (320, 360):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("/c/wijk/signals/", page.url):
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    body = Message.objects.get(person=coordinator, event="custom").body
    # The message links to the signal's page (the site's address, then the path).
    assert re.search(r"https?://\S+/c/wijk/signals/\d+/", body)
    path = re.search(r"/c/wijk/signals/\d+/", body).group(0)

    staff = browser.new_context(base_url=live_server.url, locale="nl-NL")
    staff_page = staff.new_page()
    login(staff_page, coordinator.user.username)
    steps = 3
    staff_page.goto(path)
    steps += 1
    axe_check(staff_page)
    staff_page.get_by_role("link", name="Hulpvraag invoeren voor Mien Alleen").click()
    steps += 1
    axe_check(staff_page)
    staff_page.get_by_label("Boodschappen").check()
    staff_page.get_by_label("Wat is de hulpvraag?").fill("Samen koffie drinken")
    staff_page.get_by_role("button", name="Hulpvraag opslaan").click()
    steps += 3
    staff_page.wait_for_load_state()
    axe_check(staff_page)
    made = HelpRequest.objects.get(requester=mien)
    assert made.code in staff_page.content()
    assert steps <= 8
    staff.close()

    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    axe_check(page)
    assert page.get_by_text(f"Hulpvraag {made.code} ingevoerd op").is_visible()
    assert page.get_by_role("button", name="Vraag de coördinatoren dit te doen").count() == 0


def test_core_group_starts_an_initiative_from_a_signal(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    core = make_person(community, "core_group", "resident", name="Koen Kerngroep")
    signal = triage.raise_signal(
        actor_of(core), description="Jongeren hebben geen plek.", kind="structural"
    )
    triage.update_signal(
        actor_of(core), signal, {"status": "in_progress", "action": "start_initiative"}
    )
    login(page, core.user.username)
    page.goto(f"/c/wijk/signals/{signal.pk}/")
    axe_check(page)
    page.get_by_role("link", name="Start het initiatief").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_label("Begonnen vanuit signaal").input_value() == str(signal.pk)
    page.get_by_label("Naam van het initiatief").fill("Een honk voor de jongeren")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    axe_check(page)
    page.goto(f"/c/wijk/signals/{signal.pk}/")
    assert page.get_by_role("link", name="Een honk voor de jongeren").is_visible()
