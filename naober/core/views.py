"""The landing page and the public community home."""

from django.shortcuts import render

from naober.communities.decorators import community_page
from naober.communities.models import Community
from naober.core.home_cache import home_lists


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
    """Recent requests and offers, shown with first name and street only: safe for anyone.
    The lists come from the cache (core.home_cache), so a crowd of visitors costs no queries."""
    return render(
        request,
        "core/community_home.html",
        {
            "community": actor.community,
            "actor": actor,
            **home_lists(actor.community),
        },
    )


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)
