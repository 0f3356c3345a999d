"""Keyboard-only walk of the intake screen (issue 13.3): a coordinator takes a call from a new
caller without phone or e-mail, registers her, enters her request, proposes a helper and writes
down the call-back, from the desk page, in fewer than 15 actions. Each action is one key press
sequence that focuses and fills one field or presses one button; axe on every page."""

import pytest
from playwright.sync_api import expect

from naober.exchange.models import ContactLog, HelpRequest, Match
from naober.exchange.selectors import categories_of
from naober.people.models import ContactChannel, Person
from tests.exchange.helpers import make_offer
from tests.factories import make_community, make_person


class Keyboard:
    """Drives the page with the keyboard only and counts the actions."""

    def __init__(self, page):
        self.page, self.actions = page, 0

    def _tab_to(self, selector: str) -> None:
        """Tab until the focused element matches: a CSS selector, or "button=Text"."""
        css, text = (selector.split("=", 1)) if selector.startswith("button=") else (selector, "")
        script = "([c, t]) => document.activeElement.matches(c)"
        script += " && document.activeElement.textContent.includes(t)"
        for _press in range(60):
            if self.page.evaluate(script, [css, text]):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {selector}")

    def press(self, selector: str, key: str = "Enter") -> None:
        """Focus (Tab) and press: one action."""
        self._tab_to(selector)
        self.page.keyboard.press(key)
        self.actions += 1

    def type(self, selector: str, text: str) -> None:
        """Focus (Tab) and type a text: one action."""
        self._tab_to(selector)
        self.page.keyboard.type(text)
        self.actions += 1

    def submit(self, selector: str) -> None:
        """Focus a button or link and press Enter; waits for the next page."""
        with self.page.expect_navigation():
            self.press(selector)


@pytest.fixture
def intake_desk(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    first = categories_of(community).first()
    helper = make_person(community, "volunteer", name="Henk Helper")
    make_offer(community, helper, codes=(first.code,))
    return {"coordinator": coordinator, "category": first}


@pytest.mark.django_db(transaction=True)
def test_new_caller_entered_and_proposed_by_keyboard_in_under_15_actions(
    page, login, axe_check, intake_desk
):
    """From the page a coordinator lands on after login. She has no phone and no e-mail: the
    name typed in the search is not typed again, and step 4 is a visit, not a call-back."""
    login(page, intake_desk["coordinator"].user.username)
    page.wait_for_url("**/c/wijk/workbench/**")
    axe_check(page)
    keys = Keyboard(page)
    keys.submit('a[href="/c/wijk/desk/intake/"]')
    axe_check(page)
    keys.type("#id_q", "Mevrouw Jansen")  # the live search answers while she is typed
    expect(page.get_by_text("Niemand gevonden met deze naam")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Mevrouw Jansen")
    axe_check(page)
    keys.press("#id_reachable_via_coordinator", " ")
    keys.submit("button=Inschrijven en verder")
    caller = Person.objects.get(name="Mevrouw Jansen")
    assert caller.preferred_channel == ContactChannel.VIA_COORDINATOR
    axe_check(page)
    keys.press("#id_category", "ArrowDown")
    keys.type("#id_title", "Boodschappen op donderdag")
    keys.press("#id_matching_consent", "ArrowDown")
    keys.submit("button=vraag opslaan")
    help_request = HelpRequest.objects.get(requester=caller)
    assert help_request.category == intake_desk["category"]
    axe_check(page)
    keys.submit("button=Henk Helper voorstellen")
    match = Match.objects.get(request=help_request)
    assert match.offer.helper.name == "Henk Helper"
    axe_check(page)
    # she is on the line: her yes has the focus, then the visit's day (the next step, no Tabs)
    keys.submit("button=Mevrouw Jansen zei ja (telefonisch)")
    match.refresh_from_db()
    assert match.requester_yes_at is not None
    assert page.evaluate("document.activeElement.id") == "id_day"
    assert page.get_by_role("heading", name="4. Langsgaan").is_visible()
    axe_check(page)
    keys.submit("button=Bezoek opschrijven")
    assert ContactLog.objects.filter(request=help_request, outcome="call_back").exists()
    assert page.get_by_text("Het bezoek is opgeschreven.").is_visible()
    axe_check(page)
    assert keys.actions < 15, keys.actions


@pytest.mark.django_db(transaction=True)
def test_a_caller_with_only_a_landline_by_mouse_on_a_phone_sized_screen(
    page, login, axe_check, intake_desk
):
    """Found by nobody under her number: the number typed in the search becomes her phone
    number; she is called back. Counted in clicks and fields; nothing scrolls sideways."""
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, intake_desk["coordinator"].user.username)
    page.wait_for_url("**/c/wijk/workbench/**")
    actions = 0

    def act(step) -> None:
        nonlocal actions
        step()
        actions += 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url

    act(lambda: page.get_by_role("link", name="Er belt iemand: het intakescherm").click())
    act(lambda: page.locator("#id_q").fill("0528 123 456"))
    expect(page.locator("#id_phone")).to_have_value("0528 123 456")
    act(lambda: page.locator("#id_name").fill("Mevrouw Smit"))
    act(lambda: page.get_by_role("button", name="Inschrijven en verder").click())
    caller = Person.objects.get(name="Mevrouw Smit")
    assert caller.phone == "0528 123 456" and caller.preferred_channel == ContactChannel.PHONE
    axe_check(page)
    act(lambda: page.locator("#id_category").select_option(intake_desk["category"].code))
    act(lambda: page.locator("#id_title").fill("Boodschappen op donderdag"))
    act(lambda: page.locator("#id_matching_consent").select_option("yes"))
    act(lambda: page.get_by_role("button", name="Hulpvraag opslaan").click())
    act(lambda: page.get_by_role("button", name="Henk Helper voorstellen").click())
    act(lambda: page.get_by_role("button", name="Mevrouw Smit zei ja (telefonisch)").click())
    expect(page.get_by_role("heading", name="4. Terugbellen")).to_be_visible()
    axe_check(page)
    act(lambda: page.get_by_role("button", name="Terugbellen opschrijven").click())
    expect(page.get_by_text("Het terugbellen is opgeschreven.")).to_be_visible()
    assert ContactLog.objects.filter(request__requester=caller, outcome="call_back").exists()
    assert actions < 15, actions
