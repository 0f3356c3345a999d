"""The notice-board sheet as it comes out of the printer: one A4 page per sheet, never a page
that holds only the last line or the strips, and the desk's number on every page."""

import re

import pytest

from naober.exchange import services
from naober.exchange.selectors import SHEET_PAGE_ITEMS
from tests.exchange.helpers import actor_of
from tests.factories import make_community, make_person


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium wrote: each page object says `/Type /Page` (not `/Pages`)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.django_db(transaction=True)
def test_a_full_board_prints_as_one_a4_per_sheet(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = "0528 111 222"
    community.opening_hours = "maandag tot en met vrijdag 10:00 tot 12:00"
    community.save()
    coordinator = make_person(community, "coordinator")
    residents = [make_person(community, "resident", name=f"Bewoner {n}") for n in range(3)]
    codes = []
    for n in range(2 * SHEET_PAGE_ITEMS + 1):
        made = services.create_request(
            actor_of(residents[n % 3]),
            {
                "category": "boodschappen",
                "title": f"Boodschappen doen voor mij en mijn buurvrouw, week {n}",
                "publish": True,
            },
        )
        codes.append(made.code)
    login(page, coordinator.user.username)
    area = community.areas.get(name="Krakeel")
    page.goto(f"/c/wijk/noticeboard/{area.pk}/")
    axe_check(page)
    assert page.get_by_text("het zijn 3 bladen").is_visible()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 3
    strips = page.locator(".sheet-strips li")
    assert strips.count() == len(codes)
    for code in codes:
        assert page.locator(".strip-code", has_text=code).count() == 1
    assert page.locator(".sheet-phone", has_text="0528 111 222").count() == 3
