"""Retention: a dry run reports and changes nothing; a real run empties only expired closed rows."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from naober.exchange.models import Category, HelpRequest
from naober.privacy.models import AuditEntry
from naober.privacy.purge import plan, registered
from naober.privacy.retention import PURGEABLE, Purgeable


@pytest.fixture
def rows(community, person_factory, settings):
    settings.RETENTION_DAYS = 730
    person = person_factory(community)
    category = Category.objects.filter(community=community).first()
    old = timezone.now() - timedelta(days=800)

    def request(status, when, text="Mijn verhaal"):
        row = HelpRequest.objects.create(
            community=community,
            requester=person,
            category=category,
            title=f"{status} vraag",
            description=text,
            status=status,
        )
        HelpRequest.objects.filter(pk=row.pk).update(created_at=when)
        return row

    made = {
        "old_done": request("done", old),
        "old_cancelled": request("cancelled", old),
        "old_open": request("open", old),
        "new_done": request("done", timezone.now() - timedelta(days=10)),
    }
    from naober.outreach.models import HouseVisit

    visitor = person_factory(community, "volunteer")
    made["old_visit"] = HouseVisit.objects.create(
        community=community,
        person=person,
        visitor=visitor,
        outcome="talked",
        visited_on=date.today() - timedelta(days=800),
        notes="Woont alleen",
    )
    made["new_visit"] = HouseVisit.objects.create(
        community=community,
        person=person,
        visitor=visitor,
        outcome="talked",
        visited_on=date.today() - timedelta(days=5),
        notes="Recent",
    )
    return made


def descriptions():
    return dict(HelpRequest.objects.values_list("title", "description"))


def test_registry_covers_exchange_and_outreach():
    models = {entry.model for entry, _model, _fields in registered()}
    assert {"exchange.HelpRequest", "outreach.HouseVisit"} <= models


def test_dry_run_reports_without_changing(rows, capsys):
    before = descriptions()
    counts = {item.model: item.count for item in plan()}
    assert counts["exchange.HelpRequest"] == 2 and counts["outreach.HouseVisit"] == 1
    call_command("purge_expired", "--dry-run")
    out = capsys.readouterr().out
    assert "exchange.HelpRequest: would purge 2 rows" in out
    assert descriptions() == before
    assert not AuditEntry.objects.filter(action="purge").exists()


def test_real_run_purges_only_expired_closed_rows(rows, capsys):
    call_command("purge_expired")
    assert "purged 2 rows" in capsys.readouterr().out
    for key in ("old_done", "old_cancelled"):
        rows[key].refresh_from_db()
        assert rows[key].description == "" and rows[key].title.endswith("vraag")
    for key in ("old_open", "new_done"):
        rows[key].refresh_from_db()
        assert rows[key].description == "Mijn verhaal"
    rows["old_visit"].refresh_from_db()
    rows["new_visit"].refresh_from_db()
    assert rows["old_visit"].notes == "" and rows["new_visit"].notes == "Recent"
    assert HelpRequest.objects.count() == 4
    entry = AuditEntry.objects.get(action="purge", object_type="exchange.helprequest")
    assert entry.actor is None and entry.object_id == "2 rows"
    assert {item.count for item in plan()} == {0}


def test_retention_period_comes_from_settings(rows, settings):
    settings.RETENTION_DAYS = 1000
    assert {item.count for item in plan()} == {0}


@pytest.mark.parametrize(
    "entry",
    [
        Purgeable("outreach.HouseVisits", "visited_on", ("notes",)),
        Purgeable("outreach.HouseVisit", "visited_on", ("note",)),
        Purgeable("outreach.HouseVisit", "visited", ("notes",)),
        Purgeable("outreach.VisitDomain", "visit__visited_on", ("needs",)),  # community_field
        Purgeable("outreach.HouseVisit", "visited_on", ("notes",), closed={"state": "done"}),
    ],
)
def test_a_misspelt_retention_entry_stops_the_start_up(entry, monkeypatch):
    """A misspelt entry would silently keep personal text forever: the privacy app's start-up
    check (PrivacyConfig.ready) refuses it instead of skipping it."""
    from django.apps import apps

    from naober.privacy import retention

    monkeypatch.setattr(retention, "PURGEABLE", [*retention.PURGEABLE, entry])
    with pytest.raises(ImproperlyConfigured, match="retention entry"):
        apps.get_app_config("privacy").ready()


def test_every_declared_retention_entry_is_registered():
    declared = {entry.model for entry in PURGEABLE}
    assert declared <= {entry.model for entry, _model, _fields in registered()}
