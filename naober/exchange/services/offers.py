"""Writes of standing offers: posting and changing (or pausing) an offer, and whether an offer is
full this month.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange import policy
from naober.exchange.models import (
    AVAILABILITY_CODES,
    Category,
    HelpOffer,
)
from naober.exchange.selectors import helper_load
from naober.exchange.services._common import _text
from naober.people.models import Person
from naober.people.validation import clean_languages

OFFER_FIELDS = (
    "categories",
    "description",
    "availability",
    "max_per_month",
    "area",
    "radius_m",
    "languages",
    "available",
)


def _clean_offer(community, data: dict, errors: dict) -> dict:
    cleaned = {}
    if "categories" in data:
        codes = [c.code if isinstance(c, Category) else str(c)[:40] for c in data["categories"]]
        found = list(Category.objects.filter(community=community, code__in=codes, active=True))
        if not codes or len(found) != len(set(codes)) or len(codes) > 20:
            errors["categories"] = [_("Choose one or more of the kinds of help.")]
        elif any(not c.in_scope for c in found):
            errors["categories"] = [_("Neighbours do not offer this kind of help here.")]
        cleaned["categories"] = found
    if "description" in data:
        cleaned["description"] = _text(
            data["description"], 4000, "description", one_line=False, errors=errors
        )
        if not cleaned["description"]:
            errors["description"] = [_("Say in a few words what you can do.")]
    if "availability" in data:
        codes = list(dict.fromkeys(str(code) for code in (data["availability"] or [])))
        if any(code not in AVAILABILITY_CODES for code in codes):
            errors["availability"] = [_("Choose days and parts of the day from the list.")]
        cleaned["availability"] = sorted(
            codes, key=lambda c: AVAILABILITY_CODES.index(c) if c in AVAILABILITY_CODES else 0
        )
    if "max_per_month" in data:
        value = data["max_per_month"]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 31:
            errors["max_per_month"] = [_("Give a number from 1 to 31.")]
        cleaned["max_per_month"] = value
    if "radius_m" in data:
        value = data["radius_m"]
        if value is not None and (not isinstance(value, int) or not 0 <= value <= 100_000):
            errors["radius_m"] = [_("Give a distance from 0 to 100,000 metres.")]
        cleaned["radius_m"] = value
    if "area" in data:
        area = data["area"]
        if area is not None:
            pk = getattr(area, "pk", area)
            area = community.areas.filter(pk=pk).first()
            if area is None:
                errors["area"] = [_("Choose a street or neighbourhood of this community.")]
        cleaned["area"] = area
    if "languages" in data:
        try:
            cleaned["languages"] = clean_languages(data["languages"])
        except ValidationError as exc:
            errors["languages"] = exc.messages
    if "available" in data:
        cleaned["available"] = bool(data["available"])
    return cleaned


@transaction.atomic
def create_offer(
    actor: Actor, data: dict, *, helper: Person | None = None, entered_via: str | None = None
) -> HelpOffer:
    """Post a standing offer: `create_offer(actor, data, helper=None) -> HelpOffer`.

    `data` holds OFFER_FIELDS; categories (codes or Category) and description are required.
    Permission: OFFER_HELP for one's own offer, ENTER_FOR_OTHERS for someone else's; with
    `entered_via` (an offer heard at a house visit) the action of that task.
    Errors: PermissionDenied, ValidationError (keyed by field).
    """
    helper = helper or actor.person
    policy.require_may_enter(actor, helper, Action.OFFER_HELP, entered_via=entered_via)
    if helper is None or helper.community_id != actor.community.pk or helper.erased_at:
        raise Http404
    fields = {k: v for k, v in data.items() if k in OFFER_FIELDS}
    fields.setdefault("categories", [])
    fields.setdefault("description", "")
    errors: dict = {}
    cleaned = _clean_offer(actor.community, fields, errors)
    if errors:
        raise ValidationError(errors)
    categories = cleaned.pop("categories")
    offer = HelpOffer.objects.create(community=actor.community, helper=helper, **cleaned)
    offer.categories.set(categories)
    return offer


@transaction.atomic
def update_offer(actor: Actor, offer: HelpOffer, changes: dict) -> HelpOffer:
    """Change an offer (pause it with available=False): the helper themselves (OFFER_HELP) or
    staff (ENTER_FOR_OTHERS); to anyone else the offer is not found.
    Errors: ValidationError, Http404."""
    offer = (
        HelpOffer.objects.select_for_update().filter(pk=offer.pk, community=actor.community).first()
    )
    if offer is None:
        raise Http404
    policy.require_may_change_offer(actor, offer)
    errors: dict = {}
    cleaned = _clean_offer(
        actor.community, {k: v for k, v in changes.items() if k in OFFER_FIELDS}, errors
    )
    if errors:
        raise ValidationError(errors)
    categories = cleaned.pop("categories", None)
    for field, value in cleaned.items():
        setattr(offer, field, value)
    offer.save()
    if categories is not None:
        offer.categories.set(categories)
    return offer


def offer_is_full(offer: HelpOffer) -> bool:
    """True when the helper already has as many matches this calendar month as the offer's
    max_per_month (declined proposals do not count): the same rule that hides the offer from the
    list of standing offers (selectors.helper_load)."""
    used = helper_load(offer.community, [offer.helper_id]).get(offer.helper_id, 0)
    return used >= offer.max_per_month
