"""The doors in the API (shared/API.md "Reach"): POST callback, concerns, volunteers and talents
under a community, for anyone without a token. Each counts against the `public_form` limit per
client address (429) and answers 202 once stored; bad input is 422 and stores nothing. The answer
never holds an id: whoever knocks learns nothing about the rows behind the door."""

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from naober.api.deps import SLUG_RE, ErrorOut
from naober.api.errors import ApiError
from naober.communities.models import Community
from naober.doors import services
from naober.doors.models import Channel
from naober.privacy.ratelimit import allow, client_ip

router = Router(tags=["doors"])


class ReceivedOut(Schema):
    status: str = Field(..., description='always "received"')
    answer_by: str | None = Field(None, description="when the community's answer promise ends")


RESPONSES = {202: ReceivedOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _door(request, slug: str) -> Community:
    """Count the knock, then find the community (404 like any unknown community)."""
    if not allow("public_form", client_ip(request)):
        raise ApiError(429, "too_many_requests", _("Too many tries. Please wait a minute."))
    found = Community.objects.filter(slug=slug).first() if SLUG_RE.fullmatch(slug) else None
    if found is None:
        raise ApiError(404, "not_found", _("Not found."))
    return found


def _received(community: Community, *, promise: bool = True) -> tuple[int, dict]:
    answer_by = services.answer_by(community).isoformat() if promise else None
    return 202, {"status": "received", "answer_by": answer_by}


class CallbackIn(Schema):
    name: str = Field(..., max_length=120)
    phone: str = Field(..., max_length=30)
    when: str = Field("", max_length=200, description="a good time to call")


@router.post("/c/{community}/callback", auth=None, response=RESPONSES)
def callback(request, community: str, payload: CallbackIn):
    """ "Bel mij terug": a call-back in the desk's queue; the coordinator on duty is told."""
    target = _door(request, community)
    services.call_me_back(target, name=payload.name, phone=payload.phone, when=payload.when)
    return _received(target)


class ConcernIn(Schema):
    about: str = Field("", max_length=200, description="who the worry is about, if known")
    description: str = Field(..., max_length=3000)
    contact: str = Field("", max_length=200, description="how the raiser hears the outcome")
    name: str = Field("", max_length=120, description="the raiser's name (staff only)")


@router.post("/c/{community}/concerns", auth=None, response=RESPONSES)
def concern(request, community: str, payload: ConcernIn):
    """ "Ik maak me zorgen om een buur": a signal for the core group; the raiser is named to
    staff only."""
    target = _door(request, community)
    services.share_concern(target, **payload.dict())
    return _received(target, promise=False)


class VolunteerIn(Schema):
    name: str = Field(..., max_length=120)
    contact: str = Field(..., max_length=200, description="phone, e-mail or address")
    likes: str = Field(..., max_length=1000, description="what they would like to do")
    when: str = Field("", max_length=200, description="when they have time")


@router.post("/c/{community}/volunteers", auth=None, response=RESPONSES)
def volunteer(request, community: str, payload: VolunteerIn):
    """ "Ik wil helpen": a sign-up in the coordinator's queue for the intake talk."""
    target = _door(request, community)
    data = payload.dict()
    data["available"] = data.pop("when")
    services.sign_up_to_help(target, data, channel=Channel.API)
    return _received(target)


class TalentIn(Schema):
    name: str = Field(..., max_length=120)
    good_at: str = Field(..., max_length=1000)
    would_do: str = Field("", max_length=1000)
    contact: str = Field(..., max_length=200, description="phone, e-mail or address")
    may_ask: bool = Field(False, description="consent to be asked when a neighbour needs it")


@router.post("/c/{community}/talents", auth=None, response=RESPONSES)
def talent(request, community: str, payload: TalentIn):
    """ "Waar bent u goed in?": a talent for the coordinator's review."""
    target = _door(request, community)
    services.tell_talent(target, payload.dict(), channel=Channel.API)
    return _received(target, promise=False)
