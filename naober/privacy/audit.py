"""Write the audit trail. Other apps call `record_access` and `record_change`; nothing else
writes it.

Each community has one hash chain: entry n stores sha256(hash of entry n-1 + canonical content
of n).
Editing, deleting or reordering an entry breaks every later link, which `verify_chain` (and the
`audit_verify` command) detects. Appends first UPDATE the community's chain head row: that takes a
row lock on PostgreSQL and the write lock on SQLite, so two writers can never build on the same
link.
"""

import hashlib
import json
from datetime import UTC

from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone

from naober.people.models import Person
from naober.people.selectors import CONTACT_FIELDS
from naober.privacy.models import AuditAction, AuditChainHead, AuditEntry

MAX_FIELDS = 50


def canonical(entry: AuditEntry) -> str:
    """The content an entry's hash covers, as stable JSON (sorted keys, UTC time, plain ids)."""
    return json.dumps(
        {
            "community": entry.community_id,
            "seq": entry.seq,
            "actor": entry.actor_id,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "person": entry.person_id,
            "purpose": entry.purpose,
            "fields": list(entry.fields),
            "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )


def link_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode()).hexdigest()


def concerned_person(obj: Model):
    """The person a row is about: the row itself, or its first link to a person."""

    if isinstance(obj, Person):
        return obj
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.related_model is Person:
            return getattr(obj, field.name)
    return None


def append(
    community,
    action: str,
    obj: Model | None,
    purpose: str,
    *,
    actor_person=None,
    fields: list[str] | None = None,
    person=None,
    object_type: str = "",
    object_id: str = "",
) -> AuditEntry:
    """Add one link to the community's chain (inside its own transaction or the caller's)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        person = person if person is not None else concerned_person(obj)
    with transaction.atomic():
        AuditChainHead.objects.get_or_create(community=community)
        AuditChainHead.objects.filter(pk=community.pk).update(seq=F("seq") + 1)
        head = AuditChainHead.objects.select_for_update().get(pk=community.pk)
        entry = AuditEntry(
            community=community,
            seq=head.seq,
            actor=actor_person,
            action=action,
            object_type=object_type[:100],
            object_id=object_id[:64],
            person=person,
            purpose=str(purpose)[:200],
            fields=[str(f)[:100] for f in (fields or [])][:MAX_FIELDS],
            at=timezone.now(),
            prev_hash=head.last_hash,
        )
        entry.hash = link_hash(head.last_hash, entry)
        entry.save()
        AuditChainHead.objects.filter(pk=community.pk).update(last_hash=entry.hash)
    return entry


def record_access(
    actor, obj: Model, purpose: str, fields: list[str] | None = None, *, person=None
) -> AuditEntry:
    """Record that `actor` viewed sensitive data of `obj` (contact details, visit notes, ...)."""
    return append(
        actor.community,
        AuditAction.VIEW,
        obj,
        purpose,
        actor_person=actor.person,
        fields=fields,
        person=person,
    )


def record_access_many(actor, people, purpose: str, fields: list[str] | None = None) -> int:
    """Record that `actor` viewed `fields` of each of `people` (a list page): one entry per
    person, appended to the chain in one step, so a page of fifty rows costs a handful of queries
    instead of fifty appends. Returns how many entries were written."""
    people = list(people)
    if not people:
        return 0
    community = actor.community
    fields = [str(f)[:100] for f in (fields or [])][:MAX_FIELDS]
    with transaction.atomic():
        AuditChainHead.objects.get_or_create(community=community)
        AuditChainHead.objects.filter(pk=community.pk).update(seq=F("seq") + len(people))
        head = AuditChainHead.objects.select_for_update().get(pk=community.pk)
        prev, now, entries = head.last_hash, timezone.now(), []
        for offset, person in enumerate(people):
            entry = AuditEntry(
                community=community,
                seq=head.seq - len(people) + 1 + offset,
                actor=actor.person,
                action=AuditAction.VIEW,
                object_type=person._meta.label_lower,
                object_id=str(person.pk),
                person=person,
                purpose=str(purpose)[:200],
                fields=fields,
                at=now,
                prev_hash=prev,
            )
            entry.hash = prev = link_hash(prev, entry)
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries)
        AuditChainHead.objects.filter(pk=community.pk).update(last_hash=prev)
    return len(entries)


def record_change(
    actor, obj: Model, purpose: str, fields: list[str] | None = None, *, person=None
) -> AuditEntry:
    """Record that `actor` changed sensitive data of `obj`."""
    return append(
        actor.community,
        AuditAction.CHANGE,
        obj,
        purpose,
        actor_person=actor.person,
        fields=fields,
        person=person,
    )


def record_contact_view(actor, person, shown: dict, purpose: str) -> AuditEntry | None:
    """Record a view of someone else's contact details when `shown` (a person_view) holds them."""
    fields = [name for name in CONTACT_FIELDS if name in shown]
    if not fields or (actor.person is not None and actor.person.pk == person.pk):
        return None
    return record_access(actor, person, purpose, fields)
