"""Fixtures of the privacy and isolation probes: two full communities ("wijk" and "elders")."""

import pytest

from tests.security.world import build_world


@pytest.fixture
def worlds(db):
    """Both communities, filled by every installed app; `worlds["wijk"]` is the one probed."""
    return {
        "wijk": build_world("wijk", "Buurthulp De Wijk", seed=1),
        "elders": build_world("elders", "Burenhulp Elders", seed=2),
    }
