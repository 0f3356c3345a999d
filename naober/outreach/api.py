"""API for outreach: /api/v1/c/{community}/visits and signals (see shared/API.md)."""

from datetime import date, datetime

from django.db import transaction
from django.http import Http404
from ninja import Field, Path, Router, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Pagination
from naober.communities.permissions import Action
from naober.outreach import selectors, services, triage
from naober.outreach.models import (
    SignalAction,
    SignalKind,
    SignalStatus,
    Trits,
    Urgency,
    VisitOutcome,
    WalkEntry,
)
from naober.people.models import LifeDomain, Person
from naober.people.selectors import people_of

router = Router(tags=["outreach"])
Id = Field(None, ge=1, le=2**62)


class DomainIn(Schema):
    domain: LifeDomain
    talents: str = Field("", max_length=1000)
    wishes: str = Field("", max_length=1000)
    could_offer: str = Field("", max_length=1000)
    needs: str = Field("", max_length=1000)
    trits: Trits | None = None


class DomainOut(Schema):
    domain: str
    talents: str
    wishes: str
    could_offer: str
    needs: str
    trits: str


class VisitIn(Schema):
    person: int | None = Id
    entry: int | None = Id
    address: str = Field("", max_length=200)
    visited_on: date
    outcome: VisitOutcome
    notes: str = Field("", max_length=4000)
    domains: list[DomainIn] = Field(default_factory=list, max_length=5)
    consent_visit_notes: bool | None = None
    consent_matching: bool | None = None


class VisitOut(Schema):
    """`notes` and `domains` are present only for the visitor and the roles that read notes."""

    id: int
    person: int | None
    address: str
    visitor: int
    visited_on: date
    outcome: str
    converted: bool
    notes: str | None = None
    domains: list[DomainOut] | None = None


class SignalIn(Schema):
    description: str = Field(..., min_length=1, max_length=4000)
    urgency: Urgency = Urgency.NORMAL
    kind: SignalKind = SignalKind.INDIVIDUAL
    person_concerned: int | None = Id
    visit: int | None = Id


class SignalPatch(Schema):
    status: SignalStatus | None = None
    assignee: int | None = Id
    action: SignalAction | None = None
    due_on: date | None = None
    outcome: str | None = Field(None, max_length=4000)
    public_outcome: str | None = Field(None, max_length=1000)


class SignalOut(Schema):
    """The raiser sees the first block; the triage roles see everything."""

    id: int
    kind: str
    urgency: str
    description: str
    status: str
    public_outcome: str
    created_at: datetime
    raised_by: int | None = None
    person_concerned: int | None = None
    assignee: int | None = None
    action: str | None = None
    due_on: date | None = None
    outcome: str | None = None
    organisation: int | None = None


def _person(actor, person_id: int | None) -> Person | None:
    """A person of this community, or 404: another community's id is simply not found."""
    if person_id is None:
        return None
    person = people_of(actor.community).prefetch_related("memberships").filter(pk=person_id).first()
    if person is None:
        raise Http404
    return person


def _visit_out(actor, visit) -> dict:
    data = selectors.visit_summary(visit)
    notes = selectors.visit_notes(actor, visit, purpose="api: list of visits")
    if notes is not None:
        data["notes"] = notes["notes"]
        data["domains"] = [
            {
                "domain": d.domain,
                "talents": d.talents,
                "wishes": d.wishes,
                "could_offer": d.could_offer,
                "needs": d.needs,
                "trits": d.trits,
            }
            for d in notes["domains"]
        ]
    return data


class _PageOfVisits:
    """Shapes (and audits) only the visits on the requested page, not every visit."""

    def __init__(self, actor, queryset):
        self.actor, self.queryset = actor, queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, page: slice) -> list[dict]:
        return [_visit_out(self.actor, visit) for visit in self.queryset[page]]


@router.get("/c/{community}/visits", response=list[VisitOut], exclude_unset=True)
@paginate(Pagination)
def list_visits(request, community: str):
    actor = actor_for(request, community)
    return _PageOfVisits(actor, selectors.visits_for(actor).prefetch_related("domains"))


@router.get(
    "/c/{community}/visits/{visit_id}", response={200: VisitOut, **ERRORS}, exclude_unset=True
)
def get_visit(request, community: str, visit_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    return _visit_out(actor, selectors.visit_get(actor, visit_id))


@router.post("/c/{community}/visits", response={201: VisitOut, **ERRORS}, exclude_unset=True)
def create_visit(request, community: str, payload: VisitIn):
    actor = actor_for(request, community)
    actor.require(Action.RECORD_VISIT)
    entry = None
    if payload.entry is not None:
        entry = WalkEntry.objects.filter(
            pk=payload.entry, walk_list__community=actor.community
        ).first()
        if entry is None:
            raise Http404
    domains = {}
    for row in payload.domains:
        values = row.dict()
        domains[values.pop("domain")] = values
    with transaction.atomic():
        visit = services.record_visit(
            actor,
            person=_person(actor, payload.person),
            entry=entry,
            address=payload.address,
            visited_on=payload.visited_on,
            outcome=payload.outcome,
            notes=payload.notes,
            domains=domains,
            consent_notes=payload.consent_visit_notes,
            consent_matching=payload.consent_matching,
        )
    return 201, _visit_out(actor, visit)


@router.get("/c/{community}/signals", response=list[SignalOut], exclude_unset=True)
@paginate(Pagination)
def list_signals(request, community: str):
    actor = actor_for(request, community)
    return [selectors.signal_view(actor, s) for s in selectors.signals_for(actor)]


@router.get(
    "/c/{community}/signals/{signal_id}", response={200: SignalOut, **ERRORS}, exclude_unset=True
)
def get_signal(request, community: str, signal_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    return selectors.signal_view(actor, selectors.signal_get(actor, signal_id))


@router.post("/c/{community}/signals", response={201: SignalOut, **ERRORS}, exclude_unset=True)
def create_signal(request, community: str, payload: SignalIn):
    actor = actor_for(request, community)
    actor.require(Action.RAISE_SIGNAL)
    visit = selectors.visit_get(actor, payload.visit) if payload.visit else None
    signal = triage.raise_signal(
        actor,
        description=payload.description,
        urgency=payload.urgency,
        kind=payload.kind,
        person_concerned=_person(actor, payload.person_concerned),
        visit=visit,
    )
    return 201, selectors.signal_view(actor, signal)


@router.patch(
    "/c/{community}/signals/{signal_id}", response={200: SignalOut, **ERRORS}, exclude_unset=True
)
def patch_signal(
    request, community: str, payload: SignalPatch, signal_id: int = Path(..., ge=1, le=2**62)
):
    actor = actor_for(request, community)
    actor.require(Action.TRIAGE_SIGNALS)
    changes = payload.dict(exclude_unset=True)
    if "assignee" in changes:
        changes["assignee"] = _person(actor, changes["assignee"])
    for field in ("status", "action"):
        if changes.get(field) is None:
            changes.pop(field, None)
    with transaction.atomic():
        signal = selectors.signal_get(actor, signal_id)
        signal = triage.update_signal(actor, signal, changes)
    return selectors.signal_view(actor, signal)
