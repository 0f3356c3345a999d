"""Volunteers: profile, VOG expiry list and reminder, idle and overloaded lists, appreciation."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.http import Http404
from django.test import Client
from django.utils import timezone

from naober.communities.context import resolve_actor
from naober.volunteering import selectors, services
from naober.volunteering.models import (
    Appreciation,
    Training,
    VolunteeringSettings,
    VolunteerProfile,
)


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator", name="Carla Coördinator")


@pytest.fixture
def volunteer(community, person_factory):
    return person_factory(community, "volunteer", name="Vera Vrijwilliger")


def months_ago(months: int, extra_days: int = 0) -> date:
    return selectors.add_months(timezone.localdate(), -months) - timedelta(days=extra_days)


def test_profile_is_saved_and_volunteer_role_given(coordinator, person_factory, community):
    resident = person_factory(community, "resident")
    profile = services.save_profile(
        actor_of(coordinator),
        resident,
        {
            "agreement_signed_on": date(2025, 1, 5),
            "vog_issued_on": date(2025, 1, 2),
            "will_not_do": "Geen persoonlijke verzorging",
            "max_per_month": 3,
            "availability": "Dinsdagmiddag",
            "insurance_note": "Via de gemeente",
        },
    )
    assert profile.max_per_month == 3 and profile.will_not_do == "Geen persoonlijke verzorging"
    assert "volunteer" in resident.role_codes


@pytest.mark.parametrize(
    "bad", [{"vog_issued_on": date.today() + timedelta(days=10)}, {"max_per_month": 99}]
)
def test_bad_profile_stores_nothing(coordinator, volunteer, bad):
    with pytest.raises(ValidationError):
        services.save_profile(actor_of(coordinator), volunteer, bad)
    assert VolunteerProfile.objects.count() == 0


@pytest.mark.parametrize("role", ["volunteer", "core_group", "resident", "partner"])
def test_only_staff_manage_volunteers(community, person_factory, volunteer, role):
    actor = actor_of(person_factory(community, role))
    with pytest.raises(PermissionDenied):
        services.save_profile(actor, volunteer, {"max_per_month": 2})
    with pytest.raises(PermissionDenied):
        selectors.profiles(actor)
    assert VolunteerProfile.objects.count() == 0


def test_vog_expiry_follows_the_community_rule(coordinator, volunteer, person_factory, community):
    actor = actor_of(coordinator)
    old = services.save_profile(actor, volunteer, {"vog_issued_on": months_ago(35)})
    fresh_person = person_factory(community, "volunteer")
    services.save_profile(actor, fresh_person, {"vog_issued_on": months_ago(6)})
    assert [s.profile for s in selectors.vog_expiring(community)] == [old]
    services.update_settings(actor, vog_max_age_months=6, vog_warning_days=30)
    assert len(selectors.vog_expiring(community)) == 2
    with pytest.raises(ValidationError):
        services.update_settings(actor, vog_max_age_months=0, vog_warning_days=30)
    assert selectors.rules_for(community).vog_max_age_months == 6


def test_vog_reminder_tells_every_coordinator(
    coordinator, volunteer, community, person_factory, monkeypatch
):
    second = person_factory(community, "coordinator")
    told = []
    monkeypatch.setattr(
        "naober.volunteering.services.send_notice",
        lambda person, kind, ctx: told.append((person, kind, ctx)),
    )
    assert services.send_vog_reminders(community) == 0  # nothing expires: nothing sent
    services.save_profile(actor_of(coordinator), volunteer, {"vog_issued_on": months_ago(36, 1)})
    call_command("vog_reminders", stdout=io.StringIO())
    assert {p for p, _k, _c in told} == {coordinator, second}
    assert all(kind == "vog_expiring" for _p, kind, _c in told)
    assert told[0][2]["volunteers"][0].profile.person == volunteer


def test_vog_reminder_task_runs(coordinator, volunteer, monkeypatch):
    from naober.volunteering.tasks import vog_reminders

    told = []
    monkeypatch.setattr(
        "naober.volunteering.services.send_notice", lambda person, kind, ctx: told.append(person)
    )
    services.save_profile(actor_of(coordinator), volunteer, {"vog_issued_on": months_ago(40)})
    assert vog_reminders.call() == 1 and told == [coordinator]


def test_idle_volunteers_without_matches(coordinator, volunteer, community):
    actor = actor_of(coordinator)
    profile = services.save_profile(actor, volunteer, {})
    assert selectors.idle(actor, weeks=8) == [profile]


def test_idle_and_overloaded_with_matches(coordinator, volunteer, community, person_factory):
    """Runs once exchange.Match exists (the exchange app delivers it)."""
    from django.apps import apps

    try:
        match_model = apps.get_model("exchange", "Match")
    except LookupError:
        pytest.skip("exchange.Match is not there yet")
    from naober.exchange.models import Category, HelpOffer, HelpRequest

    actor = actor_of(coordinator)
    busy = services.save_profile(actor, volunteer, {"max_per_month": 1})
    quiet = services.save_profile(actor, person_factory(community, "volunteer"), {})
    category = Category.objects.filter(community=community).first()
    offer = HelpOffer.objects.create(community=community, helper=volunteer, description="x")
    for _ in range(2):
        request = HelpRequest.objects.create(
            community=community,
            category=category,
            title="x",
            requester=person_factory(community, "resident"),
        )
        match_model.objects.create(
            community=community,
            request=request,
            offer=offer,
            helper=volunteer,
            mode="mediated",
            state="proposed",
        )
    assert selectors.idle(actor) == [quiet]
    assert selectors.overloaded(actor) == [(busy, "limit")]


def test_training_and_appreciation(coordinator, volunteer):
    actor = actor_of(coordinator)
    profile = services.save_profile(actor, volunteer, {})
    services.add_training(actor, profile, name="Huisbezoeken afleggen", held_on=date(2026, 2, 1))
    services.record_appreciation(
        actor, profile, kind="gift", given_on=date(2026, 2, 2), note="Bos bloemen"
    )
    entry = selectors.appreciations(actor).get()
    assert entry.by == coordinator and entry.note == "Bos bloemen"
    with pytest.raises(ValidationError):
        services.record_appreciation(actor, profile, kind="medal", given_on=date(2026, 2, 2))
    with pytest.raises(ValidationError):
        services.add_training(actor, profile, name=" ", held_on=date(2026, 2, 1))
    assert Appreciation.objects.count() == 1 and Training.objects.count() == 1


def test_profiles_of_another_community_are_hidden(
    coordinator, volunteer, other_community, person_factory
):
    profile = services.save_profile(
        actor_of(coordinator), volunteer, {"vog_issued_on": months_ago(40)}
    )
    services.record_appreciation(
        actor_of(coordinator), profile, kind="thank_you", given_on=date(2026, 1, 1)
    )
    elsewhere = actor_of(person_factory(other_community, "coordinator"))
    assert not selectors.profiles(elsewhere).exists()
    assert not selectors.appreciations(elsewhere).exists()
    assert selectors.vog_expiring(other_community) == []
    assert selectors.idle(elsewhere) == []
    with pytest.raises(Http404):
        selectors.profile_get(elsewhere, profile.pk)
    with pytest.raises(ValidationError):
        services.save_profile(elsewhere, volunteer, {})
    with pytest.raises(ValidationError):
        services.add_training(elsewhere, profile, name="x", held_on=date(2026, 1, 1))


def test_add_months_handles_short_months():
    assert selectors.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert selectors.add_months(date(2023, 3, 15), 36) == date(2026, 3, 15)
    assert selectors.add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)


# Pages ------------------------------------------------------------------------------------------


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def test_overview_page_shows_expiring_and_idle(coordinator, volunteer):
    services.save_profile(actor_of(coordinator), volunteer, {"vog_issued_on": months_ago(35)})
    page = client_for(coordinator).get("/c/wijk/volunteers/?weeks=4").content.decode()
    assert page.count("Vera Vrijwilliger") >= 3  # the table, expiring soon, not asked lately


@pytest.mark.parametrize("role", ["volunteer", "core_group", "resident", "partner"])
def test_overview_page_is_for_staff(community, person_factory, role):
    assert client_for(person_factory(community, role)).get("/c/wijk/volunteers/").status_code == 403


def test_pages_create_and_edit_a_profile(coordinator, volunteer):
    client = client_for(coordinator)
    response = client.post(
        "/c/wijk/volunteers/", {"op": "new", "new-person": volunteer.pk, "new-max_per_month": 2}
    )
    profile = VolunteerProfile.objects.get()
    url = f"/c/wijk/volunteers/{profile.pk}/"
    assert response.url == url
    client.post(
        url,
        {
            "op": "appreciation",
            "appreciation-kind": "meeting",
            "appreciation-given_on": "2026-02-01",
            "appreciation-note": "Kerstborrel",
        },
    )
    client.post(
        url, {"op": "training", "training-name": "Signaleren", "training-held_on": "2026-01-10"}
    )
    assert profile.appreciations.count() == 1 and profile.trainings.count() == 1
    response = client.post(url, {"op": "profile", "profile-max_per_month": 500})
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.max_per_month == 2
    response = client.post(
        "/c/wijk/volunteers/",
        {"op": "settings", "rules-vog_max_age_months": 0, "rules-vog_warning_days": 10},
    )
    assert response.status_code == 200
    assert selectors.rules_for(coordinator.community).vog_max_age_months == 36


def test_profile_page_of_another_community_is_404(
    coordinator, volunteer, other_community, person_factory
):
    profile = services.save_profile(actor_of(coordinator), volunteer, {})
    client = client_for(person_factory(other_community, "coordinator"))
    assert client.get(f"/c/elders/volunteers/{profile.pk}/").status_code == 404


def test_overview_lists_volunteers_a_page_at_a_time(coordinator, community, monkeypatch):
    """A city's thousands of volunteers come from the database one page at a time (issue 16)."""
    from naober.people.models import Person
    from naober.volunteering import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for name in ("Anna Een", "Bert Twee", "Cees Drie"):
        person = Person.objects.create(community=community, name=name)
        VolunteerProfile.objects.create(community=community, person=person)
    client = client_for(coordinator)
    first = client.get("/c/wijk/volunteers/?weeks=12").content.decode()
    table = first.split("<table")[1].split("</table>")[0]  # the idle list below names everyone
    assert "Anna Een" in table and "Bert Twee" in table and "Cees Drie" not in table
    assert "Pagina 1 van 2" in first and "?weeks=12&amp;page=2" in first  # the weeks stay
    second = client.get("/c/wijk/volunteers/?page=2").content.decode()
    table = second.split("<table")[1].split("</table>")[0]
    assert "Cees Drie" in table and "Anna Een" not in table
    assert "Vorige pagina" in second
    assert client.get("/c/wijk/volunteers/?page=zz9").status_code == 200  # a bad page: the first


def test_reading_the_vog_rules_writes_nothing(community):
    """Selectors only read: a community that never saved its rules reads the defaults."""
    assert selectors.rules_for(community).vog_max_age_months == 36
    selectors.vog_expiring(community)
    assert not VolunteeringSettings.objects.filter(community=community).exists()
