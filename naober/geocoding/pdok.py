"""The PDOK Locatieserver "free" search (https://api.pdok.nl), the Dutch government's open
geocoder: no key, no cost, RD coordinates out of the box (``centroide_rd``).

Only ``urllib`` is used, so the package needs nothing beyond the standard library. Network,
HTTP, JSON and format errors all become ``None``: geocoding is a nicety, never a reason for a page
or a background task to fail.
"""

from __future__ import annotations

import json
import math
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from .base import Coordinates

PDOK_FREE_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"

_POINT = re.compile(
    r"^\s*POINT\s*\(\s*([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+"
    r"([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)


def parse_point(wkt: object) -> Coordinates | None:
    """``"POINT(x y)"`` (WKT, as PDOK writes ``centroide_rd``) to ``(x, y)``; None otherwise.

    >>> parse_point("POINT(121345.5 487123)")
    (121345.5, 487123.0)
    >>> parse_point("POINT(1)") is None
    True
    """
    if not isinstance(wkt, str):
        return None
    match = _POINT.match(wkt)
    if not match:
        return None
    x, y = float(match.group(1)), float(match.group(2))
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    return (x, y)


def parse_pdok_response(payload: Any) -> Coordinates | None:
    """The first document's ``centroide_rd`` of a Locatieserver answer, or None.

    >>> parse_pdok_response({"response": {"numFound": 1, "docs": [
    ...     {"centroide_rd": "POINT(10 20)"}]}})
    (10.0, 20.0)
    """
    if not isinstance(payload, dict):
        return None
    response = payload.get("response")
    if not isinstance(response, dict):
        return None
    docs = response.get("docs")
    if not isinstance(docs, list) or not docs or not isinstance(docs[0], dict):
        return None
    return parse_point(docs[0].get("centroide_rd"))


class PdokGeocoder:
    """Geocoder backed by the PDOK Locatieserver ``free`` endpoint.

    ``base_url`` and ``urlopen`` are injectable so tests can point it at a local server or a fake;
    nothing else about the network is configurable because nothing else needs to be.
    """

    def __init__(
        self,
        base_url: str = PDOK_FREE_URL,
        timeout: float = 5.0,
        urlopen: Callable[..., Any] = urllib.request.urlopen,
    ) -> None:
        if urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
            raise ValueError(f"PDOK base_url must be http(s), got {base_url!r}")
        self.base_url = base_url
        self.timeout = timeout
        self._urlopen = urlopen

    def url_for(self, address: str) -> str:
        """The request URL for an address (``q`` = the address, ``rows=1``)."""
        return f"{self.base_url}?{urllib.parse.urlencode({'q': address, 'rows': 1})}"

    def geocode(self, address: str) -> Coordinates | None:
        """RD coordinates of the best match for ``address``, or None on no result or any error."""
        if not address or not address.strip():
            return None
        request = urllib.request.Request(  # noqa: S310 - scheme checked in __init__
            self.url_for(address.strip()),
            headers={"Accept": "application/json", "User-Agent": "naober-geocoder/1"},
        )
        try:
            with self._urlopen(request, timeout=self.timeout) as response:
                body = response.read()
            payload = json.loads(body)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError):
            # URLError covers HTTP errors, DNS and refused connections; socket timeouts are
            # TimeoutError/OSError; ValueError covers bad JSON and bad encodings.
            return None
        return parse_pdok_response(payload)
