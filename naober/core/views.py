"""The landing page and the public community home."""

from django.shortcuts import render

from naober.communities.decorators import community_page
from naober.communities.models import Community
from naober.exchange import selectors as exchange


def landing(request):
    memberships = []
    if request.user.is_authenticated:
        memberships = request.user.people.filter(erased_at__isnull=True).select_related("community")
    return render(
        request,
        "core/landing.html",
        {
            "communities": Community.objects.order_by("name"),
            "my_people": memberships,
        },
    )


@community_page(members_only=False)
def community_home(request, actor):
    """Recent requests and offers, shown with first name and street only: safe for anyone."""
    return render(
        request,
        "core/community_home.html",
        {
            "community": actor.community,
            "actor": actor,
            "requests": exchange.recent_open_requests(actor.community),
            "offers": exchange.recent_available_offers(actor.community),
        },
    )


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)
