"""API for administrators keeping the help categories (shared/API.md, "Setting up"): add one,
rename it, switch it off, move it in or out of scope, or to another place in the list.

These handlers hang on the exchange router, because `POST categories` shares its path with the
exchange's `GET categories` (one path is served by one router).
"""

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status

from naober.api.deps import ERRORS, ErrorOut, actor_for
from naober.api.errors import ApiError
from naober.base.errors import Conflict
from naober.exchange import category_services
from naober.exchange.api._common import router
from naober.exchange.models import Category

ERRORS_409 = {**ERRORS, 409: ErrorOut}


class CategoryIn(Schema):
    code: str = Field(..., max_length=60)
    label: str = Field(..., max_length=200)
    label_en: str = Field("", max_length=200)
    kind: str = Field(..., max_length=20)
    in_scope: bool = True


class CategoryPatch(Schema):
    label: str | None = Field(None, max_length=200)
    label_en: str | None = Field(None, max_length=200)
    kind: str | None = Field(None, max_length=20)
    in_scope: bool | None = None
    active: bool | None = None
    position: int | None = Field(None, ge=1, le=1000)


class CategoryAdminOut(Schema):
    code: str
    label: str
    label_en: str
    kind: str
    in_scope: bool
    active: bool
    position: int


def _body(category: Category) -> dict:
    return {
        "code": category.code,
        "label": category.label,
        "label_en": category.label_en,
        "kind": category.kind,
        "in_scope": category.in_scope,
        "active": category.active,
        "position": category.position,
    }


@router.post("/c/{community}/categories", response={201: CategoryAdminOut, **ERRORS_409})
def add_category(request, community: str, payload: CategoryIn):
    """Add a category at the end of the list (administrators); a taken code answers 409."""
    actor = actor_for(request, community)
    try:
        category = category_services.create_category(actor, **payload.dict())
    except category_services.CodeTaken as error:
        raise Conflict(" ".join(error.messages), "code_taken") from None
    return Status(201, _body(category))


@router.patch("/c/{community}/categories/{code}", response={200: CategoryAdminOut, **ERRORS})
def change_category(request, community: str, code: str, payload: CategoryPatch):
    """Rename, switch off (`"active": false`), move in or out of scope, or to a `position`."""
    actor = actor_for(request, community)
    data = payload.dict(exclude_unset=True)
    position = data.pop("position", None)
    if any(value is None for value in data.values()):
        raise ApiError(422, "invalid", _("A field cannot be empty (null); send a value."))
    with transaction.atomic():
        category = category_services.change_category(actor, code, **data)
        if position is not None:
            category_services.move_category(actor, code, to=position)
            category.refresh_from_db()
    return _body(category)
