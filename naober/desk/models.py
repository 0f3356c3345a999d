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
