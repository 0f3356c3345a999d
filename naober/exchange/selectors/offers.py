"""Reads of standing offers: which offers an actor may see, one offer, the offers a resident can
accept directly, and each helper's load this month.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    LOAD_STATES,
    HelpOffer,
    Match,
)
from naober.exchange.selectors._common import _me, is_staff


def recent_available_offers(community, limit: int = 8) -> QuerySet[HelpOffer]:
    return (
        HelpOffer.objects.filter(community=community, available=True)
        .select_related("helper__area")
        .prefetch_related("categories")
        .order_by("-created_at", "-id")[:limit]
    )


def visible_offers(actor: Actor) -> QuerySet[HelpOffer]:
    """Available offers for every member, paused ones only for their helper and staff."""
    actor.require(Action.VIEW_EXCHANGE)
    qs = HelpOffer.objects.filter(community=actor.community)
    if not is_staff(actor):
        qs = qs.filter(Q(available=True) | Q(helper_id=_me(actor)))
    return qs.select_related("helper__area", "area").prefetch_related("categories")


def offer_list(
    actor: Actor,
    *,
    category: str = "",
    available: bool | None = None,
    helper: int | None = None,
    mine: bool = False,
) -> QuerySet[HelpOffer]:
    qs = visible_offers(actor)
    if category:
        qs = qs.filter(categories__code=category).distinct()
    if available is not None:
        qs = qs.filter(available=available)
    if helper is not None:
        qs = qs.filter(helper_id=helper)
    if mine:
        qs = qs.filter(helper_id=_me(actor))
    return qs.order_by("-created_at", "-id")


def offers_by_helper_name(
    actor: Actor, text: str, *, not_of: int | None = None, limit: int = 10
) -> list[HelpOffer]:
    """Available offers whose helper's name holds every typed word ("vincent dijk"): the
    coordinator proposes a helper they know by name who is not among the suggestions. The
    person asking (`not_of`) cannot help themselves and is left out."""
    actor.require(Action.MANAGE_EXCHANGE)
    words = text.split()[:5]
    if not words:
        return []
    qs = visible_offers(actor).filter(available=True)
    for word in words:
        qs = qs.filter(helper__name__icontains=word[:60])
    if not_of is not None:
        qs = qs.exclude(helper_id=not_of)
    return list(qs.order_by("helper__name", "-created_at", "-id")[:limit])


def offer_get(actor: Actor, offer_id: int) -> HelpOffer:
    offer = visible_offers(actor).filter(pk=offer_id).first()
    if offer is None:
        raise Http404
    return offer


def month_start(now=None):
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def helper_load(community, person_ids) -> dict[int, int]:
    """How many matches each helper started this calendar month: LOAD_STATES, the one definition
    of load (a declined proposal does not count) that the matchmaking and volunteering use too."""
    rows = (
        Match.objects.filter(
            community=community, helper_id__in=list(person_ids), created_at__gte=month_start()
        )
        .filter(state__in=LOAD_STATES)
        .values("helper_id")
        .annotate(n=Count("id"))
    )
    return {row["helper_id"]: row["n"] for row in rows}


def standing_offers(actor: Actor, *, category: str = "") -> list[HelpOffer]:
    """Offer-first: available offers a resident can accept directly (see services.accept_offer),
    not their own and from helpers with room left this month."""
    qs = offer_list(actor, category=category, available=True).exclude(helper_id=_me(actor))
    offers = list(qs[:200])
    load = helper_load(actor.community, {o.helper_id for o in offers})
    return [o for o in offers if load.get(o.helper_id, 0) < o.max_per_month]


def offer_view(actor: Actor, offer: HelpOffer) -> dict:
    return {
        "id": offer.pk,
        "helper": offer.helper_id,
        "helper_name": offer.helper.display_name,
        "helper_place": offer.helper.public_place,
        "categories": sorted(c.code for c in offer.categories.all()),
        "description": offer.description,
        "available": offer.available,
        "max_per_month": offer.max_per_month,
        "availability": offer.availability,
        "area": offer.area_id,
        "radius_m": offer.radius_m,
        "languages": offer.languages,
        "created_at": offer.created_at,
    }


OFFER_CODE_PREFIX = "A-"


def offer_code(offer: HelpOffer) -> str:
    """The short code of an offer on paper (A-12): derived from its number, nothing stored."""
    return f"{OFFER_CODE_PREFIX}{offer.pk}"
