from django.db import migrations, models


class Migration(migrations.Migration):
    """The requester's consent to show a request on the public community page (issue 12.7).
    Existing requests stay off the public page: nobody was asked."""

    dependencies = [
        ("exchange", "0004_match_yes_of_both_sides"),
    ]

    operations = [
        migrations.AddField(
            model_name="helprequest",
            name="publish",
            field=models.BooleanField(
                default=False,
                help_text="The requester agreed: the title and first name, never the address or street.",
                verbose_name="show on the public page",
            ),
        ),
    ]
