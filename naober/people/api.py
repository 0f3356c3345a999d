"""API for people: /api/v1/c/{community}/me, people, people/{id}."""

from datetime import date
from functools import partial

from django.db import transaction
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Mapped, Pagination
from naober.api.patch import Patch
from naober.people import selectors, services
from naober.people.models import ContactChannel, Gender

router = Router(tags=["people"])

Text120 = Field(None, max_length=120)


class MeOut(Schema):
    person: int
    name: str
    community: str
    roles: list[str]


class PersonOut(Schema):
    """Fields are left out when the caller's role may not see them."""

    id: int
    name: str
    area: int | None = None
    area_name: str = ""
    roles: list[str] | None = None
    public_name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    digital: bool | None = None
    preferred_channel: str | None = None
    reachable_via_coordinator: bool | None = None
    languages: list[str] | None = None
    date_of_birth: date | None = None
    gender: str | None = None
    vulnerable: bool | None = None


class PersonIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    public_name: str = Field("", max_length=60)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=200)
    area: int | None = Field(None, ge=1, le=2**62)
    reachable_via_coordinator: bool = False
    preferred_channel: ContactChannel | None = None  # None: the first way given (phone...)
    digital: bool = False
    languages: list[str] = Field(default_factory=list, max_length=10)
    date_of_birth: date | None = None
    gender: Gender = Gender.UNKNOWN
    vulnerable: bool = False
    roles: list[str] = Field(default_factory=lambda: ["resident"], max_length=7)


class PersonPatch(Patch):
    name: str | None = Field(None, min_length=1, max_length=120)
    public_name: str | None = Field(None, max_length=60)
    phone: str | None = Field(None, max_length=30)
    email: str | None = Field(None, max_length=254)
    address: str | None = Field(None, max_length=200)
    area: int | None = Field(None, ge=1, le=2**62)
    reachable_via_coordinator: bool | None = None
    preferred_channel: ContactChannel | None = None
    digital: bool | None = None
    languages: list[str] | None = Field(None, max_length=10)
    date_of_birth: date | None = None
    gender: Gender | None = None
    vulnerable: bool | None = None


@router.get("/c/{community}/me", response={200: MeOut, **ERRORS})
def me(request, community: str):
    actor = actor_for(request, community)
    return {
        "person": actor.person.pk,
        "name": actor.person.name,
        "community": community,
        "roles": sorted(actor.roles),
    }


@router.get("/c/{community}/people", response=list[PersonOut], exclude_unset=True)
@paginate(Pagination)
def list_people(request, community: str, q: str = Query("", max_length=100)):
    actor = actor_for(request, community)
    # Each row of the page is read through contact_card: one audit entry per person shown.
    cards = partial(selectors.contact_cards, actor, purpose="API: people list")
    return Mapped(selectors.person_list(actor, search=q), cards, per_page=True)


@router.post("/c/{community}/people", response={201: PersonOut, **ERRORS}, exclude_unset=True)
def create_person(request, community: str, payload: PersonIn):
    actor = actor_for(request, community)
    data = payload.dict()
    roles = data.pop("roles")
    if data["preferred_channel"] is None:
        del data["preferred_channel"]  # the service takes the first way given to reach them
    person = services.register_person(actor, data, roles=roles)
    return 201, selectors.person_view(actor, person)


@router.get(
    "/c/{community}/people/{person_id}", response={200: PersonOut, **ERRORS}, exclude_unset=True
)
def get_person(request, community: str, person_id: int = Path(..., ge=1, le=2**62)):
    actor = actor_for(request, community)
    person = selectors.person_get(actor, person_id)  # 404 unless this caller may see them
    return selectors.contact_card(actor, person, "API: one person")


@router.patch(
    "/c/{community}/people/{person_id}", response={200: PersonOut, **ERRORS}, exclude_unset=True
)
def patch_person(
    request, community: str, payload: PersonPatch, person_id: int = Path(..., ge=1, le=2**62)
):
    actor = actor_for(request, community)
    with transaction.atomic():
        person = selectors.person_get(actor, person_id)
        person = services.update_person(actor, person, payload.dict(exclude_unset=True))
    return selectors.person_view(actor, person)
