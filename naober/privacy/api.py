"""API for privacy: the audit log, and a person's data download and erasure (API.md extension)."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.privacy import erasure, selectors, subject
from naober.privacy.api_access import router as access_router
from naober.privacy.models import AuditEntry

router = Router(tags=["privacy"])
router.add_router("", access_router)  # roles, API tokens, setup codes (privacy/api_access.py)

PersonId = Path(..., ge=1, le=2**62)


class AuditOut(Schema):
    id: int
    seq: int
    at: datetime
    action: str
    actor: int | None
    person: int | None
    object_type: str
    object_id: str
    purpose: str
    fields: list[str]
    hash: str


class AuditFilter(Schema):
    person: int | None = Field(None, ge=1, le=2**62)
    actor: int | None = Field(None, ge=1, le=2**62)
    date_from: date | None = None
    date_to: date | None = None


class ExportOut(Schema):
    exported_at: str
    community: str
    sections: dict[str, list[dict[str, Any]]]


class EraseIn(Schema):
    confirm: Literal[True] = Field(..., description="must be true: erasure cannot be undone")


class EraseOut(Schema):
    id: int
    erased_at: datetime


@router.get("/c/{community}/audit", response=list[AuditOut])
@paginate(Pagination)
def list_audit(request, community: str, filters: Query[AuditFilter]):
    actor = actor_for(request, community)
    entries = selectors.audit_log(
        actor,
        person=filters.person,
        by=filters.actor,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    return Mapped(entries, _audit_out)


def _audit_out(e: AuditEntry) -> dict:
    return {
        "id": e.pk,
        "seq": e.seq,
        "at": e.at,
        "action": e.action,
        "actor": e.actor_id,
        "person": e.person_id,
        "object_type": e.object_type,
        "object_id": e.object_id,
        "purpose": e.purpose,
        "fields": e.fields,
        "hash": e.hash,
    }


@router.get("/c/{community}/people/{person_id}/export", response={200: ExportOut, **ERRORS})
def export_person(request, community: str, person_id: int = PersonId):
    """Everything stored about one person: oneself, or anyone for a coordinator."""
    actor = actor_for(request, community)
    return subject.export(actor, selectors.subject(actor, person_id))


@router.post("/c/{community}/people/{person_id}/erase", response={200: EraseOut, **ERRORS})
def erase_person(request, community: str, payload: EraseIn, person_id: int = PersonId):
    """Anonymise one person (oneself, or anyone for a coordinator). Cannot be undone."""
    actor = actor_for(request, community)
    person = erasure.erase(actor, selectors.subject(actor, person_id))
    return {"id": person.pk, "erased_at": person.erased_at}
