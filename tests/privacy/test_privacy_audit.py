"""The audit trail: entries on reads of contact details, a chain that detects tampering."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection

from naober.communities.context import resolve_actor
from naober.privacy.audit import record_access, record_change
from naober.privacy.models import AuditChainHead, AuditEntry
from naober.privacy.verify import verify_chain


def actor_of(person):
    return resolve_actor(person.user, person.community.slug)


@pytest.fixture
def chain(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    resident = person_factory(community)
    actor = actor_of(coordinator)
    for n in range(4):
        record_access(actor, resident, f"check {n}", ["phone"])
    return community


def test_record_access_stores_who_what_and_about_whom(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    resident = person_factory(community)
    entry = record_access(actor_of(coordinator), resident, "phone call", ["phone", "email"])
    assert (entry.actor, entry.person, entry.action) == (coordinator, resident, "view")
    assert (entry.object_type, entry.object_id) == ("people.person", str(resident.pk))
    assert entry.fields == ["phone", "email"] and entry.seq == 1 and entry.prev_hash == ""
    change = record_change(actor_of(coordinator), resident, "correction", ["phone"])
    assert change.action == "change" and change.prev_hash == entry.hash and change.seq == 2


def test_person_concerned_is_found_through_a_link(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    resident = person_factory(community)
    consent = resident.consents.create(purpose="contact", granted=True, method="paper")
    entry = record_access(actor_of(coordinator), consent, "check consent")
    assert entry.person == resident and entry.object_type == "people.consent"


def test_chains_are_per_community(chain, other_community, person_factory):
    other = person_factory(other_community, "coordinator")
    entry = record_access(actor_of(other), other, "own data")
    assert entry.seq == 1 and entry.prev_hash == ""
    assert verify_chain(chain).ok and verify_chain(other_community).ok


def test_intact_chain_verifies(chain):
    report = verify_chain(chain)
    assert report.ok and report.checked == 4
    call_command("audit_verify", "--community", "wijk")


def test_edited_entry_is_detected(chain):
    AuditEntry.objects.filter(community=chain, seq=2).update(purpose="something else")
    report = verify_chain(chain)
    assert report.broken_seq == 2
    with pytest.raises(SystemExit) as exc:
        call_command("audit_verify", "--community", "wijk")
    assert exc.value.code == 1


def test_deleted_entry_is_detected(chain):
    AuditEntry.objects.filter(community=chain, seq=3).delete()
    assert verify_chain(chain).broken_seq == 3


def test_deleted_newest_entry_is_detected(chain):
    AuditEntry.objects.filter(community=chain, seq=4).delete()
    assert verify_chain(chain).broken_seq == 4


def test_reordered_entries_are_detected(chain):
    first, second = AuditEntry.objects.filter(community=chain, seq__in=[2, 3]).order_by("seq")
    AuditEntry.objects.filter(pk=first.pk).update(seq=99)
    AuditEntry.objects.filter(pk=second.pk).update(seq=2)
    AuditEntry.objects.filter(pk=first.pk).update(seq=3)
    assert verify_chain(chain).broken_seq == 2


def test_rehashing_one_entry_still_breaks_the_next_link(chain):
    from naober.privacy.audit import link_hash

    entry = AuditEntry.objects.get(community=chain, seq=2)
    entry.purpose = "forged"
    entry.hash = link_hash(entry.prev_hash, entry)
    entry.save()
    assert verify_chain(chain).broken_seq == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_keep_one_chain(community, person_factory):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    coordinator = person_factory(community, "coordinator")
    actor = actor_of(coordinator)
    errors = []

    def write():
        try:
            for n in range(10):
                record_access(actor, coordinator, f"race {n}")
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEntry.objects.filter(community=community).count() == 60
    assert AuditChainHead.objects.get(pk=community.pk).seq == 60
    assert verify_chain(community).ok
