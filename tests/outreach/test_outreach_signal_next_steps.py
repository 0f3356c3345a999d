"""A core-group member triages a signal into an action (issue 13.7), walked to the end: every
decided action has a next step on the signal's page, the coordinators asked to act get a link to
the signal, what they entered shows on the signal, the history reads in words, the selects say
what an empty choice means, and the core group finds new signals on the page it lands on."""

import pytest
from django.test import Client

from naober.exchange import services as exchange_services
from naober.notify.models import Message
from naober.outreach import triage
from tests.outreach.conftest import actor_of

pytestmark = pytest.mark.django_db


def client_of(person) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(person.user)
    return client


@pytest.fixture
def decided(cast):
    signal = triage.raise_signal(
        actor_of(cast.core),
        description="Mevrouw ziet bijna niemand meer.",
        person_concerned=cast.resident,
    )
    return triage.update_signal(
        actor_of(cast.core), signal, {"status": "in_progress", "action": "match"}
    )


def test_the_coordinators_message_links_to_the_signal(cast, decided, settings):
    settings.SITE_URL = "https://naober.example"
    client_of(cast.core).post(f"/c/wijk/signals/{decided.pk}/", {"op": "ask"})
    message = Message.objects.get(person=cast.coordinator, event="custom")
    assert f"https://naober.example/c/wijk/signals/{decided.pk}/" in message.body


def test_what_the_coordinator_entered_shows_on_the_signal_and_the_ask_button_goes(cast, decided):
    core = client_of(cast.core)
    assert (
        "Vraag de coördinatoren dit te doen"
        in core.get(f"/c/wijk/signals/{decided.pk}/").content.decode()
    )
    made = exchange_services.create_request(
        actor_of(cast.coordinator),
        {"category": "boodschappen", "title": "Samen koffie drinken", "channel": "phone"},
        requester=cast.resident,
    )
    page = core.get(f"/c/wijk/signals/{decided.pk}/").content.decode()
    assert f"Hulpvraag {made.code} ingevoerd op" in page
    assert "Vraag de coördinatoren dit te doen" not in page
    assert f"/c/wijk/requests/{made.pk}/" not in page  # the core group does not open requests
    staff = client_of(cast.coordinator).get(f"/c/wijk/signals/{decided.pk}/").content.decode()
    assert f"/c/wijk/requests/{made.pk}/" in staff


def test_an_earlier_request_is_not_taken_for_the_signals_outcome(cast):
    exchange_services.create_request(
        actor_of(cast.coordinator),
        {"category": "boodschappen", "title": "Van vorig jaar", "channel": "phone"},
        requester=cast.resident,
    )
    signal = triage.raise_signal(
        actor_of(cast.core), description="Opnieuw alleen.", person_concerned=cast.resident
    )
    triage.update_signal(actor_of(cast.core), signal, {"action": "match"})
    page = client_of(cast.core).get(f"/c/wijk/signals/{signal.pk}/").content.decode()
    assert "ingevoerd op" not in page


@pytest.mark.parametrize(
    "action, expected",
    [
        ("start_initiative", "/c/wijk/initiatives/new/"),
        ("pass_to_provider", 'href="#pass-on"'),
    ],
)
def test_every_decided_action_has_a_next_step(cast, action, expected):
    signal = triage.raise_signal(actor_of(cast.core), description="Geen plek voor jongeren.")
    triage.update_signal(actor_of(cast.core), signal, {"action": action})
    page = client_of(cast.core).get(f"/c/wijk/signals/{signal.pk}/").content.decode()
    assert "Volgende stap" in page and expected in page


def test_the_history_and_the_selects_read_in_words(cast, decided):
    page = client_of(cast.core).get(f"/c/wijk/signals/{decided.pk}/").content.decode()
    assert "besloten: koppelen aan een buur" in page
    assert "?:" not in page
    assert "---------" not in page
    assert "nog niemand" in page and "Kies een organisatie" in page


def test_the_core_group_finds_new_signals_on_its_home_page(cast):
    home = client_of(cast.core).get("/c/wijk/").content.decode()
    assert "Signalen: er wacht niets nieuws" in home
    triage.raise_signal(actor_of(cast.resident), description="De stoep is slecht.")
    home = client_of(cast.core).get("/c/wijk/").content.decode()
    assert "1 nieuw signaal wacht op de kerngroep" in home and "/c/wijk/signals/" in home
    assert '/c/wijk/signals/"' not in client_of(cast.resident).get("/c/wijk/").content.decode()


def test_the_signals_board_becomes_cards_on_a_phone(cast, decided):
    page = client_of(cast.core).get("/c/wijk/signals/").content.decode()
    assert 'class="cards-on-phone"' in page and 'data-label="Hoe dringend"' in page


def test_start_an_initiative_names_the_signal_and_shows_what_was_started(cast):
    from naober.initiatives.models import Initiative

    signal = triage.raise_signal(
        actor_of(cast.core),
        description="Jongeren hebben geen plek om samen te komen.",
        kind="structural",
    )
    triage.update_signal(actor_of(cast.core), signal, {"action": "start_initiative"})
    core = client_of(cast.core)
    page = core.get(f"/c/wijk/signals/{signal.pk}/").content.decode()
    assert f"/c/wijk/initiatives/new/?signal={signal.pk}" in page
    form = core.get(f"/c/wijk/initiatives/new/?signal={signal.pk}").content.decode()
    assert "---------" not in form and f"#{signal.pk} " not in form
    assert f'value="{signal.pk}" selected>Jongeren hebben geen plek om samen te komen. (' in form
    assert "geen signaal" in form
    started = Initiative.objects.create(
        community=signal.community, title="Jongerenhonk", signal=signal
    )
    page = core.get(f"/c/wijk/signals/{signal.pk}/").content.decode()
    assert "Gestart vanuit dit signaal:" in page
    assert f"/c/wijk/initiatives/{started.pk}/" in page
    assert "/c/wijk/initiatives/new/" not in page


def test_a_signals_page_title_says_which_signal(cast, decided):
    page = client_of(cast.core).get(f"/c/wijk/signals/{decided.pk}/").content.decode()
    from django.utils import timezone

    day = timezone.localtime(decided.created_at).day
    assert f"<title>Signaal van {day} " in page and f"<h1>Signaal van {day} " in page
