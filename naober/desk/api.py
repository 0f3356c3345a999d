"""API of the front desk: who is on duty, the call log, and the telephony provider's signed
incoming-call webhook (docs/api.md, "Front desk"). Handlers only bind input and call selectors
and services; the rules live there and are the same for the pages."""

import json

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from naober.api.deps import ERRORS, SLUG_RE, ErrorOut, actor_for, raw_body
from naober.api.errors import ApiError
from naober.communities.models import Community
from naober.desk import selectors, services, telephony

router = Router(tags=["desk"])


class DutyPerson(Schema):
    id: int
    name: str


class OnDutyOut(Schema):
    at: str
    on_duty: list[DutyPerson]


class CallIn(Schema):
    subject: str = Field(..., max_length=500)
    person: int | None = None
    caller_name: str = Field("", max_length=120)
    number: str = Field("", max_length=30)


class CallOut(Schema):
    id: int
    at: str
    person: int | None
    caller_name: str
    number: str
    number_readable: bool
    subject: str
    source: str


class CallList(Schema):
    count: int
    items: list[CallOut]


class IncomingOut(Schema):
    call: int
    person: int | None
    number_readable: bool


def _call_out(call) -> dict:
    return {
        "id": call.pk,
        "at": call.at.isoformat(),
        "person": call.person_id,
        "caller_name": call.caller_name,
        "number": call.number,
        "number_readable": not call.number_unreadable,
        "subject": call.subject,
        "source": call.source,
    }


@router.get("/c/{community}/desk/on-duty", response={200: OnDutyOut, **ERRORS})
def on_duty(request, community: str, at: str = ""):
    """The coordinators on duty at `at` (ISO 8601, default now). Staff only."""
    actor = actor_for(request, community)
    selectors.rota(actor, timezone.localdate())  # the same permission as the rota page
    moment = parse_datetime(at) if at else timezone.now()
    if moment is None:
        raise ApiError(422, "invalid_datetime", _("Give the moment as 2026-11-30T10:00:00+01:00."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    people = selectors.on_duty(actor.community, moment)
    return {"at": moment.isoformat(), "on_duty": [{"id": p.pk, "name": p.name} for p in people]}


class Paging(Schema):
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0)


@router.get("/c/{community}/desk/calls", response={200: CallList, **ERRORS})
def call_list(request, community: str, paging: Query[Paging]):
    """The desk's call log, newest first."""
    actor = actor_for(request, community)
    calls = selectors.calls(actor)
    page = calls[paging.offset : paging.offset + paging.limit]
    return {"count": calls.count(), "items": [_call_out(c) for c in page]}


@router.post("/c/{community}/desk/calls", response={201: CallOut, **ERRORS})
def call_create(request, community: str, payload: CallIn):
    """Write down a call that is not a request."""
    actor = actor_for(request, community)
    try:
        call = services.log_call(actor, **payload.dict())
    except ValidationError as error:
        field = next(iter(error.error_dict), "person") if hasattr(error, "error_dict") else "person"
        raise ApiError(422, f"invalid_{field}", error.messages[0]) from error
    return 201, _call_out(call)


@router.post(
    "/c/{community}/desk/incoming-call",
    auth=None,
    response={200: IncomingOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def incoming_call(request, community: str):
    """The telephony provider reports a ring: `{"call_id", "from", "to"}`, signed with the
    header X-Naober-Signature (HMAC-SHA256 of the body, see docs/api.md). Recorded once per
    call_id; the coordinator on duty sees "<name> belt" on their pages."""
    body = raw_body(request) or b""
    if not telephony.verified(body, request.headers.get(telephony.HEADER, "")):
        raise ApiError(401, "bad_signature", _("The signature of this call is not right."))
    if not SLUG_RE.fullmatch(community):
        raise Http404
    target = Community.objects.filter(slug=community).first()
    if target is None:
        raise Http404
    try:
        data = json.loads(body)
    except ValueError as error:
        raise ApiError(400, "bad_json", _("The body is not JSON.")) from error
    call_id = data.get("call_id") if isinstance(data, dict) else None
    number = data.get("from") if isinstance(data, dict) else None
    if not isinstance(call_id, str) or not call_id.strip() or len(call_id) > 100:
        raise ApiError(422, "invalid_call_id", _("call_id must be a short text."))
    if not isinstance(data, dict) or "from" not in data:
        raise ApiError(422, "invalid_from", _("from must be a phone number."))
    # Any text (or null, a withheld number) is a ring: a number we cannot read is recorded as
    # unreadable and answered 200, because a 4xx makes the provider retry and the desk would
    # never see the call. Only a list or an object is a broken body.
    if number is not None and not isinstance(number, str):
        raise ApiError(422, "invalid_from", _("from must be a phone number."))
    call = services.record_incoming_call(target, provider_id=call_id.strip(), number=number)
    return {
        "call": call.pk,
        "person": call.person_id,
        "number_readable": not call.number_unreadable,
    }
