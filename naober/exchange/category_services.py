"""Writes about a community's help categories: add, rename, switch off, scope, order.

Administrators keep the list in their own words. A category is never deleted (old requests keep
pointing to it); switched off, nobody can choose it for something new.
"""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext as _

from naober.communities.models import Community
from naober.communities.permissions import Action
from naober.communities.validation import clean_text
from naober.exchange.models import Category, CategoryKind

CODE_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
CHANGEABLE = ("label", "label_en", "kind", "in_scope", "active")


class CodeTaken(ValidationError):
    """Another category of this community has this code (the API answers 409)."""


def _clean(data: dict) -> dict:
    cleaned, errors = {}, {}
    for key, value in data.items():
        try:
            if key in ("label", "label_en"):
                cleaned[key] = clean_text(value, 80)
                if key == "label" and not cleaned[key]:
                    raise ValidationError(_("This field is required."))
            elif key == "kind":
                if value not in CategoryKind.values:
                    raise ValidationError(_("Choose practical, company or coaching."))
                cleaned[key] = value
            elif key in ("in_scope", "active"):
                if not isinstance(value, bool):
                    raise ValidationError(_("Choose yes or no."))
                cleaned[key] = value
            else:
                raise ValidationError(_("This field cannot be changed."))
        except ValidationError as error:
            errors[key] = error.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def create_category(actor, *, code: str, label: str, label_en: str = "", kind: str, in_scope=True):
    """A new category at the end of the list (administrators only)."""
    actor.require(Action.MANAGE_COMMUNITY)
    code = str(code or "").strip().lower()
    errors = {}
    if not CODE_RE.match(code):
        errors["code"] = [_("Use 1 to 40 small letters, digits and dashes, such as boodschappen.")]
    try:
        values = _clean({"label": label, "label_en": label_en, "kind": kind, "in_scope": in_scope})
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    Community.objects.select_for_update().get(pk=actor.community.pk)
    taken = CodeTaken({"code": [_("This community already has a category with this code.")]})
    if Category.objects.filter(community=actor.community, code=code).exists():
        raise taken
    last = Category.objects.filter(community=actor.community).aggregate(m=Max("position"))["m"]
    try:
        with transaction.atomic():
            return Category.objects.create(
                community=actor.community,
                code=code,
                position=(last or 0) + 1,
                **values,
            )
    except IntegrityError:
        raise taken from None


@transaction.atomic
def change_category(actor, code: str, **data) -> Category:
    """Rename, switch off or on, or move in or out of scope (administrators only)."""
    actor.require(Action.MANAGE_COMMUNITY)
    category = (
        Category.objects.select_for_update()
        .filter(community=actor.community, code=str(code)[:40])
        .first()
    )
    if category is None:
        raise Http404
    values = _clean(data)
    for key, value in values.items():
        setattr(category, key, value)
    if values:
        category.save(update_fields=list(values))
    return category


@transaction.atomic
def move_category(actor, code: str, *, steps: int = 0, to: int | None = None) -> list[Category]:
    """Move a category some steps up (negative) or down, or `to` a place in the list (1 is the
    top); positions become 1..n."""
    actor.require(Action.MANAGE_COMMUNITY)
    Community.objects.select_for_update().get(pk=actor.community.pk)
    ordered = list(Category.objects.filter(community=actor.community).order_by("position", "label"))
    index = next((i for i, c in enumerate(ordered) if c.code == code), None)
    if index is None:
        raise Http404
    wanted = int(to) - 1 if to is not None else index + int(steps)
    target = max(0, min(len(ordered) - 1, wanted))
    ordered.insert(target, ordered.pop(index))
    for position, category in enumerate(ordered, start=1):
        category.position = position
    Category.objects.bulk_update(ordered, ["position"])
    return ordered
