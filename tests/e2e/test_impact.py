"""Browser tests of the value made visible: the impact card and the initiative behind it, the
funder dashboard, and a resident filling in the anonymous survey. axe-core on every page."""

from datetime import date

import pytest

from naober.impact import services
from naober.impact.bank import statement_bank
from naober.impact.models import Answer, Response
from naober.initiatives.models import Initiative
from naober.people.models import Consent
from tests.factories import make_community, make_person
from tests.initiatives.helpers import actor_of, funded_initiative


@pytest.mark.django_db(transaction=True)
def test_core_group_reads_the_impact_card_and_the_budget(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    core = make_person(community, "core_group", "coordinator")
    speaker = make_person(community, "resident", name="Truus Bakker")
    Consent.objects.create(person=speaker, purpose="media", granted=True, method="spoken")
    initiative, _proposal, _decision = funded_initiative(core, "500.00")
    card = services.save_card(
        actor_of(core),
        {
            "title": "Buurttuin Krakeel",
            "initiative": initiative,
            "period_start": date(2026, 1, 1),
            "period_end": date(2026, 12, 31),
            "target_group": "Bewoners van Krakeel",
            "contributions": ["cohesion", "loneliness"],
            "quote": "Sinds de tuin ken ik de halve straat.",
            "quote_person": speaker,
        },
    )
    services.add_key_figure(actor_of(core), card, label="bezoekers per tuindag", low=10, high=15)
    login(page, core.user.username)
    page.goto(f"/c/wijk/initiatives/{initiative.pk}/")
    axe_check(page)
    assert page.get_by_role("heading", name="Projectkaart").is_visible()
    page.goto("/c/wijk/budget/")
    axe_check(page)
    assert page.get_by_text("€ 500,00").first.is_visible()
    page.goto(f"/c/wijk/impact/cards/{card.pk}/")
    axe_check(page)
    assert page.get_by_text("10–15").is_visible()
    assert page.get_by_text("Sinds de tuin ken ik de halve straat.").is_visible()
    assert page.get_by_role("link", name="Downloaden als pdf").is_visible()
    page.get_by_role("link", name="Samen de cijfers bespreken").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label("wie deden mee").fill("6 bewoners, 1 coördinator")
    page.get_by_label("Wat gaan we nu doen?").fill("Jongeren uitnodigen")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Jongeren uitnodigen").is_visible()


@pytest.mark.django_db(transaction=True)
def test_funder_reads_the_dashboard_with_charts_and_tables(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    funder = make_person(community, "funder", name="Gemeente Hoogeveen")
    Initiative.objects.create(community=community, title="Buurttuin")
    login(page, funder.user.username)
    page.goto("/c/wijk/impact/")
    axe_check(page)
    assert page.get_by_role("heading", name="Wat levert het op?").is_visible()
    assert page.locator("svg[role=img]").count() == 5
    assert page.locator("table.chart-data").count() == 5
    page.goto("/c/wijk/initiatives/")
    assert "403" in page.title() or page.get_by_text("Initiatieven in de buurt").count() == 0


@pytest.mark.django_db(transaction=True)
def test_funder_reads_why_a_figure_is_not_shown_without_hovering(page, login, axe_check):
    """Seven requests in March and one in April: the two months together hide the total, and
    the reason stands in the page's text, not only in a tooltip."""
    from tests.impact.builders import at, request_on

    community = make_community("wijk", "Buurthulp De Wijk")
    funder = make_person(community, "funder", name="Gemeente Hoogeveen")
    for day in range(1, 8):
        request_on(community, at(2026, 3, day))
    request_on(community, at(2026, 4, 2))
    login(page, funder.user.username)
    assert page.url.endswith("/c/wijk/impact/"), "a funder lands on the figures"
    page.goto("/c/wijk/impact/?date_from=2026-03-01&date_to=2026-04-30")
    axe_check(page)
    assert page.locator(".key-figures").get_by_text("niet getoond").first.is_visible()
    note = page.locator(".hidden-month-note")
    assert note.is_visible()
    assert "minder dan 5" in note.inner_text() and "privacy" in note.inner_text()


@pytest.mark.django_db(transaction=True)
def test_funder_reads_the_dashboard_on_a_phone_without_scrolling_sideways(page, login, axe_check):
    from naober.impact.models import Statement

    community = make_community("wijk", "Buurthulp De Wijk")
    statement_bank()
    funder = make_person(community, "funder", name="Gemeente Hoogeveen")
    coordinator = make_person(community, "coordinator")
    survey = services.create_survey(
        actor_of(coordinator),
        title="Nulmeting",
        statements=list(
            Statement.objects.filter(code__in=["contacts-new-people", "empower-matter"])
        ),
    )
    first, second = survey.statements.order_by("theme", "id")
    for value in (5, 4, 2, 5, 5, 1):
        services.submit_online(survey, {first.pk: value, second.pk: 5})
    page.set_viewport_size({"width": 320, "height": 800})
    login(page, funder.user.username)
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    boxes = page.evaluate(
        "[...document.querySelectorAll('.table-scroll')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert boxes == 0, "a table scrolls sideways inside its box at 320 px"


@pytest.mark.django_db(transaction=True)
def test_resident_fills_in_the_anonymous_survey(page, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator")
    survey = services.create_survey(
        actor_of(coordinator),
        title="Hoe gaat het in de buurt?",
        statements=statement_bank().filter(code__in=["contacts-new-people", "empower-matter"]),
    )
    page.goto(f"/c/wijk/survey/{survey.token}/")
    axe_check(page)
    page.get_by_role("group", name="Ik heb hier nieuwe mensen leren kennen.").get_by_label(
        "helemaal eens"
    ).check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_text("Bedankt! Uw antwoorden zijn opgeslagen.").is_visible()
    assert Response.objects.count() == 1
    assert Answer.objects.get().value == 5
    page.goto(f"/c/wijk/survey/{survey.token}/")
    axe_check(page)
    assert page.get_by_text("U heeft deze vragenlijst al ingevuld.").is_visible()
