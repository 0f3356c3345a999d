from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("doors", "0001_initial"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="volunteersignup",
            name="person",
        ),
    ]
