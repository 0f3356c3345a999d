"""API of the coordinator's records: the contact log, the follow-up calls and the summary report
of a period.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone
from ninja import Field, Path, Query, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.base.periods import check_period
from naober.communities.permissions import Action
from naober.exchange import reports, selectors, services
from naober.exchange.api._common import Id, _person_or_422, router
from naober.exchange.models import (
    ContactKind,
    ContactOutcome,
    WouldHelp,
)


class ContactLogIn(Schema):
    person: int = Field(..., ge=1, le=2**62)
    kind: ContactKind
    outcome: ContactOutcome
    note: str = Field("", max_length=2000)
    request: int | None = Id
    match: int | None = Id


class ContactLogOut(Schema):
    id: int
    request: int | None
    match: int | None
    person: int
    kind: str
    outcome: str
    note: str
    by: int | None
    at: datetime


class FollowUpOut(Schema):
    id: int
    match: int
    kind: str
    due_at: datetime
    done_at: datetime | None
    by: int | None
    how_did_it_go: str
    would_help_others: str
    notes: str


class FollowUpIn(Schema):
    how_did_it_go: str = Field("", max_length=2000)
    would_help_others: WouldHelp | None = None
    notes: str = Field("", max_length=2000)


class ReportSummaryOut(Schema):
    from_: date = Field(..., alias="from")
    to: date
    requests: int
    requests_by_channel: dict[str, int]
    requests_by_status: dict[str, int]
    matches: int
    matches_by_mode: dict[str, int]
    matches_by_state: dict[str, int]
    median_hours_to_first_response: float | None
    answered_within_deadline: float | None
    people_asked: int
    people_helped: int
    people_helping: int


DATE_FROM, DATE_TO = Query(None, alias="from"), Query(None, alias="to")


def _log_out(entry) -> dict:
    return {
        "id": entry.pk,
        "request": entry.request_id,
        "match": entry.match_id,
        "person": entry.person_id,
        "kind": entry.kind,
        "outcome": entry.outcome,
        "note": entry.note,
        "by": entry.by_id,
        "at": entry.at,
    }


def _followup_out(followup) -> dict:
    return {
        "id": followup.pk,
        "match": followup.match_id,
        "kind": followup.kind,
        "due_at": followup.due_at,
        "done_at": followup.done_at,
        "by": followup.by_id,
        "how_did_it_go": followup.how_did_it_go,
        "would_help_others": followup.would_help_others,
        "notes": followup.notes,
    }


@router.get("/c/{community}/contact-log", response=list[ContactLogOut])
@paginate(Pagination)
def list_contact_log(
    request,
    community: str,
    request_id: int | None = Query(None, ge=1, le=2**62, alias="request"),
    match_id: int | None = Query(None, ge=1, le=2**62, alias="match"),
):
    actor = actor_for(request, community)
    actor.require(Action.VIEW_CONTACT_LOG)
    about_request = selectors.request_get(actor, request_id) if request_id else None
    about_match = selectors.match_get(actor, match_id) if match_id else None
    rows = selectors.contact_log(actor, request=about_request, match=about_match)
    return Mapped(rows, _log_out)


@router.post("/c/{community}/contact-log", response={201: ContactLogOut, **ERRORS})
def create_contact_log(request, community: str, payload: ContactLogIn):
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_EXCHANGE)
    about_request = selectors.request_get(actor, payload.request) if payload.request else None
    about_match = selectors.match_get(actor, payload.match) if payload.match else None
    person = _person_or_422(actor, payload.person, "person")
    entry = services.log_contact(
        actor,
        person=person,
        kind=payload.kind,
        outcome=payload.outcome,
        note=payload.note,
        request=about_request,
        match=about_match,
    )
    return 201, _log_out(entry)


@router.get("/c/{community}/followups", response=list[FollowUpOut])
@paginate(Pagination)
def list_followups(request, community: str, due: bool = False, done: bool = False):
    """Open follow-up calls, the earliest first (`due=true`: only those due now)."""
    actor = actor_for(request, community)
    rows = selectors.followups(actor, due_only=due, open_only=not done)
    return Mapped(rows, _followup_out)


@router.post("/c/{community}/followups/{followup_id}", response={200: FollowUpOut, **ERRORS})
def record_followup(
    request, community: str, payload: FollowUpIn, followup_id: int = Path(..., ge=1, le=2**62)
):
    actor = actor_for(request, community)
    followup = selectors.followup_get(actor, followup_id)
    followup = services.record_followup(
        actor,
        followup,
        how_did_it_go=payload.how_did_it_go,
        would_help_others=payload.would_help_others or "",
        notes=payload.notes,
    )
    return _followup_out(followup)


@router.get(
    "/c/{community}/reports/summary", response={200: ReportSummaryOut, **ERRORS}, by_alias=True
)
def summary(
    request,
    community: str,
    date_from: date | None = DATE_FROM,
    date_to: date | None = DATE_TO,
):
    """Counts for a period (default: the last 30 days). VIEW_REPORTS; aggregates only."""
    actor = actor_for(request, community)
    date_to = date_to or timezone.localdate()
    date_from = date_from or date_to - timedelta(days=30)
    check_period(date_from, date_to, fields=("from", "to"))
    return reports.summary(actor, date_from, date_to)
