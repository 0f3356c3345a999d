"""Volunteers: agreement, certificate of conduct (VOG), trainings, limits, load and appreciation.

Volunteers who are never asked drop out, and volunteers who do too much burn out (seed 001): the
profile holds what a coordinator needs to see both coming.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.people.models import Person


class VolunteeringSettings(models.Model):
    """Per-community rules for volunteers, kept here so the Community model stays small."""

    community = models.OneToOneField(
        Community, on_delete=models.CASCADE, related_name="volunteering_settings"
    )
    vog_max_age_months = models.PositiveSmallIntegerField(
        _("a certificate of conduct is valid for (months)"), default=36
    )
    vog_warning_days = models.PositiveSmallIntegerField(
        _("warn this many days before it is too old"), default=60
    )

    class Meta:
        verbose_name = _("volunteer rules")
        verbose_name_plural = _("volunteer rules")

    def __str__(self) -> str:
        return str(self.community)


class VolunteerProfile(models.Model):
    """One volunteer's paperwork and limits."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="volunteer_profiles"
    )
    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    agreement_signed_on = models.DateField(
        _("volunteer agreement signed on"), null=True, blank=True
    )
    vog_issued_on = models.DateField(_("certificate of conduct (VOG) dated"), null=True, blank=True)
    insurance_note = models.CharField(_("insurance"), max_length=200, blank=True)
    will_not_do = models.CharField(_("what I will not do"), max_length=300, blank=True)
    max_per_month = models.PositiveSmallIntegerField(
        _("at most this many times a month"), default=4
    )
    availability = models.CharField(_("when I am available"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        ordering = ["person__name", "id"]

    def __str__(self) -> str:
        return self.person.name


class Training(models.Model):
    profile = models.ForeignKey(
        VolunteerProfile, on_delete=models.CASCADE, related_name="trainings"
    )
    name = models.CharField(_("training"), max_length=120)
    held_on = models.DateField(_("date"))

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.name


class AppreciationKind(models.TextChoices):
    THANK_YOU = "thank_you", _("a thank-you")
    GIFT = "gift", _("a small gift")
    MEETING = "meeting", _("came to a volunteer meeting")


class Appreciation(models.Model):
    """A thank-you, a gift or a meeting attended: appreciation that is recorded is not forgotten."""

    profile = models.ForeignKey(
        VolunteerProfile, on_delete=models.CASCADE, related_name="appreciations"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AppreciationKind.choices)
    given_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(
        Person, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.given_on}"
