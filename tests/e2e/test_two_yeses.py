"""Browser walks of the two yeses (issue 13.2) and offer-first (issue 12.4): a volunteer says yes to
a proposal from the page they land on, a coordinator records the requester's yes heard on the
phone, and a resident who takes a standing offer sees no contact details until the helper's yes."""

import pytest

from naober.exchange import services
from naober.exchange.models import Match, MatchState
from naober.people.models import Consent
from tests.exchange.helpers import actor_of
from tests.factories import make_community, make_person


def switch_user(page, login, person):
    page.context.clear_cookies()
    login(page, person.user.username)


def history(page) -> list[str]:
    """The history's lines without their date and time ("8 december 2026 10:02: ...")."""
    lines = page.locator("h2:text-is('Geschiedenis') + ol > li").all_inner_texts()
    return [line.split(": ", 1)[1] for line in lines]


def press(page, axe_check, name: str):
    page.get_by_role("button", name=name).first.click()
    page.wait_for_load_state()
    axe_check(page)


@pytest.fixture
def wijk(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    people = {
        "coordinator": make_person(community, "coordinator", name="Carla Coördinator"),
        "truus": make_person(
            community, "resident", login=False, digital=False, name="Truus Offline"
        ),
        "volunteer": make_person(community, "volunteer", name="Bram Jansen", phone="06 11112222"),
        "resident": make_person(community, "resident", name="Annie de Vries", phone="06 33334444"),
    }
    for person in people.values():
        Consent.objects.create(person=person, purpose="contact", granted=True, method="online")
    people["offer"] = services.create_offer(
        actor_of(people["volunteer"]),
        {"categories": ["klussen"], "description": "Handig met gereedschap.", "max_per_month": 1},
    )
    return people


@pytest.mark.django_db(transaction=True)
def test_volunteer_says_yes_from_the_landing_page_and_coordinator_records_the_requesters(
    page, login, axe_check, wijk
):
    help_request = services.create_request(
        actor_of(wijk["coordinator"]),
        {"category": "klussen", "title": "Lamp ophangen", "channel": "phone"},
        requester=wijk["truus"],
    )
    match = services.propose(actor_of(wijk["coordinator"]), help_request, wijk["offer"])

    login(page, wijk["volunteer"].user.username)
    page.goto("/c/wijk/")
    axe_check(page)
    assert page.get_by_role("heading", name="Er wacht een vraag op uw antwoord").is_visible()
    press(page, axe_check, "Ja, ik help graag")
    assert page.get_by_text("Nu wachten we op Truus").is_visible()
    match.refresh_from_db()
    assert match.helper_yes_at and match.state == MatchState.PROPOSED
    assert page.get_by_role("heading", name="Er wacht een vraag op uw antwoord").count() == 0

    switch_user(page, login, wijk["coordinator"])
    page.goto(f"/c/wijk/matches/{match.pk}/")
    axe_check(page)
    assert page.title().startswith("Koppeling: Lamp ophangen")
    press(page, axe_check, "Truus Offline zei ja (telefonisch)")
    # the coordinator recorded it for Truus: told what is theirs to do, not "U zei allebei ja"
    assert page.get_by_text("Allebei zeiden ja. Plan het kennismakingsgesprek").is_visible()
    match.refresh_from_db()
    assert match.state == MatchState.ACCEPTED
    assert match.requester_yes_by == wijk["coordinator"]
    intro = page.locator("form[action*='introduction']")
    intro.locator("[name=intro_at]").fill("2030-03-04T14:00")
    intro.locator("[name=intro_place]").fill("Buurthuis")
    press(page, axe_check, "Koppelingsgesprek opslaan")
    # each step in words, not "voorgesteld" three times; the coordinator also reads who and notes
    assert history(page) == [
        "Voorgesteld door de coördinator (Carla Coördinator)",
        "Bram Jansen zei ja",
        "Truus Offline zei ja (telefonisch, genoteerd door de coördinator) (Carla Coördinator)",
        "Beiden zeiden ja: de hulp gaat door (Carla Coördinator)",
        "De kennismaking is gepland (Carla Coördinator)",
    ]

    switch_user(page, login, wijk["volunteer"])
    page.goto(f"/c/wijk/matches/{match.pk}/")
    axe_check(page)
    assert history(page) == [
        "Voorgesteld door de coördinator",
        "U zei ja",
        "Truus zei ja (telefonisch, genoteerd door de coördinator)",
        "Beiden zeiden ja: de hulp gaat door",
        "De kennismaking is gepland",
    ]


@pytest.mark.django_db(transaction=True)
def test_resident_takes_an_offer_and_sees_contact_only_after_the_helpers_yes(
    page, login, axe_check, wijk
):
    login(page, wijk["resident"].user.username)
    page.goto("/c/wijk/offers/")
    axe_check(page)
    page.locator("form[action*='/accept/'] button").first.click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("We hebben het Bram gevraagd.").is_visible()
    assert page.get_by_text("06 11112222").count() == 0
    match = Match.objects.get()
    assert match.state == MatchState.PROPOSED

    switch_user(page, login, wijk["volunteer"])
    page.goto("/c/wijk/")
    press(page, axe_check, "Ja, ik help graag")
    match.refresh_from_db()
    assert match.state == MatchState.ACCEPTED

    switch_user(page, login, wijk["resident"])
    page.goto(f"/c/wijk/matches/{match.pk}/")
    axe_check(page)
    assert page.get_by_text("06 11112222").is_visible()
    assert history(page) == [
        "U vroeg om deze hulp en zei daarmee ja",
        "Bram zei ja",
        "Beiden zeiden ja: de hulp gaat door",
    ]
    # The offer's monthly maximum (1) is used: it is no longer offered.
    page.goto("/c/wijk/offers/")
    assert page.locator("form[action*='/accept/']").count() == 0
