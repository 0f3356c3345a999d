"""The printable notice-board sheet per neighbourhood, and the summary page with its period."""

import pytest

from naober.communities.models import AreaKind
from naober.communities.services import add_area
from tests.exchange_pages.builders import make_offer, make_request, matched

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_neighbourhoods(community, person_factory):
    root = community.areas.get(parent=None)
    verweg = add_area(community, root, AreaKind.NEIGHBOURHOOD, "Verweg")
    far_street = add_area(community, verweg, AreaKind.STREET, "Verweglaan")
    return (
        community.areas.get(name="Krakeel"),
        verweg,
        person_factory(community, "resident", area=far_street),
    )


def test_sheet_lists_only_this_neighbourhoods_open_items_with_codes(
    community, two_neighbourhoods, volunteer, coordinator, as_person
):
    krakeel, verweg, far_resident = two_neighbourhoods
    here = make_request(community, title="Heg knippen hier", publish=True)
    there = make_request(community, far_resident, title="Heg knippen daar", publish=True)
    unpublished = make_request(community, title="Niet voor het prikbord")
    taken = make_request(community, title="Al geholpen")
    from naober.exchange import services
    from tests.exchange.helpers import actor_of

    offer = make_offer(community, volunteer, description="Ik knip graag heggen")
    services.respond(actor_of(volunteer), taken, offer)
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert "Heg knippen hier" in html and here.code in html
    assert "Heg knippen daar" not in html and there.code not in html
    assert "Al geholpen" not in html
    assert "Niet voor het prikbord" not in html and unpublished.code not in html
    assert "Ik knip graag heggen" in html and f"A-{offer.pk}" in html
    assert "exchange/print.css" in html
    for secret in ("06 1234", "@voorbeeld.nl"):
        assert secret not in html
    other = as_person(coordinator).get(f"/c/wijk/noticeboard/{verweg.pk}/").content.decode()
    assert "Heg knippen daar" in other and "Heg knippen hier" not in other


def test_print_stylesheet_sets_a4(client):
    from pathlib import Path

    css = (
        Path(__file__).resolve().parents[2] / "naober/exchange/static/exchange/print.css"
    ).read_text()
    assert "size: A4" in css and "@media print" in css


def test_sheet_of_an_unknown_area_is_not_found(community, coordinator, as_person):
    assert as_person(coordinator).get("/c/wijk/noticeboard/999999/").status_code == 404


def test_summary_shows_the_figures_of_the_period(
    community, coordinator, resident, volunteer, as_person
):
    matched(community, resident, volunteer, state="accepted")
    html = as_person(coordinator).get("/c/wijk/summary/").content.decode()
    assert "<caption>Hulpvragen naar hoe ze binnenkwamen</caption>" in html
    assert "<caption>Koppelingen naar stand van zaken</caption>" in html
    assert "Mensen die geholpen zijn" in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2026-02-10", "end": "2026-02-01"}, "De einddatum kan niet vóór de begindatum"),
        ({"start": "gisteren", "end": "2026-02-01"}, "Voer een geldige datum in"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "hoogstens drie jaar"),
        ({"start": "", "end": ""}, "Dit veld is verplicht"),
        ({"start": "1900-01-01", "end": "1900-02-01"}, "tussen het jaar 2000 en 2200"),
    ],
)
def test_summary_validates_the_period_in_dutch(community, coordinator, as_person, params, message):
    response = as_person(coordinator).get("/c/wijk/summary/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Kerncijfers" not in html


def test_summary_is_refused_to_residents_and_volunteers(community, resident, volunteer, as_person):
    assert as_person(resident).get("/c/wijk/summary/").status_code == 403
    assert as_person(volunteer).get("/c/wijk/summary/").status_code == 403


def test_menu_shows_links_by_role(community, resident, coordinator, as_person):
    resident_html = as_person(resident).get("/c/wijk/").content.decode()
    assert "/c/wijk/my-help/" in resident_html and "/c/wijk/ask/" in resident_html
    assert "/c/wijk/workbench/" not in resident_html
    coordinator_html = as_person(coordinator).get("/c/wijk/").content.decode()
    assert "/c/wijk/workbench/" in coordinator_html and "/c/wijk/summary/" in coordinator_html


def test_a_full_board_goes_onto_more_sheets_each_with_strips_and_the_desk_number(
    community, coordinator, as_person
):
    """More items than fit on one A4 go onto a next sheet (never into smaller print); every
    sheet ends with the desk's number and a tear-off strip per item with its code and that
    number."""
    from naober.exchange.selectors import SHEET_PAGE_ITEMS

    community.phone = "0528 111 222"
    community.save(update_fields=["phone"])
    krakeel = community.areas.get(name="Krakeel")
    made = [
        make_request(community, title=f"Hulp nummer {n}", publish=True)
        for n in range(SHEET_PAGE_ITEMS + 1)
    ]
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert html.count('<section class="sheet"') == 2
    assert "blad 1 van 2" in html and "blad 2 van 2" in html
    assert html.count('class="sheet-phone"') == 2
    for item in made:
        strip = f'<span class="strip-code">{item.code}</span><br><span class="strip-phone">'
        assert strip + "0528 111 222" in html


def test_an_empty_board_still_says_how_to_call(community, coordinator, as_person):
    community.phone = "0528 111 222"
    community.save(update_fields=["phone"])
    krakeel = community.areas.get(name="Krakeel")
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert html.count('<section class="sheet"') == 1
    assert "Op dit moment vraagt of biedt niemand hulp" in html and "0528 111 222" in html


@pytest.mark.parametrize("typed", ["{code}", "{bare}", "{lower}", " {spaced} ", "{dashless_lower}"])
def test_a_code_is_found_with_or_without_its_dash(community, coordinator, as_person, typed):
    item = make_request(community, title="Gevonden")
    letters, digits = item.code.split("-")
    text = typed.format(
        code=item.code,
        bare=letters + digits,
        lower=item.code.lower(),
        spaced=f"{letters} {digits}",
        dashless_lower=(letters + digits).lower(),
    )
    answer = as_person(coordinator).get("/c/wijk/workbench/lookup/", {"code": text})
    assert answer.status_code == 302
    assert answer.url.endswith(f"/requests/{item.pk}/")


def test_a_code_that_is_no_code_finds_nothing(community, coordinator, as_person):
    answer = as_person(coordinator).get("/c/wijk/workbench/lookup/", {"code": "-- x --"})
    assert answer.status_code == 200
    assert "Niets gevonden" in answer.content.decode()


def test_six_items_fit_one_sheet_and_a_seventh_goes_to_a_second(community, coordinator, as_person):
    """Issue 13.4: one A4 per neighbourhood. Three items a sheet made seven requests three
    sheets; in type readable from a metre away six fit one A4 (the browser test prints them)."""
    community.phone = "0528 111 222"
    community.save(update_fields=["phone"])
    krakeel = community.areas.get(name="Krakeel")
    for n in range(6):
        make_request(community, title=f"Hulp nummer {n}", publish=True)
    client = as_person(coordinator)
    html = client.get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert html.count('<section class="sheet"') == 1
    make_request(community, title="Hulp nummer 7", publish=True)
    html = client.get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert html.count('<section class="sheet"') == 2


def test_requests_that_do_not_fit_are_counted_on_the_last_sheet(community, coordinator, as_person):
    """Nobody is left off without a word: past the sheet's limit, the last sheet says how many
    more neighbours ask for help and to call for them."""
    from naober.exchange.selectors import SHEET_ITEMS

    community.phone = "0528 111 222"
    community.save(update_fields=["phone"])
    krakeel = community.areas.get(name="Krakeel")
    for n in range(SHEET_ITEMS + 3):
        make_request(community, title=f"Hulp nummer {n}", publish=True)
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert html.count('class="strip-code"') == SHEET_ITEMS
    assert html.count('class="sheet-more"') == 1
    assert "Nog 3 buren vragen om hulp en passen niet op deze bladen. Bel ons" in html


def test_an_empty_sheet_does_not_ask_for_a_code(community, coordinator, as_person):
    community.phone = "0528 111 222"
    community.save(update_fields=["phone"])
    krakeel = community.areas.get(name="Krakeel")
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert "noem de code" not in html
    assert "Bel ons. U heeft geen internet nodig." in html


def test_a_sheet_without_a_desk_number_warns_before_printing(community, coordinator, as_person):
    """Without the desk's phone number the sheet cannot say "call us" with a number: the
    page warns whoever prints it, and the sheet gives the desk's e-mail instead."""
    community.phone = ""
    community.email = "balie@wijk.example"
    community.save(update_fields=["phone", "email"])
    krakeel = community.areas.get(name="Krakeel")
    make_request(community, title="Heg knippen", publish=True)
    html = as_person(coordinator).get(f"/c/wijk/noticeboard/{krakeel.pk}/").content.decode()
    assert "De hulpbalie heeft nog geen telefoonnummer" in html
    assert "Vraag de beheerder" in html
    assert "balie@wijk.example" in html.split('<section class="sheet"')[1]


def test_a_resident_finds_the_sheet_of_their_own_neighbourhood_on_the_home_page(
    community, two_neighbourhoods, resident, as_person
):
    """The sheet is for every member (VIEW_EXCHANGE), but only the workbench linked to it: a
    neighbour who would print and hang it never found it."""
    krakeel, verweg, far_resident = two_neighbourhoods
    html = as_person(resident).get("/c/wijk/").content.decode()
    assert f"/c/wijk/noticeboard/{krakeel.pk}/" in html
    assert "Print het prikbordblad van Krakeel" in html
    far = as_person(far_resident).get("/c/wijk/").content.decode()
    assert f"/c/wijk/noticeboard/{verweg.pk}/" in far
    assert as_person(resident).get(f"/c/wijk/noticeboard/{krakeel.pk}/").status_code == 200


def test_a_visitor_without_login_gets_no_sheet_link(community, client):
    html = client.get("/c/wijk/").content.decode()
    assert "/noticeboard/" not in html
