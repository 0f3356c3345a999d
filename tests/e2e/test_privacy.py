"""Browser: a resident opens and downloads their data; a coordinator opens the audit log."""

import pytest

from tests.factories import make_community, make_person


@pytest.mark.django_db(transaction=True)
def test_resident_data_page_and_coordinator_audit_log(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    resident = make_person(community, name="Truus de Vries")
    coordinator = make_person(community, "coordinator")

    login(page, resident.user.username)
    page.goto("/c/wijk/profile/")
    axe_check(page)
    page.get_by_role("link", name="Al uw gegevens bekijken, downloaden of verwijderen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Al uw gegevens").is_visible()
    assert page.get_by_text("Truus de Vries").first.is_visible()
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als bestand (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")
    page.context.clear_cookies()

    login(page, coordinator.user.username)
    page.goto(f"/c/wijk/people/{resident.pk}/")
    axe_check(page)
    page.goto("/c/wijk/audit/")
    assert page.get_by_role("heading", name="Wie heeft welke gegevens gezien").is_visible()
    assert page.get_by_role("cell", name="bekeken").first.is_visible()
    axe_check(page)
