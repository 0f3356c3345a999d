"""The message log becomes the worker's outbox: idempotency keys, claim and due times, beats.

Existing messages get a fresh key each (added nullable, filled, then made unique and required).
"""

import uuid

from django.db import migrations, models

import naober.notify.models


def give_every_message_a_key(apps, schema_editor):
    Message = apps.get_model("notify", "Message")
    for pk in Message.objects.filter(idempotency_key__isnull=True).values_list("pk", flat=True):
        Message.objects.filter(pk=pk).update(idempotency_key=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="WorkerBeat",
            fields=[
                (
                    "worker_id",
                    models.CharField(
                        max_length=64, primary_key=True, serialize=False, verbose_name="worker"
                    ),
                ),
                ("pid", models.PositiveIntegerField(verbose_name="process id")),
                ("host", models.CharField(max_length=100, verbose_name="host")),
                ("started_at", models.DateTimeField(verbose_name="started")),
                ("seen_at", models.DateTimeField(db_index=True, verbose_name="last seen")),
            ],
            options={
                "verbose_name": "task worker",
                "verbose_name_plural": "task workers",
            },
        ),
        migrations.AddField(
            model_name="message",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="taken for sending"),
        ),
        migrations.AddField(
            model_name="message",
            name="due_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="next attempt"),
        ),
        migrations.AddField(
            model_name="message",
            name="idempotency_key",
            field=models.CharField(max_length=100, null=True, verbose_name="idempotency key"),
        ),
        migrations.RunPython(give_every_message_a_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="message",
            name="idempotency_key",
            field=models.CharField(
                default=naober.notify.models.new_key,
                max_length=100,
                unique=True,
                verbose_name="idempotency key",
            ),
        ),
        migrations.AddField(
            model_name="smsoutbox",
            name="key",
            field=models.CharField(
                max_length=100, null=True, unique=True, verbose_name="idempotency key"
            ),
        ),
        migrations.AlterField(
            model_name="message",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "waiting"),
                    ("sending", "being sent"),
                    ("sent", "sent"),
                    ("failed", "failed"),
                    ("printed", "printed"),
                    ("handed_to_coordinator", "on the call list"),
                ],
                default="queued",
                max_length=30,
                verbose_name="status",
            ),
        ),
        migrations.AddIndex(
            model_name="message",
            index=models.Index(fields=["status", "due_at"], name="notify_mess_status_1e55a2_idx"),
        ),
    ]
