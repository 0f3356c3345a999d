"""AVG rights: download everything about a person, correct it, erase it (anonymise), isolation."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client

from naober.communities.context import resolve_actor
from naober.exchange.models import Category, HelpOffer, HelpRequest
from naober.people.models import Person, PersonTag, Tag
from naober.privacy import erasure, subject
from naober.privacy.audit import record_access
from naober.privacy.models import AuditEntry
from naober.privacy.subject import ANONYMOUS_NAME


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


def web(person):
    client = Client()
    client.force_login(person.user)
    return client


@pytest.fixture
def resident(community, person_factory):
    """A resident with rows in several apps: consent, tag, request, offer, audit entry."""
    person = person_factory(community, date_of_birth="1944-05-01", languages=["nl", "tr"])
    category = Category.objects.filter(community=community).first()
    person.consents.create(purpose="contact", granted=True, method="paper", note="zei ja")
    tag = Tag.objects.create(community=community, label="Tuinieren", life_domain="activities")
    PersonTag.objects.create(person=person, tag=tag, kind="talent")
    HelpRequest.objects.create(
        community=community,
        requester=person,
        category=category,
        title="Boodschappen",
        description="Ik kan slecht lopen",
        status="done",
    )
    HelpRequest.objects.create(
        community=community,
        requester=person,
        category=category,
        title="Gras maaien",
        description="Grote tuin",
    )
    offer = HelpOffer.objects.create(community=community, helper=person, description="Ik lees voor")
    offer.categories.add(category)
    return person


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator")


def test_export_contains_rows_from_every_app_and_nobody_elses(
    resident, coordinator, person_factory, community
):
    neighbour = person_factory(community, name="Buurvrouw Geheim")
    HelpRequest.objects.create(
        community=community,
        requester=neighbour,
        category=Category.objects.first(),
        title="Niet van jou",
    )
    record_access(actor_of(coordinator), resident, "phone call", ["phone"])
    response = web(resident).get("/c/wijk/my-data/?format=json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    sections = data["sections"]
    assert sections["person"][0]["name"] == resident.name
    assert sections["person"][0]["phone"] == resident.phone
    assert sections["account"][0]["username"] == resident.user.username
    keys = set(sections)
    assert {
        "people.consents",
        "people.tags",
        "communities.memberships",
        "exchange.requests",
        "exchange.offers",
        "privacy.audit",
    } <= keys
    titles = {r["title"] for r in sections["exchange.requests"]}
    assert titles == {"Boodschappen", "Gras maaien"}
    assert "Niet van jou" not in response.content.decode()
    assert "Buurvrouw" not in response.content.decode()
    assert all("hash" not in r for r in sections["privacy.audit"])


def test_export_page_is_readable_and_audited(resident):
    """Opening the page is logged as viewed; only the file is logged as downloaded."""
    before = AuditEntry.objects.filter(action="view").count()
    response = web(resident).get("/c/wijk/my-data/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Boodschappen" in page and "Ik lees voor" in page and resident.phone in page
    assert AuditEntry.objects.filter(action="view").count() == before + 1
    assert not AuditEntry.objects.filter(action="export").exists()
    web(resident).get("/c/wijk/my-data/?format=json")
    assert AuditEntry.objects.filter(action="export").count() == 1


def test_profile_links_to_my_data(resident):
    page = web(resident).get("/c/wijk/profile/").content.decode()
    assert "/c/wijk/my-data/" in page


def test_coordinator_exports_on_behalf_and_links_to_correction(resident, coordinator):
    response = web(coordinator).get(f"/c/wijk/people/{resident.pk}/data/")
    assert response.status_code == 200
    assert f"/c/wijk/people/{resident.pk}/edit/" in response.content.decode()
    entry = AuditEntry.objects.get(action="view", purpose="subject access request")
    assert entry.actor == coordinator and entry.person == resident


def test_correction_through_the_edit_page_changes_the_export(resident, coordinator):
    response = web(coordinator).post(
        f"/c/wijk/people/{resident.pk}/edit/",
        {
            "name": "Nieuwe Naam",
            "phone": "06 11112222",
            "preferred_channel": "phone",
            "area": resident.area_id,
            "languages": "nl",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    data = json.loads(web(resident).get("/c/wijk/my-data/?format=json").content)
    assert data["sections"]["person"][0]["name"] == "Nieuwe Naam"


def test_resident_cannot_see_or_erase_someone_else(resident, person_factory, community):
    other = person_factory(community)
    client = web(other)
    # Not allowed looks exactly like not there (issue 12.3).
    assert client.get(f"/c/wijk/people/{resident.pk}/data/").status_code == 404
    assert client.post(f"/c/wijk/people/{resident.pk}/erase/", {"confirm": "on"}).status_code == 404
    assert Person.objects.get(pk=resident.pk).erased_at is None


def test_coordinator_of_another_community_gets_404(resident, other_community, person_factory):
    stranger = person_factory(other_community, "coordinator")
    client = web(stranger)
    assert client.get(f"/c/elders/people/{resident.pk}/data/").status_code == 404
    assert (
        client.post(f"/c/elders/people/{resident.pk}/erase/", {"confirm": "on"}).status_code == 404
    )
    assert Person.objects.get(pk=resident.pk).erased_at is None


def test_erasure_needs_the_confirmation_step(resident):
    client = web(resident)
    assert client.get("/c/wijk/my-data/erase/").status_code == 200
    response = client.post("/c/wijk/my-data/erase/", {})
    assert response.status_code == 200
    assert Person.objects.get(pk=resident.pk).erased_at is None


def test_erasure_anonymises_and_keeps_the_counts(resident, coordinator, community):
    requests_before = HelpRequest.objects.filter(community=community).count()
    offers_before = HelpOffer.objects.filter(community=community).count()
    user = resident.user
    response = web(coordinator).post(f"/c/wijk/people/{resident.pk}/erase/", {"confirm": "on"})
    assert response.status_code == 302
    person = Person.objects.get(pk=resident.pk)
    assert person.name == ANONYMOUS_NAME and person.erased_at is not None
    assert (person.phone, person.email, person.address) == ("", "", "")
    assert person.date_of_birth is None and person.languages == [] and person.user is None
    assert not PersonTag.objects.filter(person=person).exists()
    assert set(
        HelpRequest.objects.filter(requester=person).values_list("description", flat=True)
    ) == {""}
    assert HelpOffer.objects.get(helper=person).description == ""
    assert person.consents.get().note == ""
    assert HelpRequest.objects.filter(community=community).count() == requests_before
    assert HelpOffer.objects.filter(community=community).count() == offers_before
    # Titles are what she typed about herself: emptied; the open request is cancelled.
    assert set(HelpRequest.objects.filter(requester=person).values_list("title", flat=True)) == {
        "[verwijderd]"
    }
    assert set(HelpRequest.objects.filter(requester=person).values_list("status", flat=True)) == {
        "done",
        "cancelled",
    }
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    entry = AuditEntry.objects.get(action="erase")
    assert entry.actor == coordinator and entry.person_id == person.pk


def test_self_erasure_logs_out(resident):
    client = web(resident)
    response = client.post("/c/wijk/my-data/erase/", {"confirm": "on"})
    assert response.status_code == 302
    assert client.get("/c/wijk/my-data/").status_code == 302  # to the login page


# --- API ---------------------------------------------------------------------------------------


def test_api_export_and_erase(api, resident, coordinator):
    api.login(coordinator)
    response = api.get(f"c/wijk/people/{resident.pk}/export")
    assert response.status_code == 200
    assert response.json()["sections"]["person"][0]["name"] == resident.name
    bad = api.post(f"c/wijk/people/{resident.pk}/erase", {"confirm": False})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid"
    assert Person.objects.get(pk=resident.pk).erased_at is None
    response = api.post(f"c/wijk/people/{resident.pk}/erase", {"confirm": True})
    assert response.status_code == 200
    assert Person.objects.get(pk=resident.pk).name == ANONYMOUS_NAME


def test_api_rights_permissions(api, resident, person_factory, community, other_community):
    api.login(person_factory(community))
    assert api.get(f"c/wijk/people/{resident.pk}/export").status_code == 404
    assert api.post(f"c/wijk/people/{resident.pk}/erase", {"confirm": True}).status_code == 404
    api.login(resident)
    assert api.get(f"c/wijk/people/{resident.pk}/export").status_code == 200
    api.login(person_factory(other_community, "coordinator"))
    assert api.get(f"c/elders/people/{resident.pk}/export").status_code == 404
    assert api.post(f"c/elders/people/{resident.pk}/erase", {"confirm": True}).status_code == 404
    assert Person.objects.get(pk=resident.pk).erased_at is None


def test_api_erase_bad_input_changes_nothing(api, resident, coordinator):
    api.login(coordinator)
    assert api.post(f"c/wijk/people/{resident.pk}/erase", raw="{bad").status_code == 400
    assert api.post("c/wijk/people/0/erase", {"confirm": True}).status_code == 422
    assert Person.objects.get(pk=resident.pk).erased_at is None


def test_erase_service_refuses_a_resident_acting_on_a_neighbour(community, person_factory):
    """The service checks the right itself, not only the selector that found the person."""
    neighbour = person_factory(community)
    nosy = person_factory(community)
    with pytest.raises(PermissionDenied):
        erasure.erase(actor_of(nosy), neighbour)
    with pytest.raises(PermissionDenied):
        subject.export(actor_of(nosy), neighbour)
    neighbour.refresh_from_db()
    assert neighbour.erased_at is None
    assert not AuditEntry.objects.filter(person=neighbour, action="export").exists()


def test_erase_service_does_not_find_another_communitys_person(
    community, other_community, person_factory
):
    stranger = person_factory(other_community)
    coordinator = person_factory(community, "coordinator")
    with pytest.raises(Http404):
        erasure.erase(actor_of(coordinator), stranger)
    with pytest.raises(Http404):
        subject.export(actor_of(coordinator), stranger)
    stranger.refresh_from_db()
    assert stranger.erased_at is None


def test_erase_service_allows_oneself_and_a_coordinator(community, person_factory):
    me, other = person_factory(community), person_factory(community)
    coordinator = person_factory(community, "coordinator")
    assert erasure.erase(actor_of(me), me).erased_at is not None
    assert erasure.erase(actor_of(coordinator), other).erased_at is not None
