"""Browser tests of the help exchange: asking online, helping a neighbour, the coordinator's
phone-to-match flow, and the printable notice-board sheet. Every page is checked with axe."""

import pytest

from naober.exchange import services
from naober.exchange.models import FollowUp, HelpRequest, Match, MatchState
from naober.people.models import Consent
from tests.exchange.helpers import actor_of
from tests.factories import make_community, make_person


def go(page, axe_check, path: str):
    page.goto(path)
    axe_check(page)


def submit(page, axe_check, name: str):
    page.get_by_role("button", name=name).first.click()
    page.wait_for_load_state()
    axe_check(page)


def switch_user(page, login, person):
    page.context.clear_cookies()
    login(page, person.user.username)


@pytest.mark.django_db(transaction=True)
def test_resident_asks_for_help_online(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    resident = make_person(community, "resident", name="Annie de Vries")
    login(page, resident.user.username)
    go(page, axe_check, "/c/wijk/")
    page.get_by_role("link", name="Vraag hulp").first.click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label("Klussen in en om het huis").check()
    page.get_by_label("Waar heeft u hulp bij nodig?").fill("Lamp ophangen in de gang")
    page.get_by_label("Is er iets wat een helper vooraf moet weten?").fill("Ik hoor slecht.")
    submit(page, axe_check, "Verstuur mijn vraag")
    assert page.get_by_text("U hoort binnen 48 uur van ons.").is_visible()
    help_request = HelpRequest.objects.get()
    assert page.get_by_text(help_request.code).first.is_visible()


@pytest.mark.django_db(transaction=True)
def test_volunteer_responds_and_resident_accepts(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    resident = make_person(community, "resident", name="Annie de Vries", phone="06 33334444")
    volunteer = make_person(community, "volunteer", name="Bram Jansen", phone="06 11112222")
    for person in (resident, volunteer):
        Consent.objects.create(person=person, purpose="contact", granted=True, method="online")
    services.create_request(
        actor_of(resident),
        {"category": "klussen", "title": "Lamp ophangen", "disclosure": "Ik zit in een rolstoel."},
    )
    services.create_offer(
        actor_of(volunteer), {"categories": ["klussen"], "description": "Handig met gereedschap."}
    )

    login(page, volunteer.user.username)
    go(page, axe_check, "/c/wijk/requests/")
    page.get_by_role("link", name="Lamp ophangen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Ik zit in een rolstoel.").is_visible()
    assert page.get_by_text("06 33334444").count() == 0
    submit(page, axe_check, "Ik wil helpen")
    assert Match.objects.get().state == MatchState.PROPOSED

    switch_user(page, login, resident)
    go(page, axe_check, "/c/wijk/my-help/")
    assert page.get_by_text("06 11112222").count() == 0
    submit(page, axe_check, "Ja, graag")
    go(page, axe_check, "/c/wijk/my-help/")
    assert page.get_by_text("06 11112222").is_visible()
    assert page.get_by_role("heading", name="Veilig en prettig").is_visible()

    switch_user(page, login, volunteer)
    go(page, axe_check, "/c/wijk/my-help/")
    assert page.get_by_text("06 33334444").is_visible()
    assert page.get_by_role("heading", name="Veilig en prettig").is_visible()


@pytest.mark.django_db(transaction=True)
def test_coordinator_turns_a_phone_call_into_a_match(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    make_person(community, "resident", login=False, digital=False, name="Truus Offline")
    helper = make_person(community, "volunteer", name="Gerrit Groen")
    services.create_offer(
        actor_of(helper), {"categories": ["tuin"], "description": "Ik knip graag heggen."}
    )
    login(page, coordinator.user.username)
    go(page, axe_check, "/c/wijk/requests/new/")
    page.get_by_label("Wie heeft hulp nodig?").select_option(label="Truus Offline, Dorpsstraat")
    page.get_by_label("Hoe kwam de hulpvraag binnen?").select_option("phone")
    page.get_by_label("Tuin", exact=True).check()
    page.get_by_label("Wat is de hulpvraag?").fill("Heg knippen voor de winter")
    submit(page, axe_check, "Hulpvraag opslaan")
    help_request = HelpRequest.objects.get()
    assert help_request.channel == "phone" and help_request.needs_mediation

    go(page, axe_check, "/c/wijk/workbench/?queue=new")
    page.get_by_role("link", name="Voorgestelde helpers tonen").first.click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Gerrit Groen").first.is_visible()
    submit(page, axe_check, "Gerrit voorstellen")
    match = Match.objects.get()
    assert match.mode == "mediated"
    submit(page, axe_check, "Gerrit Groen zei ja (telefonisch)")
    submit(page, axe_check, "Truus Offline zei ja (telefonisch)")
    page.get_by_label("Datum en tijd").fill("2030-05-04T10:30")
    page.get_by_label("Plaats").fill("Buurthuis De Kern")
    submit(page, axe_check, "Koppelingsgesprek opslaan")
    match.refresh_from_db()
    assert match.state == MatchState.INTRODUCED
    submit(page, axe_check, "Vastleggen dat de hulp is begonnen")
    match.refresh_from_db()
    assert match.state == MatchState.ACTIVE
    followup = FollowUp.objects.get(match=match)
    go(page, axe_check, f"/c/wijk/workbench/follow-ups/{followup.pk}/")
    page.get_by_label("Hoe ging het?").fill("Truus is heel blij met Gerrit.")
    page.get_by_label("ja", exact=True).check()
    submit(page, axe_check, "Gesprek opslaan")
    followup.refresh_from_db()
    assert followup.done_at is not None and followup.would_help_others == "yes"


@pytest.mark.django_db(transaction=True)
def test_notice_board_sheet_renders(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator")
    resident = make_person(community, "resident", name="Annie de Vries")
    help_request = services.create_request(
        actor_of(resident),
        {"category": "boodschappen", "title": "Boodschappen op vrijdag", "publish": True},
    )
    login(page, coordinator.user.username)
    go(page, axe_check, "/c/wijk/workbench/")
    page.get_by_text("Prikbordvellen").click()
    page.get_by_role("link", name="Krakeel").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("heading", name="Buren helpen buren in Krakeel").is_visible()
    assert page.locator(".sheet-code", has_text=help_request.code).is_visible()
    assert page.locator(".strip-code", has_text=help_request.code).is_visible()
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()


@pytest.mark.django_db(transaction=True)
def test_volunteer_edits_an_offer_on_a_small_phone(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    volunteer = make_person(community, "volunteer", name="Bram Jansen")
    offer = services.create_offer(
        actor_of(volunteer), {"categories": ["tuin"], "description": "Ik help graag in de tuin."}
    )
    page.set_viewport_size({"width": 360, "height": 780})
    login(page, volunteer.user.username)
    go(page, axe_check, "/c/wijk/my-help/")
    page.get_by_role("link", name="Dit aanbod wijzigen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    page.get_by_label("Klussen in en om het huis").check()
    page.get_by_label("Vertel wat u kunt doen").fill("Tuin en kleine klussen.")
    page.get_by_label("zaterdag ochtend").check()
    page.get_by_label("Zichtbaar voor buren").uncheck()
    submit(page, axe_check, "Wijzigingen opslaan")
    assert page.get_by_text("Het aanbod is opgeslagen.").is_visible()
    offer.refresh_from_db()
    assert offer.description == "Tuin en kleine klussen."
    assert offer.availability == ["sat-morning"] and not offer.available
    assert {c.code for c in offer.categories.all()} == {"tuin", "klussen"}
