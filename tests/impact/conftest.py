"""The statement bank comes from a data migration; a browser test's flush removes it, so every
impact test makes sure it is there."""

import pytest

from naober.impact.bank import statement_bank


@pytest.fixture(autouse=True)
def bank(db):
    return statement_bank()
