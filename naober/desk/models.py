"""The front desk's rows: duty shifts (the rota) and calls (logged by hand or by the telephone)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.people.models import Person


class DutyShift(models.Model):
    """One coordinator answers the desk's phone on one day between two times (local time)."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("coordinator")
    )
    day = models.DateField(_("day"))
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty shifts")
        ordering = ["day", "starts", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gt=models.F("starts")), name="shift_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.starts:%H:%M}-{self.ends:%H:%M}"


class CallSource(models.TextChoices):
    TYPED = "typed", _("written down by the desk")
    TELEPHONE = "telephone", _("recorded by the telephone")


class Call(models.Model):
    """A call to the desk. A call that is a request becomes a request elsewhere; this row keeps
    the calls that are not ("wilde weten of de tuinclub doorgaat") and every ring the telephone
    reports, so the coordinator on duty sees who is calling."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("caller"),
    )
    number = models.CharField(_("phone number"), max_length=30, blank=True)
    # The telephone reported a number we could not read (too long, not a phone number): the ring
    # is still shown, with "the number could not be read", never a number cut in half.
    number_unreadable = models.BooleanField(_("number could not be read"), default=False)
    caller_name = models.CharField(_("name of the caller"), max_length=120, blank=True)
    subject = models.CharField(_("what the call was about"), max_length=500, blank=True)
    source = models.CharField(max_length=10, choices=CallSource.choices, default=CallSource.TYPED)
    provider_id = models.CharField(max_length=100, blank=True)
    at = models.DateTimeField(_("at"))
    taken_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("taken by"),
    )
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-at", "-id"]
        constraints = [
            # The provider may send one ring twice (retries): the same call is recorded once.
            models.UniqueConstraint(
                fields=["community", "provider_id"],
                condition=~models.Q(provider_id=""),
                name="call_once_per_provider_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.caller_name or self.number}"


class CallbackSource(models.TextChoices):
    DESK = "desk", _("promised at the desk")
    PUBLIC = "public", _("asked for on the public page")


class Callback(models.Model):
    """A promise to call someone back, with its own day, so it is a queue and not a note.

    Made at the desk after an intake call ("ik bel u morgen terug"), or asked for by anyone on the
    community's public page ("Bel mij terug": a name, a number and a good time, maybe nobody the
    community knows yet). Open until a coordinator marks it done; the escalation sweep reminds
    the coordinator on duty once on its day (`reminded_at`).
    """

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who to call back"),
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    due_on = models.DateField(_("call back on"))
    good_time = models.CharField(_("a good time to call"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    request = models.ForeignKey(
        "exchange.HelpRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(
        max_length=10, choices=CallbackSource.choices, default=CallbackSource.DESK
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(_("called back at"), null=True, blank=True)
    done_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("call-back")
        verbose_name_plural = _("call-backs")
        ordering = ["due_on", "created_at", "id"]
        indexes = [models.Index(fields=["community", "done_at", "due_on"])]

    def __str__(self) -> str:
        return f"{self.due_on} {self.name or self.person_id}"

    @property
    def who(self) -> str:
        return self.person.name if self.person_id and self.person else self.name
