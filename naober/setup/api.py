"""API for setting a community up (shared/API.md, "Setting up and letting people in"):
creating communities, the help desk's contact details, settings and areas (adding and changing
categories lives with the exchange's categories: naober/exchange/category_api.py).

Handlers bound the input and call the services of communities, exchange and people; the rules
(who may, what is valid) live there and are the same for the pages.
"""

from django.http import Http404
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from naober.api.deps import ERRORS, SLUG_RE, ErrorOut, actor_for
from naober.api.errors import ApiError
from naober.base.errors import Conflict
from naober.communities import selectors, services
from naober.communities.models import Area, AreaKind, Community
from naober.communities.permissions import Action
from naober.setup.services import appoint_administrator as appoint
from naober.setup.services import require_platform_admin

router = Router(tags=["setup"])
ERRORS_409 = {**ERRORS, 409: ErrorOut}


# --- schemas -------------------------------------------------------------------------------------


class CommunityIn(Schema):
    slug: str = Field(..., max_length=60)
    name: str = Field(..., max_length=200)
    municipality: str = Field(..., max_length=200)


class CommunityOut(Schema):
    slug: str
    name: str
    municipality: str


class AdministratorIn(Schema):
    name: str = Field(..., max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    address: str = Field("", max_length=300)
    via: str = Field(..., max_length=10)


class AdministratorOut(Schema):
    person: int
    code: str
    via: str
    expires_at: str


class WalkInPoint(Schema):
    name: str = Field(..., max_length=200)
    address: str = Field(..., max_length=300)
    hours: str = Field(..., max_length=300)


class DeskContactOut(Schema):
    name: str
    phone: str
    email: str
    opening_hours: str
    outside_hours: str
    walk_in: list[WalkInPoint]


class SettingsOut(DeskContactOut):
    municipality: str
    response_deadline_hours: int
    self_signup: str
    house_rules: str


class SettingsIn(Schema):
    name: str | None = Field(None, max_length=200)
    municipality: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=300)
    opening_hours: str | None = Field(None, max_length=400)
    outside_hours: str | None = Field(None, max_length=400)
    walk_in: list[WalkInPoint] | None = Field(None, max_length=20)
    response_deadline_hours: int | None = Field(None, ge=-(2**31), le=2**31)
    self_signup: str | None = Field(None, max_length=20)
    house_rules: str | None = Field(None, max_length=10000)


class AreaIn(Schema):
    name: str = Field(..., max_length=200)
    kind: str = Field(..., max_length=20)
    parent: int = Field(..., ge=1, le=2**62)


class AreaOut(Schema):
    id: int
    name: str
    kind: str
    parent: int | None


class RowErrorOut(Schema):
    row: int
    detail: str


class ImportOut(Schema):
    created: int
    errors: list[RowErrorOut]


class ImportRefused(ImportOut):
    """Nothing stored: the rows that are wrong, and why."""

    detail: str
    code: str


# --- helpers -------------------------------------------------------------------------------------


def _community_or_404(slug: str) -> Community:
    found = Community.objects.filter(slug=slug).first() if SLUG_RE.fullmatch(slug) else None
    if found is None:
        raise Http404
    return found


def _settings_body(community: Community, *, full: bool) -> dict:
    desk = selectors.desk(community)
    body = {
        "name": desk.name,
        "phone": desk.phone,
        "email": desk.email,
        "opening_hours": desk.opening_hours,
        "outside_hours": desk.outside_hours,
        "walk_in": desk.walk_in,
    }
    if full:
        body |= {
            "municipality": community.municipality,
            "response_deadline_hours": community.response_deadline_hours,
            "self_signup": community.self_signup,
            "house_rules": community.house_rules,
        }
    return body


def _area_body(area: Area) -> dict:
    return {"id": area.pk, "name": area.name, "kind": area.kind, "parent": area.parent_id}


# --- communities (platform administrators) -------------------------------------------------------


@router.post("/communities", response={201: CommunityOut, **ERRORS_409})
def create_community(request, payload: CommunityIn):
    """A platform administrator (superuser) creates a community; a taken slug answers 409."""
    try:
        community = services.create_community(
            slug=payload.slug, name=payload.name, municipality=payload.municipality, by=request.auth
        )
    except services.SlugTaken as error:
        raise Conflict(" ".join(error.messages), "slug_taken") from None
    return Status(
        201,
        {
            "slug": community.slug,
            "name": community.name,
            "municipality": community.municipality,
        },
    )


@router.post("/communities/{community}/administrators", response={201: AdministratorOut, **ERRORS})
def appoint_administrator(request, community: str, payload: AdministratorIn):
    """A platform administrator registers a community's administrator and invites them; a
    letter's code is in the answer (printed and handed over), e-mail and SMS are sent."""

    require_platform_admin(request.auth)
    target = (
        Community.objects.filter(slug=community).first() if SLUG_RE.fullmatch(community) else None
    )
    if target is None:
        raise Http404
    data = payload.dict(exclude={"via"})
    person, issued = appoint(request.auth, target, data, payload.via)
    return Status(
        201,
        {
            "person": person.pk,
            "code": issued.code,
            "via": issued.invitation.via,
            "expires_at": issued.invitation.expires_at.isoformat(),
        },
    )


# --- contact and settings ------------------------------------------------------------------------


@router.get("/c/{community}/contact", auth=None, response={200: DeskContactOut, 404: ErrorOut})
def contact(request, community: str):
    """How to reach the help desk: public, for anyone, without a token."""
    found = (
        Community.objects.filter(slug=community).first() if SLUG_RE.fullmatch(community) else None
    )
    if found is None:
        raise Http404
    return _settings_body(found, full=False)


@router.get("/c/{community}/settings", response={200: SettingsOut, **ERRORS})
def get_settings(request, community: str):
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_COMMUNITY)
    return _settings_body(actor.community, full=True)


@router.patch("/c/{community}/settings", response={200: SettingsOut, **ERRORS})
def change_settings(request, community: str, payload: SettingsIn):
    """Change any of the settings; all or nothing."""
    from django.db import transaction

    actor = actor_for(request, community)
    actor.require(Action.MANAGE_COMMUNITY)
    data = payload.dict(exclude_unset=True)
    walk_in = data.pop("walk_in", None)
    if any(value is None for value in data.values()):
        raise ApiError(422, "invalid", _("A setting cannot be empty (null); send a value."))
    with transaction.atomic():
        updated = services.update_settings(actor, **data)
        if walk_in is not None:
            services.set_walk_in_points(actor, walk_in)
    return _settings_body(updated, full=True)


# --- areas ---------------------------------------------------------------------------------------


@router.get("/c/{community}/areas", response={200: list[AreaOut], **ERRORS})
def list_areas(
    request,
    community: str,
    parent: int | None = Query(None, ge=1, le=2**31 - 1),
    kind: AreaKind | None = None,
    q: str = Query("", max_length=120),
    limit: int | None = Query(None, ge=1, le=200),
    offset: int = Query(0, ge=0, le=2**31 - 1),
):
    """The area tree, parents before their children; with `parent`, `kind` or `q` only the
    matching areas, by name. `limit` and `offset` take one part of either list."""
    actor = actor_for(request, community)
    if parent is None and kind is None and not q.strip():
        areas = [area for area, _depth in selectors.area_tree(actor.community)]
    else:
        areas = selectors.areas_matching(actor.community, parent=parent, kind=kind or "", name=q)
    end = None if limit is None else offset + limit
    return [_area_body(area) for area in areas[offset:end]]


@router.post("/c/{community}/areas", response={201: AreaOut, **ERRORS})
def add_area(request, community: str, payload: AreaIn):
    actor = actor_for(request, community)
    area = services.create_area(
        actor, parent_id=payload.parent, kind=payload.kind, name=payload.name
    )
    return Status(201, _area_body(area))


@router.post(
    "/c/{community}/areas/import",
    response={200: ImportOut, 201: ImportOut, **ERRORS, 415: ErrorOut, 422: ImportRefused},
)
def import_areas(request, community: str, dry_run: bool = Query(False)):
    """A CSV of streets (`district,neighbourhood,street`) or villages; with any error nothing is
    stored (422 with the errors per row). `?dry_run=1` stores nothing and answers 200 with what
    would be created and the errors per row."""
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_COMMUNITY)
    try:
        body = request.body
    except RawPostDataException:  # a form body something has read already: not a CSV file
        body = None
    csv_type = (request.content_type or "") in ("text/csv", "text/plain", "application/csv")
    if body is None or (body and not csv_type):
        raise ApiError(415, "unsupported_media_type", _("Send the file as text/csv."))
    plan = services.import_areas(actor, body, dry_run=dry_run)
    errors = [{"row": e.row, "detail": e.detail} for e in plan.errors[:200]]
    if dry_run:
        return Status(200, {"created": plan.created, "errors": errors})
    if errors:
        detail = _("Nothing was imported: correct the rows listed.")
        body = {"detail": detail, "code": "invalid_rows", "created": 0, "errors": errors}
        return Status(422, body)
    return Status(201, {"created": plan.created, "errors": []})
