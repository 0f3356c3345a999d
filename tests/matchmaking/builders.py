"""Builders shared by the matching tests."""

from naober.communities.models import AreaKind
from naober.communities.services import add_area
from naober.matchmaking.models import PersonLocation
from naober.matchmaking.ranking import suggestions
from tests.exchange.helpers import actor_of, make_offer, make_request  # noqa: F401
from tests.factories import make_person, street  # noqa: F401


def located(person, x: float, y: float):
    PersonLocation.objects.update_or_create(
        person=person, defaults={"x": x, "y": y, "source": "manual"}
    )
    return person


def suggested_offers(coordinator, help_request, limit: int = 10) -> list[int]:
    return [s.offer.pk for s in suggestions(actor_of(coordinator), help_request, limit)]


def other_district_street(community, name: str = "Verweg"):
    root = community.areas.get(parent=None)
    district = add_area(community, root, AreaKind.DISTRICT, "Noord")
    hood = add_area(community, district, AreaKind.NEIGHBOURHOOD, "Buiten")
    return add_area(community, hood, AreaKind.STREET, name)
