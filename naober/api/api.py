"""The public API v1 (see shared/API.md): one NinjaAPI, one router per app."""

from contextlib import suppress

from django.contrib.auth import authenticate
from django.http.multipartparser import MultiPartParserError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema

from naober.api import second_factor
from naober.api.auth import BearerToken
from naober.api.deps import ErrorOut
from naober.api.errors import ApiError, install_error_handlers
from naober.api.models import ApiToken
from naober.api.openapi import DocumentedErrorsAPI
from naober.api.parser import SafeParser
from naober.api.throttle import TokenThrottle
from naober.apps_registry import modules_named

api = DocumentedErrorsAPI(
    title="Naober API",
    version="1",
    description=(
        'The public API of Naober. Errors: {"detail", "code"}. Lists: {"count", "items"}.'
    ),
    auth=BearerToken(),
    parser=SafeParser(),
    urls_namespace="api",
    docs_url="/docs",
)
install_error_handlers(api)


class Credentials(Schema):
    username: str = Field(..., min_length=1, max_length=150)
    password: str = Field(..., min_length=1, max_length=1024)
    # The 6-digit code from the authenticator app: needed by whoever set one up (staff must).
    otp: str | None = Field(None, max_length=12)


class TokenOut(Schema):
    token: str
    expires_at: str


class CommunityRoles(Schema):
    slug: str
    name: str
    person: int
    roles: list[str]


class AccountOut(Schema):
    username: str
    communities: list[CommunityRoles]


@api.post(
    "/token",
    auth=None,
    throttle=[TokenThrottle()],
    response={200: TokenOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut},
)
def create_token(request, credentials: Credentials):
    """Trade a user name and password (and `otp`, see docs/api.md) for a token.

    Valid API_TOKEN_DAYS days. Whoever has a code app sends its current code as `otp`; staff and
    superusers without one get 403 `second_factor_required` while REQUIRE_2FA_FOR_STAFF is on.
    """
    with suppress(MultiPartParserError):
        # django-axes reads request.POST on a failed login; a broken multipart body must not
        # turn that into a 500 (Django leaves POST empty after the first parse error).
        request.POST  # noqa: B018
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if getattr(request, "axes_locked_out", False):
        raise ApiError(429, "locked_out", _("Too many wrong attempts. Try again in half an hour."))
    if user is None or not user.is_active:
        raise ApiError(401, "invalid_credentials", _("The user name or password is not right."))
    verified = second_factor.check_for_token(user, credentials.otp)
    token, raw = ApiToken.issue(user, second_factor=verified)
    return {"token": raw, "expires_at": token.expires_at.isoformat()}


@api.delete("/token", response={204: None, 401: ErrorOut})
def revoke_token(request):
    """Revoke the token this call was made with."""
    ApiToken.objects.filter(pk=request.api_token.pk).update(revoked_at=timezone.now())
    return 204, None


@api.get("/me", response={200: AccountOut, 401: ErrorOut})
def account(request):
    """The caller's account and the communities they belong to."""

    # `request.auth.people`: the caller's Person rows (the people app stands on this one).
    people = (
        request.auth.people.filter(erased_at__isnull=True)
        .select_related("community")
        .prefetch_related("memberships")
        .order_by("community__name")
    )
    return {
        "username": request.auth.get_username(),
        "communities": [
            {
                "slug": p.community.slug,
                "name": p.community.name,
                "person": p.pk,
                "roles": p.role_codes,
            }
            for p in people
        ],
    }


def _mount_routers() -> None:
    """Each app owns its router (naober/<app>/api.py); all paths live under /api/v1/."""

    for module in modules_named("api"):
        api.add_router("", module.router)


_mount_routers()
