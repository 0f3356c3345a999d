"""Browser walk of issue 12.3 and 12.7: a resident chooses to publish a request on the public page
(off by default), an anonymous visitor then sees the first name without the street, an unpublished
request stays off; a neighbour opens the card of someone whose request they see (first name only),
and a person nothing joins them to is "not found". Every page is checked with axe."""

import os

import pytest

from naober.communities.models import AreaKind
from naober.communities.services import add_area
from naober.exchange.models import HelpRequest
from tests.factories import make_community, make_person

SHOTS = os.environ.get("NAOBER_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_publishing_is_the_requesters_choice_and_anonymous_visitors_see_no_street(
    page, login, axe_check
):
    page.set_default_navigation_timeout(60_000)  # the live server's first answer can be slow
    community = make_community("wijk", "Buurthulp De Wijk")
    lane = add_area(community, community.areas.get(name="Krakeel"), AreaKind.STREET, "Krakeelweg")
    rika = make_person(community, "resident", name="Rika Hofman", area=lane)
    login(page, rika.user.username)
    for title, publish in (("Vervoer naar de huisarts", True), ("Steunkousen aantrekken", False)):
        page.goto("/c/wijk/ask/")
        axe_check(page)
        publish_box = page.get_by_label(
            "Laat mijn vraag ook zien op de openbare pagina van de buurt"
        )
        assert not publish_box.is_checked()  # off unless the requester says yes
        page.get_by_label("Vervoer en begeleiding (ziekenhuis, huisarts)").check()
        page.get_by_label("Waar heeft u hulp bij nodig?").fill(title)
        if publish:
            publish_box.check()
            shot(page, "ask_form_publish_ticked")
        page.get_by_role("button", name="Verstuur mijn vraag").click()
        page.wait_for_load_state()
    assert dict(HelpRequest.objects.values_list("title", "publish")) == {
        "Vervoer naar de huisarts": True,
        "Steunkousen aantrekken": False,
    }
    page.context.clear_cookies()
    page.goto("/c/wijk/")
    axe_check(page)
    shot(page, "public_page_anonymous")
    text = page.locator("main").inner_text()
    assert "Vervoer naar de huisarts" in text and "Rika" in text
    assert "Steunkousen" not in text and "Krakeelweg" not in text and "Hofman" not in text


@pytest.mark.django_db(transaction=True)
def test_a_neighbour_sees_a_card_only_where_a_request_joins_them(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    asker = make_person(community, "resident", name="Truus Bakker")
    stranger = make_person(community, "resident", name="Geheime Bewoner")
    neighbour = make_person(community, "volunteer", name="Bram Jansen")
    from naober.exchange.services import create_request
    from tests.exchange.helpers import actor_of

    create_request(actor_of(asker), {"category": "tuin", "title": "Heg knippen"})
    login(page, neighbour.user.username)
    page.goto(f"/c/wijk/people/{asker.pk}/")
    axe_check(page)
    shot(page, "person_card_joined")
    text = page.locator("main").inner_text()
    assert "Truus" in text and "Bakker" not in text and asker.phone not in text
    assert "inloggen" not in text  # whether someone has a login is not the neighbour's business
    response = page.goto(f"/c/wijk/people/{stranger.pk}/")
    assert response.status == 404
    shot(page, "person_card_not_found")
    assert "Geheime" not in page.content()
