"""The foundation in a real browser: Dutch first, keyboard and zoom friendly, axe-clean."""

import pytest

from naober.communities.models import Role
from naober.people.models import Person
from tests.factories import make_community, make_person
from tests.foundation.test_foundation_tenancy import offer_of, request_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def wijk():
    return make_community("wijk", "Buurthulp De Wijk")


def test_landing_is_dutch_and_the_skip_link_works(page, axe_check, wijk):
    page.goto("/")
    axe_check(page)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Buren helpen buren"
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_switch_to_english_and_back(page, axe_check, wijk):
    page.goto("/c/wijk/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/c/wijk/")
    assert page.get_by_role("link", name="Skip to the content").count() == 1
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_coordinator_registers_someone_offline_and_records_spoken_consent(
    page, axe_check, login, wijk
):
    coordinator = make_person(wijk, Role.COORDINATOR, name="Carla Hofstede")
    login(page, coordinator.user.username)
    page.goto("/c/wijk/people/")
    axe_check(page)
    page.get_by_role("link", name="Iemand inschrijven").click()
    axe_check(page)
    page.get_by_label("Naam", exact=True).fill("Bep Offline")
    page.get_by_label("alleen bereikbaar via de coördinator").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Bep Offline"
    assert "via de coördinator" in page.content()
    page.get_by_label("Toestemming voor").select_option("matching")
    page.get_by_label("Ja, geeft toestemming").check()
    page.get_by_label("Hoe is het gegeven?").select_option("spoken")
    page.get_by_role("button", name="Vastleggen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("De toestemming is vastgelegd.").is_visible()
    person = Person.objects.get(name="Bep Offline")
    assert person.user is None
    assert person.consents.get().method == "spoken"


def test_a_form_error_is_shown_in_dutch_next_to_the_field(page, axe_check, login, wijk):
    coordinator = make_person(wijk, Role.COORDINATOR)
    login(page, coordinator.user.username)
    page.goto("/c/wijk/people/new/")
    page.get_by_label("Naam", exact=True).fill("Bep")
    page.get_by_label("Telefoonnummer").fill("bel me maar")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    axe_check(page)
    field = page.locator(".field", has=page.locator("#id_phone"))
    assert "alleen cijfers" in field.inner_text()
    assert not Person.objects.filter(name="Bep").exists()


def test_resident_views_own_profile(page, axe_check, login, wijk):
    resident = make_person(wijk, Role.RESIDENT, name="Rika Zuidema")
    login(page, resident.user.username)
    page.goto("/c/wijk/")
    axe_check(page)
    page.get_by_text("Mijn account").click()  # the menu group that holds it
    page.get_by_role("link", name="Mijn gegevens").click()
    page.wait_for_load_state()
    axe_check(page)
    assert "Rika Zuidema" in page.content() and resident.phone in page.content()
    page.get_by_label("Toestemming voor").select_option("contact")
    page.get_by_label("Ja, ik geef toestemming").check()
    page.get_by_role("button", name="Mijn keuze opslaan").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Uw keuze is opgeslagen.").is_visible()
    assert resident.consents.get().method == "online"


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.fixture
def busy_wijk(wijk):
    asker = make_person(wijk, name="Johanna de Vries")
    helper = make_person(wijk, name="Gerrit Kerkhof")
    request_of(
        asker, "Hulp bij het ophangen van een heel lange gordijnrail in de woonkamer", publish=True
    )
    offer_of(helper, "Ik help graag met boodschappen, de tuin en kleine klusjes in huis")
    return wijk


def test_community_home_at_200_percent_zoom(browser, live_server, axe_check, busy_wijk):
    # 200% zoom of a 1280px window: the page lays out as on a 640px-wide screen, twice as big.
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL",
        viewport={"width": 640, "height": 800}, device_scale_factor=2,
    )  # fmt: skip
    page = context.new_page()
    try:
        page.goto("/c/wijk/")
        axe_check(page)
        assert _no_horizontal_scroll(page)
        # Published, so on the public page: the first name, never the street (issue 12.7).
        assert page.get_by_text("Johanna", exact=True).first.is_visible()
        assert "Johanna, Dorpsstraat" not in page.content()
    finally:
        context.close()


def test_community_home_on_a_small_phone(browser, live_server, axe_check, busy_wijk):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL",
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
    )  # fmt: skip
    page = context.new_page()
    try:
        page.goto("/c/wijk/")
        axe_check(page)
        assert _no_horizontal_scroll(page)
        assert page.get_by_role("button", name="English").is_visible()
    finally:
        context.close()
