"""Browser walk of a door without a login (issue 15.3): an anonymous visitor on a phone opens
"Bel mij terug" on the public page, first sends it empty (errors in Dutch), then fills it in and
reads what happens next; the coordinator then finds the call-back in the desk's queue. Axe on
every page. (That the doors work without JavaScript is shown by tests/doors: plain POSTs; axe
itself needs JavaScript in the page.)"""

import pytest

from naober.doors import guard
from tests.factories import make_community, make_person


@pytest.fixture
def wijk(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = "0528 999 000"
    community.save()
    return community, make_person(community, "coordinator", name="Carla Coördinator")


def test_a_visitor_asks_to_be_called_back_and_the_coordinator_sees_it(
    browser, live_server, page, login, axe_check, wijk, monkeypatch
):
    monkeypatch.setattr(guard, "MIN_SECONDS", 0)  # the walk types faster than a person
    community, coordinator = wijk
    visitor = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    visitor.set_default_timeout(15_000)
    visitor.set_viewport_size({"width": 360, "height": 800})
    visitor.goto(f"/c/{community.slug}/")
    axe_check(visitor)
    visitor.get_by_role("link", name="Bel mij terug").click()
    axe_check(visitor)
    visitor.get_by_role("button", name="Bel mij terug").click()
    assert "Dit veld is verplicht" in visitor.content()
    axe_check(visitor)
    visitor.get_by_label("Uw naam").fill("Gerrit Bos")
    visitor.get_by_label("Uw telefoonnummer").fill("0528 123 456")
    visitor.get_by_label("Wanneer kunnen we u het best bellen?").fill("'s ochtends")
    visitor.get_by_role("button", name="Bel mij terug").click()
    body = visitor.content()
    assert "Wat gebeurt er daarna?" in body and "0528 999 000" in body
    axe_check(visitor)

    page.set_viewport_size({"width": 360, "height": 800})
    login(page, coordinator.user.username)
    page.goto(f"/c/{community.slug}/desk/callbacks/")
    body = page.content()
    assert "Gerrit Bos" in body and "0528 123 456" in body and "ochtends" in body
    axe_check(page)
