"""Browser: "Al uw gegevens" read by the resident and by a coordinator (issue 13.5).

A resident with rows in every app reads a plain Dutch page grouped by topic, with the file as a
separate download; a coordinator reads "Gegevens van <naam>", never "Uw gegevens"; both pages
pass axe-core and fit a 360 px phone.
"""

import json
from pathlib import Path

import pytest

from tests.privacy import rich_resident as rich


@pytest.mark.django_db(transaction=True)
def test_resident_and_coordinator_read_the_data_page(page, login, axe_check, community):
    data = rich.build(community)

    login(page, data.subject.user.username)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/c/wijk/my-data/")
    assert page.get_by_role("heading", name="Al uw gegevens").is_visible()
    for heading in ("Persoon en inloggen", "Hulp vragen en geven", "Huisbezoeken en signalen"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    main = page.inner_text("main")
    assert rich.NAME in main and "14 mei 1946" in main and "Breien" in main
    for raw in ("True", "False", "['", "surroundings", rich.SECRETS["raiser_note"]):
        assert raw not in main, raw
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als bestand (JSON)").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["sections"]["person"][0]["name"] == rich.NAME
    page.context.clear_cookies()

    login(page, data.coordinator.user.username)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"/c/wijk/people/{data.subject.pk}/data/")
    assert page.get_by_role("heading", name=f"Gegevens van {rich.NAME}").is_visible()
    main = page.inner_text("main")
    assert "Al uw gegevens" not in main and "Uw gegevens" not in main
    assert rich.SECRETS["raiser_note"] not in main  # shown as she may see it
    axe_check(page)
