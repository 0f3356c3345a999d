"""Demo: give the demo people coordinates, so demo suggestions carry distances."""

from naober.matchmaking.geocoders import configured_geocoder
from naober.matchmaking.services import geocode_person


def seed_matchmaking(community, people, rng) -> int:
    """Geocode the demo residents and the demo logins; returns how many got a location.

    `people` and `rng` follow the seed_demo convention; the logins are found in the community
    and the recorded geocoder is deterministic, so the rng is not needed.
    """
    geocoder = configured_geocoder()
    everyone = {p.pk: p for p in people}
    everyone.update({p.pk: p for p in community.people.select_related("community")})
    return sum(geocode_person(person, geocoder) is not None for person in everyone.values())
