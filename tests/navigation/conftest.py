"""The full world of the security probes, for walking every link as every role."""

import pytest

from tests.security.world import build_world


@pytest.fixture
def world(db):
    return build_world("wijk", "Buurthulp De Wijk", seed=1)
