"""What privacy hands to the foundation apps below it at start-up (PrivacyConfig.ready): the audit
trail's writer (communities.auditing) and the two-step login rule (api.second_factor). Without
them an audited step fails and a token is refused, instead of going unrecorded or unchecked."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from naober.api import second_factor
from naober.communities import auditing
from naober.privacy import audit, twofactor


def test_privacy_hands_over_its_writer_and_rule_at_start_up():
    assert auditing._writer is audit
    assert second_factor._twofactor is twofactor


def test_without_the_privacy_app_an_audited_step_fails(monkeypatch):
    monkeypatch.setattr(auditing, "_writer", None)
    with pytest.raises(ImproperlyConfigured):
        auditing.record_change(None, None, "role given: volunteer", ["roles"])
    with pytest.raises(ImproperlyConfigured):
        auditing.record_access_many(None, [], "people list")


def test_without_the_privacy_app_no_token_is_issued(monkeypatch, django_user_model, db):
    user = django_user_model.objects.create_user("gerda", password="geheim-wachtwoord")
    monkeypatch.setattr(second_factor, "_twofactor", None)
    with pytest.raises(ImproperlyConfigured):
        second_factor.check_for_token(user, None)
