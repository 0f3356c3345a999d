"""Browser tests of the social map: a resident finds the garden club, a professional refers in."""

import pytest

from naober.communities.context import resolve_actor
from naober.directory import services
from naober.directory.models import Referral
from tests.factories import make_community, make_person


@pytest.mark.django_db(transaction=True)
def test_resident_finds_gardening_organisation(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator")
    actor = resolve_actor(coordinator.user, "wijk")
    services.save_organisation(
        actor,
        None,
        {
            "name": "Tuinvereniging De Groene Vingers",
            "kind": "association",
            "description": "Samen tuinieren in de volkstuinen.",
            "phone": "0528 123456",
            "opening_hours": "za 9-12 uur",
        },
    )
    services.save_organisation(actor, None, {"name": "Bibliotheek", "description": "Boeken."})
    resident = make_person(community)
    login(page, resident.user.username)
    page.goto("/c/wijk/social-map/")
    axe_check(page)
    page.get_by_label("Waar zoekt u naar?").fill("tuin")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    axe_check(page)
    results = page.locator("ul.cards")
    assert results.get_by_text("Tuinvereniging De Groene Vingers").is_visible()
    assert results.get_by_text("za 9-12 uur").is_visible()
    assert results.get_by_text("Bibliotheek").count() == 0
    page.get_by_role("link", name="Tuinvereniging De Groene Vingers").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("heading", name="Tuinvereniging De Groene Vingers").is_visible()


@pytest.mark.django_db(transaction=True)
def test_partner_refers_a_resident_in(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    partner = make_person(community, "partner")
    login(page, partner.user.username)
    page.goto("/c/wijk/referrals/in/")
    axe_check(page)
    page.get_by_label("Naam van de bewoner").fill("Greet Bakker")
    page.get_by_label("Telefoonnummer").fill("06 11112222")
    page.get_by_label("Welke hulp is nodig?").fill("Kan niet meer zelf boodschappen doen.")
    page.get_by_label("De bewoner vindt het goed").check()
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("heading", name="Mijn doorverwijzingen").is_visible()
    assert page.get_by_role("link", name="Greet Bakker").is_visible()
    assert Referral.objects.filter(direction="in", person__name="Greet Bakker").exists()
