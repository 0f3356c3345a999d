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


LONG_TITLE = (
    "Wie kan mij helpen met het opruimen van de schuur en het wegbrengen van oud ijzer naar "
    "de milieustraat in Hoogeveen"
)


@pytest.mark.django_db(transaction=True)
def test_a_neighbour_finds_prints_and_hangs_the_sheet_of_their_own_street(page, login, axe_check):
    """A resident, not the coordinator: from the page they land on, one link to the sheet of
    their neighbourhood, one A4 for six long requests, a second A4 for the seventh, and every
    page with the desk's number beside its strips. An empty board prints one page."""
    from naober.communities.models import AreaKind
    from naober.communities.services import add_area

    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = "0528 111 222"
    community.opening_hours = "maandag tot en met vrijdag 10:00 tot 12:00, daarna de voicemail"
    community.save()
    district = community.areas.get(kind=AreaKind.DISTRICT)
    hood = add_area(
        community, district, AreaKind.NEIGHBOURHOOD, "Buurtschap Oosterhesselen-Noord en omstreken"
    )
    street = add_area(community, hood, AreaKind.STREET, "Alteveerstraat")
    neighbour = make_person(community, "resident", area=street)
    login(page, neighbour.user.username)
    actions = 3  # name, password, log in
    link = page.get_by_role("link", name="Print het prikbordblad van Buurtschap Oosterhesselen")
    link.click()
    actions += 1
    page.wait_for_load_state()
    axe_check(page)
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4", print_background=True)) == 1
    assert page.get_by_text("Bel ons. U heeft geen internet nodig.").is_visible()
    assert page.get_by_text("noem de code").count() == 0
    codes = []
    for n in range(SHEET_PAGE_ITEMS + 1):
        requester = make_person(community, "resident", area=street, name=f"Bewoner {n}")
        made = services.create_request(
            actor_of(requester),
            {"category": "boodschappen", "title": f"{LONG_TITLE} {n}", "publish": True},
        )
        codes.append(made.code)
    page.emulate_media(media="screen")
    page.reload()
    axe_check(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 2, "six long requests fit one A4, the seventh goes to a second"
    assert page.locator(".sheet-phone", has_text="0528 111 222").count() == 2
    assert page.locator(".strip-phone", has_text="0528 111 222").count() == len(codes)
    for code in codes:
        assert page.locator(".strip-code", has_text=code).count() == 1
    assert actions <= 4


@pytest.mark.django_db(transaction=True)
def test_a_sheet_without_the_desk_number_warns_whoever_prints_it(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = ""
    community.email = "balie@wijk.example"
    community.save()
    coordinator = make_person(community, "coordinator")
    resident = make_person(community, "resident")
    services.create_request(
        actor_of(resident), {"category": "boodschappen", "title": "Heg", "publish": True}
    )
    login(page, coordinator.user.username)
    page.goto("/c/wijk/workbench/")
    page.get_by_text("Prikbordvellen").click()
    page.get_by_role("link", name="Krakeel").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("alert").get_by_text("geen telefoonnummer").is_visible()
    assert page.get_by_role("button", name="Afdrukken").is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("alert").is_visible()
    assert page.locator(".sheet-phone", has_text="balie@wijk.example").is_visible()


@pytest.mark.django_db(transaction=True)
def test_the_line_under_a_title_names_who_first_and_is_never_cut_on_a_screen(page, login):
    """On a 360 px phone every card's line was cut ("Vraagt hulp · For…"), and on paper the
    helper's name and street were what fell off the end. Now who comes first, the kinds of help
    last, and on a screen the line wraps."""
    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = "0528 111 222"
    community.save()
    coordinator = make_person(community, "coordinator")
    asker = make_person(community, "resident", name="Annie Bakker", public_name="Annie")
    services.create_request(
        actor_of(asker), {"category": "boodschappen", "title": "Boodschappen", "publish": True}
    )
    login(page, coordinator.user.username)
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"/c/wijk/noticeboard/{community.areas.get(name='Krakeel').pk}/")
    line = page.locator(".sheet-item p").first
    assert line.evaluate("p => p.scrollWidth <= p.clientWidth"), line.inner_text()
    text = line.inner_text()
    assert text.index("Annie") < text.index("Boodschappen"), text
