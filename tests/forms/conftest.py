"""The full two-community world of the security probes, for the form round trips."""

import pytest

from tests.security.world import build_world


@pytest.fixture
def world(db):
    return build_world("wijk", "Buurthulp De Wijk", seed=1)
