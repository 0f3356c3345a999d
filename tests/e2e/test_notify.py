"""A coordinator opens the letters to print and the message log in a real browser."""

import pytest

from naober.notify.services import notify
from tests.factories import make_community, make_person


@pytest.mark.django_db(transaction=True)
def test_coordinator_prints_letters_and_reads_the_log(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", phone="0528 123456")
    resident = make_person(
        community,
        name="Gerda Brink",
        preferred_channel="letter",
        digital=False,
        address="Kerkstraat 3, 7901 AB Hoogeveen",
    )
    notify(resident, "custom", {"subject": "Koffieochtend", "body": "Donderdag is er koffie."})

    login(page, coordinator.user.username)
    page.goto("/c/wijk/messages/letters/")
    axe_check(page)
    letter = page.get_by_role("article", name="Brief aan Gerda Brink")
    assert "7901 AB Hoogeveen" in letter.inner_text()
    assert "Beste Gerda Brink," in letter.inner_text()
    page.get_by_role("button", name="Zet deze brieven op geprint").click()
    page.wait_for_load_state()
    assert "Er zijn geen brieven om te printen." in page.content()
    axe_check(page)

    page.get_by_role("link", name="Alle berichten").click()
    page.wait_for_load_state()
    axe_check(page)
    row = page.get_by_role("row", name="Gerda Brink")
    assert "geprint" in row.inner_text()
