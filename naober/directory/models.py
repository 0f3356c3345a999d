"""The social map (sociale kaart) and referrals to and from the organisations on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.people.models import LifeDomain, Person


class LifeDomainsMixin:
    """Readable labels for the life-domain codes stored as a JSON list."""

    @property
    def life_domain_labels(self) -> list[str]:
        labels = dict(LifeDomain.choices)
        return [str(labels[code]) for code in self.life_domains if code in labels]


class OrganisationKind(models.TextChoices):
    WELFARE = "welfare", _("welfare organisation")
    HEALTH = "health", _("GP or health care")
    MUNICIPALITY = "municipality", _("municipality (Wmo desk)")
    HOUSING = "housing", _("housing corporation")
    POLICE = "police", _("police")
    VOLUNTEERS = "volunteers", _("volunteer organisation")
    ASSOCIATION = "association", _("church or association")
    OTHER = "other", _("other")


class Organisation(LifeDomainsMixin, models.Model):
    """An organisation residents can be referred to, with how to reach it and for whom it is."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(
        _("kind of organisation"),
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.OTHER,
    )
    description = models.TextField(_("what they do"), max_length=2000, blank=True)
    for_whom = models.CharField(_("for whom"), max_length=300, blank=True)
    where = models.CharField(
        _("where"),
        max_length=200,
        blank=True,
        help_text=_("The village, neighbourhood or town where they work."),
    )
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    address = models.CharField(_("visiting address"), max_length=200, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    active = models.BooleanField(_("still active"), default=True)
    # Dutch word stems of name, description and services, kept up to date by the services, so
    # that "tuin" finds "tuinieren" on SQLite as well as on PostgreSQL.
    search_stems = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="organisation_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Service(LifeDomainsMixin, models.Model):
    """One thing an organisation offers: a consultation hour, a course, a food parcel."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("what it is"), max_length=2000, blank=True)
    for_whom = models.CharField(_("for whom"), max_length=300, blank=True)
    where = models.CharField(_("where"), max_length=200, blank=True)
    how_to_reach = models.CharField(_("how to reach them"), max_length=300, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Direction(models.TextChoices):
    OUT = "out", _("referred to an organisation")
    IN = "in", _("referred to us by a professional")


class Source(models.TextChoices):
    REQUEST = "request", _("a help request")
    SIGNAL = "signal", _("a signal")
    VISIT = "visit", _("a house visit")
    PARTNER = "partner", _("a professional")
    COORDINATOR = "coordinator", _("a coordinator")


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("to be sent")
    SENT = "sent", _("sent")
    ACCEPTED = "accepted_by_org", _("accepted")
    COMPLETED = "completed", _("completed")
    DECLINED = "declined", _("declined")
    NO_RESPONSE = "no_response", _("no response")


class Referral(models.Model):
    """A resident referred out to an organisation, or in to the buurthulp by a professional."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="referrals")
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("resident")
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        verbose_name=_("organisation"),
    )
    help_request = models.ForeignKey(
        "exchange.HelpRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    source = models.CharField(_("came from"), max_length=20, choices=Source.choices)
    referred_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_made",
        verbose_name=_("referred by"),
    )
    need = models.TextField(_("what help is needed"), max_length=2000, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.PROPOSED,
    )
    outcome = models.TextField(_("outcome (for coordinators only)"), max_length=2000, blank=True)
    feedback = models.CharField(
        _("message for the person who referred"),
        max_length=500,
        blank=True,
        help_text=_("Short and without private details: the referrer reads this."),
    )
    created_at = models.DateTimeField(_("referred on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.person}"


class ReferralEvent(models.Model):
    """One status change of a referral: who, when, from which status to which, and why."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=20, blank=True, choices=ReferralStatus.choices)
    to_status = models.CharField(max_length=20, choices=ReferralStatus.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"
