"""API for letting people in: invitations, activation, sign-up and its queue (shared/API.md)."""

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.pagination import paginate

from naober.accounts import invitations, signup
from naober.accounts.invitations import InvalidCode
from naober.accounts.models import Via
from naober.api.deps import ERRORS, SLUG_RE, ErrorOut, actor_for
from naober.api.errors import ApiError
from naober.api.models import ApiToken
from naober.api.pagination import Mapped, Pagination
from naober.communities.models import Community
from naober.communities.permissions import Action
from naober.people.selectors import person_get
from naober.privacy import twofactor
from naober.privacy.ratelimit import allow, client_ip

router = Router(tags=["accounts"])
Id = Path(..., ge=1, le=2**62)


def _limit(request, scope: str) -> None:
    if not allow(scope, client_ip(request)):
        raise ApiError(429, "too_many_requests", _("Too many tries. Please wait a minute."))


class InvitationIn(Schema):
    via: Via


class InvitationOut(Schema):
    code: str
    via: str
    expires_at: str


@router.post(
    "/c/{community}/people/{person_id}/invitation",
    response={201: InvitationOut, 409: ErrorOut, **ERRORS},
)
def create_invitation(request, community: str, payload: InvitationIn, person_id: int = Id):
    """A one-time activation code for an existing person, sent by e-mail or SMS, or to print."""
    actor = actor_for(request, community)
    person = person_get(actor, person_id)  # 404 first: "not allowed" looks like "not there"
    actor.require(Action.INVITE_PEOPLE)
    issued = invitations.invite(person, payload.via, by=actor)
    return 201, {
        "code": issued.code,
        "via": issued.invitation.via,
        "expires_at": issued.invitation.expires_at.isoformat(),
    }


@router.delete("/c/{community}/people/{person_id}/invitation", response={204: None, **ERRORS})
def revoke_invitation(request, community: str, person_id: int = Id):
    """Withdraw the person's open invitation: its code stops working at once."""
    actor = actor_for(request, community)
    person = person_get(actor, person_id)  # 404 first: "not allowed" looks like "not there"
    actor.require(Action.INVITE_PEOPLE)
    invitations.revoke(actor, person)
    return 204, None


class ActivateIn(Schema):
    code: str = Field(..., min_length=1, max_length=64)
    username: str = Field(..., min_length=1, max_length=150)
    password: str = Field(..., min_length=1, max_length=1024)


class ActivatedTokenOut(Schema):
    """The API token of a login just made by activating an invitation."""

    token: str
    second_factor_setup_code: str | None = Field(
        None,
        description=(
            "Only for a coordinator or administrator who must set up a code app (TOTP): a one-time "
            "setup code for the website's two-step login page. Then ask POST /token for a new "
            "token with the app's code as otp: this token is refused until then."
        ),
    )


@router.post(
    "/activate",
    auth=None,
    response={201: ActivatedTokenOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut},
)
def activate(request, payload: ActivateIn):
    """Use an invitation: choose a user name and password; answers an API token."""
    _limit(request, "code")
    try:
        user = invitations.activate(payload.code, payload.username, payload.password)
    except InvalidCode:
        raise ApiError(
            400, "invalid_code", _("This code does not work: it is unknown, used or expired.")
        ) from None
    _token, raw = ApiToken.issue(user)
    return 201, {
        "token": raw,
        "second_factor_setup_code": twofactor.setup_code_after_activation(user),
    }


class JoinIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=200)
    wants: list[str] = Field(..., min_length=1, max_length=3)
    accept_house_rules: bool = False


class JoinOut(Schema):
    status: str


def _community(slug: str) -> Community:
    found = Community.objects.filter(slug=slug).first() if SLUG_RE.fullmatch(slug) else None
    if found is None:
        raise ApiError(404, "not_found", _("Not found."))
    return found


@router.post(
    "/c/{community}/join",
    auth=None,
    response={
        201: JoinOut,
        202: JoinOut,
        403: ErrorOut,
        404: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
)
def join(request, community: str, payload: JoinIn):
    """Sign up. A check code goes to the e-mail address (else the phone): `join/verify`."""
    _limit(request, "public_form")
    target = _community(community)
    try:
        request_row = signup.submit(target, payload.dict())
    except signup.SignupClosed:
        raise ApiError(
            403, "signup_closed", _("This neighbourhood does not take sign-ups on its site.")
        ) from None
    if target.self_signup == "open":
        return 201, {"status": request_row.status}
    return 202, {"status": "pending"}


class VerifyIn(Schema):
    code: str = Field(..., min_length=1, max_length=64)


class VerifyOut(Schema):
    status: str
    code: str | None = None


@router.post(
    "/c/{community}/join/verify",
    auth=None,
    response={200: VerifyOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
)
def join_verify(request, community: str, payload: VerifyIn):
    """Confirm a sign-up with the code sent to it. In an open community the answer holds an
    activation code for `POST /activate`; otherwise the sign-up now waits for a coordinator."""
    _limit(request, "code")
    target = _community(community)
    try:
        join_row, issued = signup.verify(target, payload.code)
    except InvalidCode:
        raise ApiError(
            400, "invalid_code", _("This code does not work: it is unknown, used or expired.")
        ) from None
    return {"status": join_row.status, "code": issued.code if issued else None}


class JoinRequestOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    address: str
    wants: list[str]
    status: str
    created_at: str
    same_name_and_address: list[int]


class ApproveIn(Schema):
    merge_with: int | None = Field(None, ge=1, le=2**62)


class ApprovedOut(Schema):
    person: int
    via: str
    expires_at: str


class RejectIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500)


@router.get("/c/{community}/join-requests", response={200: list[JoinRequestOut], **ERRORS})
@paginate(Pagination)
def list_join_requests(request, community: str):
    """Sign-ups waiting for a decision (confirmed ones first, then the oldest), paginated like
    every list: `{"count", "items"}` with `?limit=` and `?offset=`."""
    actor = actor_for(request, community)
    return Mapped(signup.pending(actor), lambda row: _join_request_out(actor, row))


def _join_request_out(actor, row) -> dict:
    return {
        "id": row.pk,
        "name": row.name,
        "email": row.email,
        "phone": row.phone,
        "address": row.address,
        "wants": row.wants,
        "status": row.status,
        "created_at": row.created_at.isoformat(),
        "same_name_and_address": list(
            signup.merge_candidates(actor, row).values_list("pk", flat=True)[:10]
        ),
    }


@router.post(
    "/c/{community}/join-requests/{join_id}/approve", response={200: ApprovedOut, **ERRORS}
)
def approve_join_request(
    request, community: str, payload: ApproveIn | None = None, join_id: int = Id
):
    """Admit the sign-up (or merge it with `merge_with`) and send the invitation.

    The body is optional: the contract names no field, so a bare POST admits as a new person.
    """
    actor = actor_for(request, community)
    merge_with = payload.merge_with if payload is not None else None
    issued = signup.approve(actor, join_id, merge_with=merge_with)
    return {
        "person": issued.invitation.person_id,
        "via": issued.invitation.via,
        "expires_at": issued.invitation.expires_at.isoformat(),
    }


@router.post("/c/{community}/join-requests/{join_id}/reject", response={200: JoinOut, **ERRORS})
def reject_join_request(request, community: str, payload: RejectIn, join_id: int = Id):
    """Refuse the sign-up with a reason (told to the person when their address was confirmed)."""
    actor = actor_for(request, community)
    with transaction.atomic():
        row = signup.reject(actor, join_id, reason=payload.reason)
    return {"status": row.status}
