"""The geocoder protocol and address normalisation shared by all implementations."""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol, runtime_checkable

#: (x, y) in the Dutch RD New grid (EPSG:28992), metres. Distances are plain Euclidean.
Coordinates = tuple[float, float]

_POSTCODE = re.compile(r"\b(\d{4})\s*([a-z]{2})\b")
_SPACES = re.compile(r"\s+")


def normalise_address(address: str) -> str:
    """A canonical form of an address, used as the key of recorded answers.

    Lower case, Unicode NFKC, commas to spaces, single spaces, postcode without its space, so
    that the ways a coordinator types the same address land on one key.

    >>> normalise_address("  Hoofdstraat 1,  7901 AB  Hoogeveen ")
    'hoofdstraat 1 7901ab hoogeveen'
    """
    text = unicodedata.normalize("NFKC", address).lower().replace(",", " ")
    text = _SPACES.sub(" ", text).strip()
    return _POSTCODE.sub(r"\1\2", text)


@runtime_checkable
class Geocoder(Protocol):
    """Anything that turns an address into RD coordinates, or None when it cannot."""

    def geocode(self, address: str) -> Coordinates | None:  # pragma: no cover - protocol
        ...
