"""Call-outs: one request sent out to several helpers, and each helper's ask and answer."""

from datetime import time

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.exchange.models import HelpOffer, HelpRequest, Match
from naober.people.models import Person


class ReachSettings(models.Model):
    """A community's rules for call-outs. A community without a row uses the defaults."""

    community = models.OneToOneField(
        Community, on_delete=models.CASCADE, related_name="reach_settings"
    )
    self_service = models.BooleanField(
        _("residents may send their own request out to fitting neighbours"), default=False
    )
    asks_per_week = models.PositiveSmallIntegerField(
        _("ask one helper at most this often per week"), default=2
    )
    quiet_from = models.TimeField(_("no text messages from"), default=time(21, 0))
    quiet_until = models.TimeField(_("no text messages until"), default=time(8, 0))

    def __str__(self) -> str:
        return str(self.community)


class HelperLimit(models.Model):
    """A helper's own limit: at most this many call-outs per week (0: never ask me)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="reach_limit")
    asks_per_week = models.PositiveSmallIntegerField(_("ask me at most this often per week"))

    def __str__(self) -> str:
        return f"{self.person_id}: {self.asks_per_week}"


class Callout(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="callouts")
    sent_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    match = models.ForeignKey(Match, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["community", "request"])]

    def __str__(self) -> str:
        return f"callout {self.pk} ({self.request_id})"


class Answer(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")


class Ask(models.Model):
    """One helper asked about one request. A helper is asked at most once per request."""

    callout = models.ForeignKey(Callout, on_delete=models.CASCADE, related_name="asks")
    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(HelpOffer, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=20)
    reply_code = models.CharField(max_length=4)
    answer = models.CharField(max_length=3, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    won = models.BooleanField(default=False)
    # An SMS ask made in the community's quiet hours waits for the morning (tasks.send_waiting).
    waiting = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="reach_ask_once"),
        ]
        indexes = [models.Index(fields=["person", "created_at"])]

    def __str__(self) -> str:
        return f"ask {self.pk} ({self.person_id})"
