"""The message log: one row per notification, whatever channel carried it.

Every message a person gets from Naober is written here first, so that coordinators can always see
what was sent to whom, on which channel, and whether it arrived.

The Message row is also the outbox of the background worker: it is written in the same
transaction as the change that causes it, carries an idempotency key, and its status says where
delivery stands (see naober/notify/delivery.py).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from naober.communities.models import Community
from naober.people.models import ContactChannel, Person


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    PRINTED = "printed", _("printed")
    HANDED_TO_COORDINATOR = "handed_to_coordinator", _("on the call list")


def new_key() -> str:
    """A fresh idempotency key for a message that has no natural one."""
    return uuid.uuid4().hex


class Message(models.Model):
    """One notification to one person, in their language, on their preferred channel.

    `body` holds the text exactly as it went out on `channel` (the SMS text for SMS, the letter
    text for a letter), so the log shows what the person actually received.
    """

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="messages")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="messages", verbose_name=_("recipient")
    )
    event = models.CharField(_("reason"), max_length=40)
    channel = models.CharField(_("channel"), max_length=20, choices=ContactChannel.choices)
    language = models.CharField(_("language"), max_length=5, default="nl")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=30, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The same key always means the same message: notify() with a known key returns the existing
    # row, and the gateway receives it so that a repeated hand-over is not sent twice.
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=100, unique=True, default=new_key
    )
    # When the next delivery attempt is due (background channels only); the sweep re-queues a
    # message whose task was lost once this lies too far in the past.
    due_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # When a worker took the message for sending; a stale claim means the worker died mid-send.
    claimed_at = models.DateTimeField(_("taken for sending"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    related = models.CharField(_("about"), max_length=60, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent or handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "channel", "status"]),
            models.Index(fields=["community", "person", "created_at"]),
            models.Index(fields=["status", "due_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.person_id} ({self.channel})"

    @property
    def address_lines(self) -> list[str]:
        """The postal address as lines for the envelope window ("Street 1, 1234 AB Town")."""
        return [part.strip() for part in self.person.address.split(",") if part.strip()]


class SmsOutbox(models.Model):
    """What the local SMS stand-in "sent": the demo and the tests read it instead of a phone.

    Kept apart from Message on purpose: it records what reached the gateway, exactly as a real
    gateway would see it (number, sender, text), and nothing else.
    """

    to = models.CharField(pgettext_lazy("recipient", "to"), max_length=30)
    # The idempotency key the message was handed over with: the stand-in, like a real gateway,
    # accepts the same key only once.
    key = models.CharField(_("idempotency key"), max_length=100, unique=True, null=True)
    sender = models.CharField(_("from"), max_length=30)
    text = models.TextField(_("text"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("text message in the outbox")
        verbose_name_plural = _("SMS outbox")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.to}: {self.text[:40]}"


class WorkerBeat(models.Model):
    """A task worker's sign of life, written every few seconds by `manage.py run_worker`.

    Lets another worker reclaim the tasks of a worker that died (kill -9, power cut), and lets the
    readiness check see whether any worker is alive.
    """

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    pid = models.PositiveIntegerField(_("process id"))
    host = models.CharField(_("host"), max_length=100)
    started_at = models.DateTimeField(_("started"))
    seen_at = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}"
