"""Address -> Dutch RD New coordinates (metres), with no Django in sight.

- ``Geocoder``: the protocol the rest of Naober depends on (``geocode(address) -> (x, y) | None``).
- ``PdokGeocoder``: the public PDOK Locatieserver (free, no key), over ``urllib``.
- ``RecordedGeocoder``: answers from a JSON file of recorded answers, for the demo and tests
  (the demo and CI have no internet).
- ``RecordingGeocoder``: wraps another geocoder and keeps its answers, to make such a file.

Every geocoder returns ``None`` instead of raising when it has no answer: a missing coordinate is
normal (people without a fixed address, typos, an outage) and the matching engine falls back to
the area path (same street, neighbourhood, district).
"""

from .base import Coordinates, Geocoder, normalise_address
from .pdok import PDOK_FREE_URL, PdokGeocoder, parse_pdok_response, parse_point
from .recorded import RecordedGeocoder, RecordingGeocoder

__all__ = [
    "PDOK_FREE_URL",
    "Coordinates",
    "Geocoder",
    "PdokGeocoder",
    "RecordedGeocoder",
    "RecordingGeocoder",
    "normalise_address",
    "parse_pdok_response",
    "parse_point",
]
