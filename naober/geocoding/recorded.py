"""Geocoders that replay or record answers, so the demo and the tests run without internet."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from os import PathLike
from pathlib import Path

from .base import Coordinates, Geocoder, normalise_address


def _as_coordinates(value: object) -> Coordinates | None:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    try:
        x, y = float(value[0]), float(value[1])
    except (TypeError, ValueError):
        return None
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


class RecordedGeocoder:
    """Answers from recorded data: ``{address: [x, y]}`` (addresses are normalised on load, so
    the file may hold them as typed). Unknown addresses and malformed entries answer None.

    >>> recorded = RecordedGeocoder({"Dorpsstraat 1, Roggel": [190000, 360000]})
    >>> recorded.geocode("dorpsstraat 1 roggel")
    (190000.0, 360000.0)
    """

    def __init__(self, answers: Mapping[str, object]) -> None:
        self._answers: dict[str, Coordinates] = {}
        for address, value in answers.items():
            coords = _as_coordinates(value)
            if coords is not None:
                self._answers[normalise_address(address)] = coords

    @classmethod
    def from_file(cls, path: str | PathLike[str]) -> RecordedGeocoder:
        """Load a JSON object file of recorded answers."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a JSON object of address -> [x, y]")
        return cls(data)

    def __len__(self) -> int:
        return len(self._answers)

    def geocode(self, address: str) -> Coordinates | None:
        return self._answers.get(normalise_address(address))


class RecordingGeocoder:
    """Wraps a geocoder and keeps every answer it gives, to write a file for ``RecordedGeocoder``
    (record once where there is internet, replay everywhere else)."""

    def __init__(self, inner: Geocoder) -> None:
        self.inner = inner
        self.answers: dict[str, list[float]] = {}

    def geocode(self, address: str) -> Coordinates | None:
        coords = self.inner.geocode(address)
        if coords is not None:
            self.answers[normalise_address(address)] = [coords[0], coords[1]]
        return coords

    def save(self, path: str | PathLike[str]) -> None:
        """Write the recorded answers as JSON, sorted for stable diffs."""
        text = json.dumps(self.answers, indent=2, sort_keys=True, ensure_ascii=False)
        Path(path).write_text(text + "\n", encoding="utf-8")
