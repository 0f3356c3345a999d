"""The audit log as coordinators read it (page and API), and the reads that write it."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from naober.communities.context import resolve_actor
from naober.privacy.audit import record_access
from naober.privacy.models import AuditEntry


def web(person):
    client = Client()
    client.force_login(person.user)
    return client


def test_person_page_with_contact_details_writes_an_entry(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    resident = person_factory(community)
    assert web(coordinator).get(f"/c/wijk/people/{resident.pk}/").status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.person, entry.action) == (coordinator, resident, "view")
    assert "phone" in entry.fields


def test_core_group_sees_no_contact_details_so_nothing_is_logged(community, person_factory):
    member = person_factory(community, "core_group")
    resident = person_factory(community)
    assert web(member).get(f"/c/wijk/people/{resident.pk}/").status_code == 200
    assert not AuditEntry.objects.exists()


def test_api_person_with_contact_fields_writes_an_entry(api, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    resident = person_factory(community)
    api.login(coordinator)
    assert api.get(f"c/wijk/people/{resident.pk}").status_code == 200
    assert AuditEntry.objects.get().person == resident
    api.login(resident)
    assert api.get(f"c/wijk/people/{resident.pk}").status_code == 200  # own data: not logged
    assert AuditEntry.objects.count() == 1


def _log(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    other_coordinator = person_factory(community, "coordinator")
    first, second = person_factory(community), person_factory(community)
    record_access(resolve_actor(coordinator.user, "wijk"), first, "call")
    record_access(resolve_actor(other_coordinator.user, "wijk"), second, "visit")
    old = record_access(resolve_actor(coordinator.user, "wijk"), second, "old")
    AuditEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=40))
    return coordinator, other_coordinator, first, second


def test_audit_page_filters_by_person_actor_and_date(community, person_factory):
    coordinator, other, first, second = _log(community, person_factory)
    client = web(coordinator)
    page = client.get("/c/wijk/audit/")
    assert page.status_code == 200 and len(page.context["page"]) == 3
    assert len(client.get(f"/c/wijk/audit/?person={second.pk}").context["page"]) == 2
    assert len(client.get(f"/c/wijk/audit/?by={other.pk}").context["page"]) == 1
    since = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert len(client.get(f"/c/wijk/audit/?date_from={since}").context["page"]) == 2
    bad = client.get("/c/wijk/audit/?person=abc&date_from=nonsense")
    assert bad.status_code == 200 and bad.context["form"].errors


def test_audit_page_is_for_staff_only(community, person_factory, other_community):
    _log(community, person_factory)
    assert web(person_factory(community)).get("/c/wijk/audit/").status_code == 403
    assert web(person_factory(community, "core_group")).get("/c/wijk/audit/").status_code == 403
    stranger = person_factory(other_community, "coordinator")
    assert web(stranger).get("/c/wijk/audit/").status_code == 404


def test_api_audit_list_filters_and_isolation(api, community, person_factory, other_community):
    coordinator, other, first, second = _log(community, person_factory)
    api.login(coordinator)
    body = api.get("c/wijk/audit").json()
    assert body["count"] == 3 and body["items"][0]["seq"] == 3
    assert api.get("c/wijk/audit", person=first.pk).json()["count"] == 1
    assert api.get("c/wijk/audit", actor=other.pk).json()["count"] == 1
    until = (timezone.localdate() - timedelta(days=30)).isoformat()
    assert api.get("c/wijk/audit", date_to=until).json()["count"] == 1
    assert api.get("c/wijk/audit", person="x").status_code == 422
    assert api.get("c/wijk/audit", limit=500).status_code == 422
    stranger = person_factory(other_community, "coordinator")
    record_access(resolve_actor(stranger.user, "elders"), stranger, "own")
    assert api.get("c/wijk/audit").json()["count"] == 3
    assert api.get("c/elders/audit").status_code == 404
    api.login(stranger)
    assert api.get("c/elders/audit").json()["count"] == 1


def test_api_audit_denied_for_residents(api, community, person_factory):
    api.login(person_factory(community))
    response = api.get("c/wijk/audit")
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
