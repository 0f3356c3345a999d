"""Browser walks of issue 13.8 and 13.10: switching the language keeps what was typed; after a
form error the focus lands on the error summary whose links lead to the fields; nothing scrolls
sideways on a 320 px screen on the pages a coordinator and a resident reach from their menu."""

import pytest

from naober.exchange import services
from tests.exchange.helpers import actor_of
from tests.factories import make_community, make_person

TITLE = "Waar heeft u hulp bij nodig?"


@pytest.fixture
def wijk(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    resident = make_person(
        community,
        "resident",
        name="Annie de Vries",
        email="annie.de.vries.met.een.heel.lang.adres@voorbeeld-gemeente-drenthe.example",
    )
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    helper = make_person(community, "volunteer", name="Bram Jansen")
    services.create_offer(
        actor_of(helper), {"categories": ["klussen"], "description": "Handig met gereedschap."}
    )
    services.create_request(actor_of(resident), {"category": "klussen", "title": "Lamp ophangen"})
    return {"resident": resident, "coordinator": coordinator}


@pytest.mark.django_db(transaction=True)
def test_switching_language_keeps_what_was_typed(page, login, axe_check, wijk):
    login(page, wijk["resident"].user.username)
    page.goto("/c/wijk/ask/")
    page.get_by_label(TITLE).fill("Lamp ophangen in de gang")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_label("What do you need help with?").input_value() == (
        "Lamp ophangen in de gang"
    )
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_after_an_error_the_summary_has_the_focus_and_links_to_the_field(
    page, login, axe_check, wijk
):
    login(page, wijk["resident"].user.username)
    page.goto("/c/wijk/ask/")
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    page.wait_for_load_state()
    axe_check(page)
    focused = page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert focused, "the error summary should have the focus"
    summary = page.locator("[data-error-summary]")
    first = summary.get_by_role("link").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("'#' + document.activeElement.id") == target


def _menu_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("header nav a", "els => els.map(e => e.getAttribute('href'))")
    return [h for h in hrefs if h and h.startswith("/c/") and "logout" not in h]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("who", ["coordinator", "resident"])
def test_nothing_scrolls_sideways_at_320px(browser, live_server, login, wijk, who):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 320, "height": 640}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login(page, wijk[who].user.username)
        page.goto("/c/wijk/")
        wide = []
        for path in ["/c/wijk/", *_menu_links(page)]:
            page.goto(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 321:
                wide.append(f"{path}: {width}px")
        assert not wide, "pages wider than 320 px:\n" + "\n".join(wide)
    finally:
        context.close()
