"""Which geocoder turns an address into coordinates, chosen by the GEOCODER setting.

- ``"recorded"`` (default, demo and tests: no internet): ``StreetGeocoder`` over the JSON file
  GEOCODER_RECORDED_FILE, which holds one RD point per demo street ("Krakeelweg, Hoogeveen").
  A house number moves the point a little along the street and to the odd or even side, so
  neighbours on one street get distinct, plausible points, always the same for the same address.
- ``"pdok"`` (production): ``naober.geocoding.PdokGeocoder``, the free PDOK Locatieserver.
"""

import re
from functools import lru_cache

from django.conf import settings

from naober.geocoding import Coordinates, PdokGeocoder, RecordedGeocoder, normalise_address

#: "Krakeelweg 17a hoogeveen" -> street, number, rest (the place).
_ADDRESS = re.compile(r"^(?P<street>.*?\D)\s+(?P<number>\d{1,5})\s*[a-z]?\b\s*(?P<rest>.*)$")
STEP_M, SIDE_M = 6.0, 9.0  # metres per house number along the street; odd/even side offset


class StreetGeocoder:
    """Street points plus a deterministic offset per house number (see the module docstring).

    >>> g = StreetGeocoder(RecordedGeocoder({"Weg, Dorp": [1000, 2000]}))
    >>> g.geocode("Weg 3, Dorp"), g.geocode("Weg 4, Dorp"), g.geocode("Pad 1, Dorp")
    ((1018.0, 2009.0), (1024.0, 1991.0), None)
    """

    def __init__(self, streets: RecordedGeocoder) -> None:
        self.streets = streets

    def geocode(self, address: str) -> Coordinates | None:
        match = _ADDRESS.match(normalise_address(address or ""))
        if match is None:
            return self.streets.geocode(address or "")
        point = self.streets.geocode(f"{match['street']} {match['rest']}")
        if point is None:
            return None
        number = int(match["number"])
        side = SIDE_M if number % 2 else -SIDE_M
        return (point[0] + STEP_M * number, point[1] + side)


@lru_cache(maxsize=4)
def _recorded(path: str) -> StreetGeocoder:
    return StreetGeocoder(RecordedGeocoder.from_file(path))


def configured_geocoder():
    """The geocoder the settings ask for."""
    if settings.GEOCODER == "pdok":
        return PdokGeocoder(base_url=settings.GEOCODER_PDOK_URL)
    if settings.GEOCODER == "recorded":
        return _recorded(settings.GEOCODER_RECORDED_FILE)
    raise ValueError(f"GEOCODER must be 'recorded' or 'pdok', not {settings.GEOCODER!r}")
