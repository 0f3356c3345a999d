"""The production settings protect by default; only the test settings (pytest's) relax them."""

import os
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production(monkeypatch, tmp_path):
    """naober/settings.py read afresh in this (pytest) process, nothing set in the environment."""
    for name in ("DEBUG", "RATE_LIMITS_ENABLED", "REQUIRE_2FA_FOR_STAFF", "ACCESS_LOG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NAOBER_VAR_DIR", str(tmp_path))
    return runpy.run_path(str(ROOT / "naober/settings.py"))


def test_production_settings_have_rate_limits_and_two_factor_on(production):
    assert production["TESTING"] is False
    assert production["RATE_LIMITS_ENABLED"] is True
    assert production["REQUIRE_2FA_FOR_STAFF"] is True
    assert production["LOGGING"]["loggers"]["naober.access"]["level"] == "INFO"


def test_the_tests_run_on_the_test_settings():
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "naober.settings_test"
    assert settings.TESTING and not settings.RATE_LIMITS_ENABLED


def test_the_wsgi_entry_point_refuses_the_test_settings():
    with pytest.raises(ImproperlyConfigured):
        runpy.run_path(str(ROOT / "naober/wsgi.py"))
