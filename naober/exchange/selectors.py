"""Reads of the exchange, scoped to one community."""

from django.db.models import QuerySet

from naober.exchange.models import Category, HelpOffer, HelpRequest, RequestStatus


def categories_of(community) -> QuerySet[Category]:
    return Category.objects.filter(community=community).order_by("position", "label")


def recent_open_requests(community, limit: int = 8) -> QuerySet[HelpRequest]:
    """Open requests for the public community page (shown with first name and street only)."""
    return (
        HelpRequest.objects.filter(community=community, status=RequestStatus.OPEN,
                                   category__in_scope=True, needs_mediation=False)
        .select_related("requester__area", "category")
        .order_by("-created_at", "-id")[:limit]
    )


def recent_available_offers(community, limit: int = 8) -> QuerySet[HelpOffer]:
    return (
        HelpOffer.objects.filter(community=community, available=True)
        .select_related("helper__area")
        .prefetch_related("categories")
        .order_by("-created_at", "-id")[:limit]
    )
