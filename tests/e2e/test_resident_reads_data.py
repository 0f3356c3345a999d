"""Browser walk: a resident finds and reads all their data from the page they land on (issue 13.5),
as an outside reviewer would: Mijn account, Mijn gegevens, "Al uw gegevens bekijken". The page
names no one who raised a signal about her, labels that signal as what was noticed (not the
form's "Wat is u opgevallen?"), and the log of who looked at her data says "bekeken" for a page
that was only read ("gedownload" is for the file)."""

import pytest

from tests.privacy import rich_resident as rich


@pytest.mark.django_db(transaction=True)
def test_resident_finds_her_data_from_the_landing_page(page, login, axe_check, community):
    data = rich.build(community)
    login(page, data.subject.user.username)
    page.goto("/c/wijk/")
    page.get_by_text("Mijn account").first.click()
    page.get_by_role("link", name="Mijn gegevens").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Al uw gegevens bekijken, downloaden of verwijderen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("heading", name="Al uw gegevens").is_visible()
    main = page.inner_text("main")
    assert "Wat er is opgevallen\nMevrouw lijkt vergeetachtig" in main  # about her
    assert "Wat is u opgevallen?\nLosse stoeptegels" in main  # the one she raised herself
    assert data.core.name not in main and rich.SECRETS["raiser_note"] not in main

    page.reload()  # the first reading is in the log now, as read, not as downloaded
    log = page.locator("section", has=page.get_by_role("heading", name="Wie de gegevens bekeek"))
    assert "bekeken" in log.inner_text() and "gedownload" not in log.inner_text()
