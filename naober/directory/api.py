"""API for the social map and referrals: /api/v1/c/{community}/organisations and referrals."""

from datetime import datetime
from functools import partial
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.base.errors import Conflict
from naober.communities.permissions import Action
from naober.directory import selectors, services
from naober.directory.models import OrganisationKind, ReferralStatus
from naober.directory.referrals import InvalidTransition
from naober.people.models import LifeDomain

router = Router(tags=["directory"])
Id = Path(..., ge=1, le=2**62)
WRITE_ERRORS = {**ERRORS, 409: ERRORS[404]}


class ServiceOut(Schema):
    id: int
    name: str
    description: str
    for_whom: str
    where: str
    how_to_reach: str
    opening_hours: str
    life_domains: list[str]


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    description: str
    for_whom: str
    where: str
    phone: str
    email: str
    website: str
    address: str
    opening_hours: str
    life_domains: list[str]
    active: bool
    services: list[ServiceOut]

    @staticmethod
    def resolve_services(obj):
        return list(obj.services.all())


class OrganisationIn(Schema):
    name: str = Field(..., min_length=1, max_length=150)
    kind: OrganisationKind = OrganisationKind.OTHER
    description: str = Field("", max_length=2000)
    for_whom: str = Field("", max_length=300)
    where: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    website: str = Field("", max_length=300)
    address: str = Field("", max_length=200)
    opening_hours: str = Field("", max_length=300)
    life_domains: list[LifeDomain] = Field(default_factory=list, max_length=5)
    active: bool = True


class ReferralEventOut(Schema):
    from_status: str
    to_status: str
    at: datetime
    actor: int | None = None
    note: str = ""


class ReferralOut(Schema):
    """Professionals get the first block only; coordinators also the rest."""

    id: int
    direction: str
    status: str
    status_label: str
    person_name: str
    organisation: int | None = None
    organisation_name: str = ""
    need: str = ""
    feedback: str = ""
    created_at: datetime
    updated_at: datetime
    person: int | None = None
    help_request: int | None = None
    source: str | None = None
    referred_by: int | None = None
    referred_by_name: str | None = None
    note: str | None = None
    outcome: str | None = None
    history: list[ReferralEventOut] | None = None


class ReferralIn(Schema):
    """Out (coordinator): person and organisation. In (professional): who and what is needed."""

    direction: Literal["out", "in"] | None = None
    person: int | None = Field(None, ge=1, le=2**62)
    organisation: int | None = Field(None, ge=1, le=2**62)
    help_request: int | None = Field(None, ge=1, le=2**62)
    note: str = Field("", max_length=2000)
    name: str = Field("", max_length=120)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=200)
    reachable_via_coordinator: bool = False
    category: str = Field("", max_length=40)
    description: str = Field("", max_length=2000)
    consent: bool = False


class ReferralPatch(Schema):
    status: ReferralStatus | None = None
    organisation: int | None = Field(None, ge=1, le=2**62)
    outcome: str | None = Field(None, max_length=2000)
    feedback: str | None = Field(None, max_length=500)
    note: str = Field("", max_length=500)


@router.get("/c/{community}/organisations", response=list[OrganisationOut])
@paginate(Pagination)
def list_organisations(
    request,
    community: str,
    q: str = Query("", max_length=100),
    domain: LifeDomain | None = None,
    area: str = Query("", max_length=100),
):
    actor = actor_for(request, community)
    return selectors.organisation_search(actor, query=q, domain=domain or "", area=area)


@router.post("/c/{community}/organisations", response={201: OrganisationOut, **ERRORS})
def create_organisation(request, community: str, payload: OrganisationIn):
    actor = actor_for(request, community)
    return Status(201, services.save_organisation(actor, None, payload.dict()))


@router.get(
    "/c/{community}/organisations/{organisation_id}", response={200: OrganisationOut, **ERRORS}
)
def get_organisation(request, community: str, organisation_id: int = Id):
    actor = actor_for(request, community)
    return selectors.organisation_get(actor, organisation_id)


@router.get("/c/{community}/referrals", response=list[ReferralOut], exclude_unset=True)
@paginate(Pagination)
def list_referrals(request, community: str, open: bool = False):  # noqa: A002
    actor = actor_for(request, community)
    referrals = selectors.referral_list(actor, open_only=open).prefetch_related("events")
    return Mapped(referrals, partial(selectors.referral_view, actor))


@router.post(
    "/c/{community}/referrals", response={201: ReferralOut, **WRITE_ERRORS}, exclude_unset=True
)
def create_referral(request, community: str, payload: ReferralIn):
    actor = actor_for(request, community)
    direction = payload.direction or ("out" if payload.person is not None else "in")
    if direction == "out":
        actor.require(Action.REFER_OUT)
        if payload.person is None:
            raise ValidationError(_("Choose the resident to refer."))
        referral = services.refer_out(
            actor,
            person=payload.person,
            organisation=payload.organisation,
            help_request=payload.help_request,
            note=payload.note,
            need=payload.description,
        )
    else:
        referral = services.refer_in(
            actor,
            name=payload.name,
            phone=payload.phone,
            email=payload.email,
            address=payload.address,
            reachable_via_coordinator=payload.reachable_via_coordinator,
            category=payload.category,
            description=payload.description,
            note=payload.note,
            consent=payload.consent,
        )
    return Status(201, selectors.referral_view(actor, selectors.referral_get(actor, referral.pk)))


@router.get(
    "/c/{community}/referrals/{referral_id}",
    response={200: ReferralOut, **ERRORS},
    exclude_unset=True,
)
def get_referral(request, community: str, referral_id: int = Id):
    actor = actor_for(request, community)
    return selectors.referral_view(actor, selectors.referral_get(actor, referral_id))


@router.patch(
    "/c/{community}/referrals/{referral_id}",
    response={200: ReferralOut, **WRITE_ERRORS},
    exclude_unset=True,
)
def patch_referral(request, community: str, payload: ReferralPatch, referral_id: int = Id):
    actor = actor_for(request, community)
    actor.require(Action.MANAGE_REFERRALS)
    changes = payload.dict(exclude_unset=True)
    try:
        with transaction.atomic():
            referral = selectors.referral_get(actor, referral_id)
            referral = services.change_referral(actor, referral, **changes)
    except InvalidTransition as exc:
        raise Conflict(" ".join(exc.messages), code="invalid_transition") from None
    return selectors.referral_view(actor, selectors.referral_get(actor, referral.pk))
