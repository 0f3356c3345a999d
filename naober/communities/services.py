"""Writes about communities and their areas."""

from django.db import transaction

from naober.communities.models import Area, AreaKind, Community


@transaction.atomic
def create_community(
    *, slug: str, name: str, municipality: str, response_deadline_hours: int = 48
) -> Community:
    """A new community with its municipality as the root area and the standard categories."""
    from naober.exchange.services import ensure_default_categories

    community = Community.objects.create(
        slug=slug,
        name=name,
        municipality=municipality,
        response_deadline_hours=response_deadline_hours,
    )
    Area.objects.create(community=community, kind=AreaKind.MUNICIPALITY, name=municipality)
    ensure_default_categories(community)
    return community


def add_area(community: Community, parent: Area, kind: str, name: str) -> Area:
    """The named child area of `parent`, created on first use (seeding runs more than once)."""
    area, _ = Area.objects.get_or_create(
        community=community, parent=parent, name=name, defaults={"kind": kind}
    )
    return area
