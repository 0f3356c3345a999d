"""Fill the statement bank so every community can build a survey at once."""

from django.db import migrations


def fill(apps, schema_editor):
    from naober.impact.bank import ensure_statement_bank

    ensure_statement_bank(apps.get_model("impact", "Statement"))


class Migration(migrations.Migration):
    dependencies = [("impact", "0001_initial")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
