"""API for reach (shared/API.md, "Reach"): send a request out, read a call-out, SMS replies."""

import json
from datetime import time

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema

from naober.api.deps import ERRORS, ErrorOut, actor_for, raw_body
from naober.api.errors import ApiError
from naober.communities.permissions import Action
from naober.exchange.selectors import request_get
from naober.reach import inbound, selectors, services

router = Router(tags=["reach"])
Id = Path(..., ge=1, le=2**62)


class CalloutIn(Schema):
    helpers: list[int] | None = Field(None, max_length=100)
    top: int | None = None
    everyone: bool = False


class CalloutCreated(Schema):
    callout: int
    sent: int


class AskOut(Schema):
    person: int
    channel: str
    answer: str | None
    answered_at: str | None
    waiting: bool


class CalloutOut(Schema):
    request: int
    asked: list[AskOut]
    match: int | None


@router.post(
    "/c/{community}/requests/{request_id}/callout",
    response={201: CalloutCreated, 409: ErrorOut, **ERRORS},
)
def send_callout(request, community: str, payload: CalloutIn, request_id: int = Id):
    """Ask these helpers, the best `top`, or everyone in the requester's street or village who
    offers this kind of help (`everyone`), each in their own channel."""
    actor = actor_for(request, community)
    help_request = request_get(actor, request_id)
    callout, sent = services.send(
        actor, help_request, helpers=payload.helpers, top=payload.top, everyone=payload.everyone
    )
    return 201, {"callout": callout.pk, "sent": sent}


@router.get("/c/{community}/callouts/{callout_id}", response={200: CalloutOut, **ERRORS})
def get_callout(request, community: str, callout_id: int = Id):
    """Who was asked, by which channel, and what they answered."""
    actor = actor_for(request, community)
    callout = selectors.callout_get(actor, callout_id)
    return {
        "request": callout.request_id,
        "asked": [
            {
                "person": ask.person_id,
                "channel": ask.channel,
                "answer": ask.answer or None,
                "answered_at": ask.answered_at.isoformat() if ask.answered_at else None,
                "waiting": ask.waiting,
            }
            for ask in selectors.asks_of(callout)
        ],
        "match": callout.match_id,
    }


class ReachSettingsOut(Schema):
    self_service: bool
    asks_per_week: int
    quiet_from: str
    quiet_until: str


class ReachSettingsIn(Schema):
    self_service: bool | None = None
    asks_per_week: int | None = None
    quiet_from: time | None = None
    quiet_until: time | None = None


def _settings_body(rules) -> dict:
    return {
        "self_service": rules.self_service,
        "asks_per_week": rules.asks_per_week,
        "quiet_from": f"{rules.quiet_from:%H:%M}",
        "quiet_until": f"{rules.quiet_until:%H:%M}",
    }


@router.get("/c/{community}/reach/settings", response={200: ReachSettingsOut, **ERRORS})
def get_reach_settings(request, community: str):
    """The community's call-out rules (coordinators)."""
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_EXCHANGE)
    return _settings_body(services.settings_of(actor.community))


@router.patch("/c/{community}/reach/settings", response={200: ReachSettingsOut, **ERRORS})
def change_reach_settings(request, community: str, payload: ReachSettingsIn):
    """Change any of the call-out rules; all given fields or none."""
    actor = actor_for(request, community)
    data = payload.dict(exclude_unset=True)
    if any(value is None for value in data.values()):
        raise ApiError(422, "invalid", _("A setting cannot be empty (null); send a value."))
    return _settings_body(services.update_settings(actor, **data))


class LimitBody(Schema):
    asks_per_week: int | None


@router.get("/c/{community}/reach/my-limit", response={200: LimitBody, **ERRORS})
def get_my_limit(request, community: str):
    """How often the caller may be asked per week (null: the community's default)."""
    actor = actor_for(request, community)
    actor.require(Action.OFFER_HELP)
    if actor.person is None:
        raise ApiError(404, "not_found", _("Not found."))
    return {"asks_per_week": services.limit_of(actor.person)}


@router.put("/c/{community}/reach/my-limit", response={200: LimitBody, **ERRORS})
def set_my_limit(request, community: str, payload: LimitBody):
    """The caller's own limit: 0 (never ask me) to 14 a week, or null for the default."""
    actor = actor_for(request, community)
    return {"asks_per_week": services.set_own_limit(actor, payload.asks_per_week)}


class InboundOut(Schema):
    result: str


@router.post("/sms/inbound", auth=None, response={200: InboundOut, 400: ErrorOut, 403: ErrorOut})
def sms_inbound(request):
    """The gateway posts a reply `{"from", "text"}`, signed with SMS_INBOUND_SECRET."""
    body = raw_body(request) or b""
    if not inbound.is_signed(body, request.headers.get(inbound.HEADER, "")):
        raise ApiError(403, "bad_signature", _("The signature does not match."))
    try:
        data = json.loads(body)
        phone, text = data["from"], data["text"]
    except (ValueError, KeyError, TypeError):
        raise ApiError(400, "bad_request", _("Send a JSON body with from and text.")) from None
    if not isinstance(phone, str) or not isinstance(text, str) or len(text) > 1600:
        raise ApiError(400, "bad_request", _("Send a JSON body with from and text."))
    return {"result": services.answer_sms(phone[:40], text)}
