"""People's phone numbers as digits, so that the desk searches them in the database (issue 16)."""

import re

from django.db import migrations, models

BATCH = 2_000


def digits(number: str) -> str:
    """naober.people.phone.normalise as it was when this migration was written."""
    found = re.sub(r"[^0-9]", "", number or "")
    if found.startswith("0031"):
        found = "0" + found[4:]
    elif found.startswith("31") and (number or "").lstrip().startswith("+"):
        found = "0" + found[2:]
    return found


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    people = Person.objects.exclude(phone="").only("id", "phone").order_by("pk")
    last = 0
    while batch := list(people.filter(pk__gt=last)[:BATCH]):
        for person in batch:
            person.phone_digits = digits(person.phone)
        Person.objects.bulk_update(batch, ["phone_digits"])
        last = batch[-1].pk
    if schema_editor.connection.vendor == "postgresql":  # every row was rewritten: fresh statistics
        schema_editor.execute("ANALYZE people_person")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_city_list_indexes")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="phone_digits",
            field=models.CharField(blank=True, editable=False, max_length=30),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["community", "phone_digits"], name="person_by_phone"),
        ),
    ]
