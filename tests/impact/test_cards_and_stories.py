"""Impact cards (quote only with media consent, page and PDF, key figures as ranges), change
stories with outcomes and indicators, and interpretation sessions."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from naober.impact import services
from naober.impact.models import (
    AgreedAction,
    ImpactCard,
    Indicator,
    InterpretationSession,
    KeyFigure,
    Measurement,
    StoryOutcome,
)
from naober.initiatives.models import Initiative
from naober.people.models import Consent
from tests.initiatives.helpers import actor_of

pytestmark = pytest.mark.django_db


def card_data(**extra):
    return {
        "title": "Buurttuin",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        **extra,
    }


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def test_a_quote_needs_media_consent(community, person_factory):
    core = person_factory(community, "core_group")
    speaker = person_factory(community, "resident")
    with pytest.raises(ValidationError) as refused:
        services.save_card(actor_of(core), card_data(quote="Fijn!", quote_person=speaker))
    assert "quote_person" in refused.value.message_dict
    assert not ImpactCard.objects.exists()
    Consent.objects.create(person=speaker, purpose="media", granted=True, method="paper")
    card = services.save_card(actor_of(core), card_data(quote="Fijn!", quote_person=speaker))
    assert card.quote_person == speaker
    Consent.objects.create(person=speaker, purpose="media", granted=False, method="paper")
    with pytest.raises(ValidationError):
        services.save_card(actor_of(core), {"quote": "Anders"}, card)
    card.refresh_from_db()
    assert card.quote == "Fijn!"


def test_the_card_form_shows_the_consent_error(community, person_factory):
    core = person_factory(community, "core_group")
    speaker = person_factory(community, "resident")
    response = client_for(core).post(
        "/c/wijk/impact/cards/new/",
        {
            "title": "Tuin",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "quote": "Mooi",
            "quote_person": speaker.pk,
        },
    )
    assert response.status_code == 200 and b"errorlist" in response.content
    assert not ImpactCard.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"period_end": date(2025, 1, 1)},
        {"contributions": ["bogus"]},
        {"title": ""},
        {"quote": "Zonder spreker"},
    ],
)
def test_bad_cards_are_refused(community, person_factory, data):
    with pytest.raises(ValidationError):
        services.save_card(actor_of(person_factory(community, "coordinator")), card_data(**data))
    assert not ImpactCard.objects.exists()


def test_only_initiative_managers_make_cards(community, person_factory):
    for role in ("funder", "resident"):
        with pytest.raises(PermissionDenied):
            services.save_card(actor_of(person_factory(community, role)), card_data())


def test_key_figures_as_numbers_ranges_and_more_than(community, person_factory):
    core = person_factory(community, "core_group")
    card = services.save_card(actor_of(core), card_data())
    a = services.add_key_figure(actor_of(core), card, label="vrijwilligers", low=12)
    b = services.add_key_figure(
        actor_of(core), card, label="bezoekers", low=10, high=15, period="dag"
    )
    c = services.add_key_figure(
        actor_of(core), card, label="bewoners bereikt", low=100, more_than=True
    )
    assert (a.display, b.display) == ("12", "10–15")
    assert "100" in c.display and c.display != "100"
    with pytest.raises(ValidationError):
        services.add_key_figure(actor_of(core), card, label="x", low=15, high=10)
    assert KeyFigure.objects.count() == 3


def test_card_page_and_pdf(community, person_factory):
    core = person_factory(community, "core_group")
    speaker = person_factory(community, "resident", name="Truus Bakker")
    Consent.objects.create(person=speaker, purpose="media", granted=True, method="spoken")
    card = services.save_card(
        actor_of(core),
        card_data(
            quote="Ik ken nu mijn buren",
            quote_person=speaker,
            contributions=["loneliness"],
            target_group="Bewoners van Krakeel",
        ),
    )
    services.add_key_figure(actor_of(core), card, label="vrijwilligers", low=10, high=15)
    client = client_for(core)
    page = client.get(f"/c/wijk/impact/cards/{card.pk}/").content.decode()
    assert "Ik ken nu mijn buren" in page and "Truus" in page and "Bakker" not in page
    assert "10–15" in page and "Bewoners van Krakeel" in page
    pdf = client.get(f"/c/wijk/impact/cards/{card.pk}/card.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_card_permissions_and_isolation(community, other_community, person_factory, api):
    card = services.save_card(actor_of(person_factory(community, "coordinator")), card_data())
    assert (
        client_for(person_factory(community, "resident"))
        .get(f"/c/wijk/impact/cards/{card.pk}/")
        .status_code
        == 403
    )
    assert (
        client_for(person_factory(community, "funder"))
        .get(f"/c/wijk/impact/cards/{card.pk}/")
        .status_code
        == 200
    )
    stranger = person_factory(other_community, "funder")
    assert client_for(stranger).get(f"/c/elders/impact/cards/{card.pk}/").status_code == 404
    assert api.login(stranger).get(f"c/elders/impact/cards/{card.pk}").status_code == 404
    assert api.login(stranger).get("c/elders/impact/cards").json()["count"] == 0
    body = (
        api.login(person_factory(community, "funder")).get(f"c/wijk/impact/cards/{card.pk}").json()
    )
    assert body["exchange"]["requests"] == {"value": None, "suppressed": True}


def test_change_story_with_outcomes_indicators_and_measurements(community, person_factory):
    core = person_factory(community, "core_group")
    initiative = Initiative.objects.create(community=community, title="Buurttuin")
    client = client_for(core)
    base = f"/c/wijk/initiatives/{initiative.pk}/story/"
    assert (
        client.post(base, {"problem": "Weinig contact", "goal": "Elkaar kennen"}).status_code == 302
    )
    client.post(base + "outcomes/", {"level": "individual", "description": "Minder eenzaam"})
    outcome = StoryOutcome.objects.get()
    client.post(
        base + f"outcomes/{outcome.pk}/indicators/",
        {"name": "Deelnemers", "unit": "personen", "baseline": "4", "target": "20"},
    )
    indicator = Indicator.objects.get()
    client.post(
        base + f"indicators/{indicator.pk}/measurements/",
        {"value": "12", "measured_on": "2026-06-01"},
    )
    assert Measurement.objects.get().value == 12
    page = client.get(base).content.decode()
    assert "Minder eenzaam" in page and "Deelnemers" in page
    # bad input: no level, nothing stored
    client.post(base + "outcomes/", {"level": "galaxy", "description": "x"})
    assert StoryOutcome.objects.count() == 1
    resident = client_for(person_factory(community, "resident"))
    assert resident.get(base).status_code == 200
    assert (
        resident.post(base + "outcomes/", {"level": "group", "description": "x"}).status_code == 403
    )
    assert StoryOutcome.objects.count() == 1


def test_interpretation_session_with_actions(community, person_factory):
    core = person_factory(community, "core_group")
    card = services.save_card(actor_of(core), card_data())
    client = client_for(core)
    response = client.post(
        f"/c/wijk/impact/cards/{card.pk}/sessions/new/",
        {
            "held_on": "2026-09-01",
            "participants": "6 bewoners, 1 coördinator",
            "recognise": "Ja",
            "explain": "De tuin trekt mensen",
            "opinion": "Goed",
            "next_steps": "Meer jongeren",
            "action": "Flyer op school",
            "action_who": "kerngroep",
        },
    )
    assert response.status_code == 302
    session = InterpretationSession.objects.get()
    assert session.actions.get().what == "Flyer op school"
    page = client.get(f"/c/wijk/impact/cards/{card.pk}/").content.decode()
    assert "Meer jongeren" in page and "Flyer op school" in page
    with pytest.raises(ValidationError):
        services.record_session(
            actor_of(core),
            card,
            {"held_on": date(2026, 9, 2), "participants": "x"},
            [{"what": "", "who": ""}],
        )
    assert InterpretationSession.objects.count() == 1 and AgreedAction.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.record_session(
            actor_of(person_factory(community, "funder")),
            card,
            {"held_on": date(2026, 9, 2), "participants": "x"},
            [],
        )
