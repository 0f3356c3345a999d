"""Where a person lives as coordinates, for the data export and erasure (see privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.matchmaking.models import PersonLocation
from naober.privacy.topics import Group, Topic, register


def location_view(reader, location: PersonLocation) -> dict:
    """The coordinates are in the file; the page says only that and when they were found."""
    return {
        "id": location.pk,
        "x": location.x,
        "y": location.y,
        "source": location.source,
        "geocoded_at": location.geocoded_at,
        "used_for": _("finding helpers near the home; nobody sees it"),
    }


register(
    Topic(
        key="matchmaking.location",
        title=_("Location of the home"),
        group=Group.YOU,
        model=PersonLocation,
        covers=("matchmaking.PersonLocation.person",),
        rows=lambda person: PersonLocation.objects.filter(person=person),
        view=location_view,
        labels={"used_for": _("used for")},
        hidden_on_page=frozenset({"id", "x", "y"}),
        erase_delete=True,
    )
)
