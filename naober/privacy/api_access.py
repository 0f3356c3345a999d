"""API for who may do what: a person's roles, their login's API tokens, their setup code.

Attached to the privacy router (privacy/api.py). The rules live in communities/roles.py,
api/tokens.py and privacy/twofactor.py, shared with the "Roles and login" page.
"""

from datetime import datetime

from django.db import transaction
from ninja import Field, Path, Router, Schema

from naober.api import tokens
from naober.api.deps import ERRORS, actor_for
from naober.communities import roles
from naober.people import selectors
from naober.people.api import PersonOut
from naober.privacy import twofactor

router = Router(tags=["access"])

PersonId = Path(..., ge=1, le=2**62)
TokenId = Path(..., ge=1, le=2**62)


class RolesIn(Schema):
    roles: list[str] = Field(..., max_length=10)


class TokenInfo(Schema):
    id: int
    prefix: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    second_factor: bool


class RevokedOut(Schema):
    revoked: int


class LoginIn(Schema):
    active: bool


class LoginOut(Schema):
    active: bool


class SetupCodeOut(Schema):
    code: str
    expires_at: datetime


@router.put(
    "/c/{community}/people/{person_id}/roles",
    response={200: PersonOut, **ERRORS},
    exclude_unset=True,
)
def put_roles(request, community: str, payload: RolesIn, person_id: int = PersonId):
    """Give the person exactly these roles (coordinator: only `resident` and `volunteer`)."""
    actor = actor_for(request, community)
    with transaction.atomic():
        person = selectors.person_get(actor, person_id)
        roles.set_roles(actor, person, payload.roles)
    return selectors.person_view(actor, selectors.person_get(actor, person_id))


@router.put(
    "/c/{community}/people/{person_id}/login",
    response={200: LoginOut, **ERRORS},
)
def put_login(request, community: str, payload: LoginIn, person_id: int = PersonId):
    """Switch the person's login off (`{"active": false}`) or on again (administrators)."""
    actor = actor_for(request, community)
    person = selectors.person_get(actor, person_id)
    return {"active": roles.set_login_active(actor, person, payload.active)}


@router.get(
    "/c/{community}/people/{person_id}/tokens",
    response={200: list[TokenInfo], **ERRORS},
)
def list_tokens(request, community: str, person_id: int = PersonId):
    """The API tokens of the person's login, newest first (administrators)."""
    actor = actor_for(request, community)
    return tokens.tokens_of(actor, selectors.person_get(actor, person_id))


@router.delete(
    "/c/{community}/people/{person_id}/tokens",
    response={200: RevokedOut, **ERRORS},
)
def revoke_tokens(request, community: str, person_id: int = PersonId):
    """Revoke every token of the person's login (administrators)."""
    actor = actor_for(request, community)
    return {"revoked": tokens.revoke(actor, selectors.person_get(actor, person_id))}


@router.delete(
    "/c/{community}/people/{person_id}/tokens/{token_id}",
    response={204: None, **ERRORS},
)
def revoke_token(request, community: str, person_id: int = PersonId, token_id: int = TokenId):
    """Revoke one token of the person's login (administrators)."""
    actor = actor_for(request, community)
    tokens.revoke(actor, selectors.person_get(actor, person_id), token_id)
    return 204, None


@router.post(
    "/c/{community}/people/{person_id}/second-factor/setup-code",
    response={201: SetupCodeOut, **ERRORS},
)
def issue_setup_code(request, community: str, person_id: int = PersonId):
    """A one-time code (7 days) with which the person sets up their code app (administrators)."""
    actor = actor_for(request, community)
    code, raw = twofactor.issue_for(actor, selectors.person_get(actor, person_id))
    return 201, {"code": raw, "expires_at": code.expires_at}
