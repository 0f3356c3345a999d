"""Browser walk of the front desk (issue 13.9) as a coordinator on a 360 px screen: the telephone
rings through the local stand-in, the coordinator on duty sees "<naam> belt", opens the caller's
card with her open request, writes the call down; the rota gets a shift; axe on every page."""

import datetime

import pytest
from django.utils import timezone

from naober.desk.models import Call, DutyShift
from naober.desk.telephony import LocalTelephone
from naober.exchange import services
from tests.exchange.helpers import actor_of
from tests.factories import make_community, make_person


@pytest.fixture
def desk(db, settings):
    settings.TELEPHONY_WEBHOOK_SECRET = "test-geheim"
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    caller = make_person(community, name="Truus Jansen", phone="0528-123456", login=False)
    services.create_request(
        actor_of(coordinator),
        {"category": "klussen", "title": "Lamp ophangen"},
        requester=caller,
    )
    DutyShift.objects.create(
        community=community,
        person=coordinator,
        day=timezone.localdate(),
        starts=datetime.time(0),
        ends=datetime.time(23, 59, 59),
    )
    return {"coordinator": coordinator, "caller": caller}


@pytest.mark.django_db(transaction=True)
def test_coordinator_on_duty_takes_a_call_and_keeps_the_rota(
    page, login, axe_check, desk, live_server
):
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, desk["coordinator"].user.username)
    page.goto("/c/wijk/desk/")
    axe_check(page)
    LocalTelephone(live_server.url, "test-geheim").ring("wijk", "e2e-1", "+31 528 123456")
    page.get_by_text("Truus Jansen belt").wait_for(timeout=20_000)
    axe_check(page)
    page.get_by_role("button", name="Kaart openen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Truus Jansen"
    assert page.get_by_text("Lamp ophangen").is_visible()
    axe_check(page)
    page.get_by_label("Waar ging het gesprek over").fill("Belt terug over de lamp")
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Het telefoontje is opgeschreven.").is_visible()
    assert Call.objects.filter(subject="Belt terug over de lamp", person=desk["caller"]).exists()

    page.goto("/c/wijk/desk/caller/?q=0528123456")
    assert page.get_by_role("heading", level=1).inner_text() == "Truus Jansen"

    # Typing a name on the desk page shows the callers found while typing (no button pressed).
    page.goto("/c/wijk/desk/")
    page.get_by_label("Naam, straat of telefoonnummer van de beller").press_sequentially("truu")
    page.get_by_role("link", name="Truus Jansen").first.wait_for()
    axe_check(page)

    page.goto("/c/wijk/desk/rota/?week=2026-12-01")
    axe_check(page)
    page.locator("#id_day").fill("2026-12-01")
    page.locator("#id_starts").fill("10:00")
    page.locator("#id_ends").fill("12:00")
    page.locator("#id_note").fill("daarna buurthuis")
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_load_state()
    assert page.get_by_text("De dienst is toegevoegd.").is_visible()
    assert page.get_by_text("daarna buurthuis").is_visible()
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
