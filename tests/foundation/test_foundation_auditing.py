"""The audit trail reached from below privacy (communities.auditing): privacy connects its writer at
start-up, and without it a write fails instead of going unrecorded."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from naober.communities import auditing
from naober.privacy import audit


def test_privacy_connects_its_audit_writer_at_start_up():
    assert auditing._writer is audit


def test_without_the_privacy_app_an_audited_step_fails(monkeypatch):
    monkeypatch.setattr(auditing, "_writer", None)
    with pytest.raises(ImproperlyConfigured):
        auditing.record_change(None, None, "role given: volunteer", ["roles"])
    with pytest.raises(ImproperlyConfigured):
        auditing.record_access_many(None, [], "people list")
