"""Browser tests for outreach and volunteers: the visit that becomes an offer and a request, the
signal whose outcome reaches the resident, and the volunteers overview. axe-core on every page."""

import re
from datetime import date

import pytest

from naober.exchange.models import HelpOffer, HelpRequest
from naober.outreach.models import Signal, WalkEntry, WalkList
from tests.factories import make_community, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_records_a_visit_with_consent_and_turns_it_into_offer_and_request(
    page, login, axe_check
):
    community = make_community("wijk", "Buurthulp De Wijk")
    visitor = make_person(community, "volunteer", name="Vera Bezoeker")
    resident = make_person(
        community, "resident", login=False, name="Riek Bewoner", address="Dorpsstraat 12"
    )
    walk_list = WalkList.objects.create(community=community, area=resident.area, name="Ronde 1")
    WalkEntry.objects.create(
        walk_list=walk_list,
        kind="every_nth",
        address="Dorpsstraat 12",
        person=resident,
        visitor=visitor,
        position=1,
    )

    login(page, visitor.user.username)
    page.goto("/c/wijk/visits/")
    axe_check(page)
    page.get_by_role("link", name="Dorpsstraat 12").click()
    axe_check(page)
    page.get_by_label("Datum van het bezoek").fill(date.today().isoformat())
    page.get_by_role("radio", name="We hebben een gesprek gehad").check()
    surroundings = page.get_by_role("group", name="Mijn omgeving")
    surroundings.get_by_label("Wat de bewoner nodig heeft").fill("Hulp bij het snoeien van de heg")
    surroundings.get_by_role("radio", name="Buren kunnen helpen").check()
    activities = page.get_by_role("group", name="Activiteiten die ik belangrijk vind")
    activities.get_by_label("Wat de bewoner kan bieden").fill("Soep koken voor een buur")
    page.get_by_role("group", name="Mogen we aantekeningen van dit bezoek bewaren?").get_by_role(
        "radio", name="Ja"
    ).check()
    page.get_by_role("group", name=re.compile("Mogen we buren zoeken")).get_by_role(
        "radio", name="Ja"
    ).check()
    page.get_by_role("button", name="Bezoek opslaan").click()
    page.wait_for_load_state()
    axe_check(page)

    page.get_by_label(re.compile("^Aanbod: Soep koken")).check()
    page.get_by_label("Soort hulp").first.select_option(label="Gezelschap en wandelen")
    page.get_by_label(re.compile("^Vraag: Hulp bij het snoeien")).check()
    page.get_by_label("Soort hulp").nth(1).select_option(label="Tuin")
    page.get_by_role("button", name="Aanbod en vragen maken").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Gemaakt van dit bezoek").is_visible()
    request = HelpRequest.objects.get()
    assert request.requester == resident and request.channel == "house_visit"
    assert request.needs_mediation
    assert HelpOffer.objects.get().helper == resident


def test_resident_raises_a_signal_and_sees_the_public_outcome(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    resident = make_person(community, "resident", name="Riek Bewoner")
    core = make_person(community, "core_group", name="Koen Kerngroep")

    login(page, resident.user.username)
    page.goto("/c/wijk/signals/new/")
    axe_check(page)
    page.get_by_label("Wat is u opgevallen?").fill("De lantaarn in het steegje is al weken kapot.")
    page.get_by_role("radio", name="Over de hele buurt").check()
    page.get_by_role("button", name="Signaal versturen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Nog niets. De kerngroep gaat ernaar kijken.").is_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login(page, core.user.username)
    page.goto("/c/wijk/signals/")
    axe_check(page)
    page.get_by_role("link", name=re.compile("De lantaarn")).click()
    axe_check(page)
    page.locator("select[name='triage-status']").select_option("closed")
    page.get_by_label("Wat we vertellen aan wie het doorgaf").fill(
        "De gemeente heeft de lantaarn gerepareerd."
    )
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    axe_check(page)
    assert Signal.objects.get().status == "closed"
    page.get_by_role("button", name="Uitloggen").click()

    login(page, resident.user.username)
    page.goto("/c/wijk/signals/mine/")
    axe_check(page)
    assert page.get_by_text("De gemeente heeft de lantaarn gerepareerd.").is_visible()


def test_volunteers_overview(page, login, axe_check):
    from naober.volunteering.models import Appreciation, VolunteerProfile
    from naober.volunteering.selectors import add_months

    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    volunteer = make_person(community, "volunteer", name="Vera Vrijwilliger")
    profile = VolunteerProfile.objects.create(
        community=community, person=volunteer, vog_issued_on=add_months(date.today(), -35)
    )
    Appreciation.objects.create(
        profile=profile, kind="gift", given_on=date.today(), note="Bos bloemen", by=coordinator
    )

    login(page, coordinator.user.username)
    page.goto("/c/wijk/volunteers/")
    axe_check(page)
    assert page.get_by_role("heading", name="VOG verlopen of verloopt binnenkort").is_visible()
    assert page.get_by_text("Bos bloemen").is_visible()
    page.get_by_role("link", name="Vera Vrijwilliger").first.click()
    axe_check(page)
    page.get_by_label("Training", exact=True).fill("Signaleren in de buurt")
    page.locator("input[name='training-held_on']").fill("2026-01-10")
    page.get_by_role("button", name="Training toevoegen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert profile.trainings.count() == 1
