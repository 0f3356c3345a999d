"""The message log: one row per notification, whatever channel carried it.

Every message a person gets from Naober is written here first, so that coordinators can always see
what was sent to whom, on which channel, and whether it arrived.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.people.models import ContactChannel, Person


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    PRINTED = "printed", _("printed")
    HANDED_TO_COORDINATOR = "handed_to_coordinator", _("on the call list")


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

    to = models.CharField(_("to"), max_length=30)
    sender = models.CharField(_("from"), max_length=30)
    text = models.TextField(_("text"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("text message in the outbox")
        verbose_name_plural = _("SMS outbox")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.to}: {self.text[:40]}"
