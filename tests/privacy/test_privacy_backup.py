"""Backup and restore of the SQLite database round-trip a seeded community."""

import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from naober.people.models import Person


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(community, person_factory, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL uses pg_dump and pg_restore (docs/operations.md)")
    keep = person_factory(community, "coordinator", name="Anna Bewaard")
    person_factory(community, name="Bert Blijft")
    target = tmp_path / "naober.sqlite3"
    call_command("backup", str(target))
    with sqlite3.connect(target) as copy:
        names = {row[0] for row in copy.execute("SELECT name FROM people_person")}
    assert {"Anna Bewaard", "Bert Blijft"} <= names
    with pytest.raises(CommandError):
        call_command("backup", str(target))  # no silent overwrite
    Person.objects.filter(name="Bert Blijft").delete()
    Person.objects.filter(pk=keep.pk).update(name="Veranderd")
    with pytest.raises(CommandError):
        call_command("restore", str(target))  # refuses without --force
    call_command("restore", str(target), "--force")
    assert set(Person.objects.values_list("name", flat=True)) >= {"Anna Bewaard", "Bert Blijft"}
    assert Person.objects.get(pk=keep.pk).memberships.get().role == "coordinator"


def test_restore_refuses_a_file_that_is_not_a_database(tmp_path, db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    bogus = tmp_path / "x.sqlite3"
    bogus.write_text("not a database")
    with pytest.raises(CommandError):
        call_command("restore", str(bogus), "--force")
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "missing.sqlite3"), "--force")
