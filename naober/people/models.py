"""Residents. A Person need not have a login, an email address or a phone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Area, Community
from naober.people.phone import normalise


class LifeDomain(models.TextChoices):
    """The five life domains of the house-visit conversation (Zuid voor Elkaar)."""

    SURROUNDINGS = "surroundings", _("my surroundings")
    ACTIVITIES = "activities", _("activities important to me")
    CONTACTS = "contacts", _("contacts important to me")
    HEALTH = "health", _("my health and the care I value")
    LIFESTYLE = "lifestyle", _("my lifestyle")


class ContactChannel(models.TextChoices):
    EMAIL = "email", _("email")
    SMS = "sms", _("text message (SMS)")
    PHONE = "phone", _("phone call")
    LETTER = "letter", _("letter by post")
    VIA_COORDINATOR = "via_coordinator", _("through the coordinator")


class Gender(models.TextChoices):
    UNKNOWN = "", _("not given")
    FEMALE = "female", _("woman")
    MALE = "male", _("man")
    OTHER = "other", _("other")


class Person(models.Model):
    """A resident of one community; `user` links a login when the person has one."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    name = models.CharField(_("name"), max_length=120)
    public_name = models.CharField(
        _("name others may see"),
        max_length=60,
        blank=True,
        help_text=_("First name or initial. Empty means the first word of the name."),
    )
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    # The phone number's digits ("0612345678" for "+31 6-12 34 56 78"), kept by save(): the desk
    # finds a caller by number in the database instead of reading every resident (issue 16).
    phone_digits = models.CharField(max_length=30, blank=True, editable=False)
    email = models.EmailField(_("email address"), blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
        verbose_name=_("street or village"),
    )
    reachable_via_coordinator = models.BooleanField(
        _("reachable only through the coordinator"), default=False
    )
    preferred_channel = models.CharField(
        _("how we contact this person"),
        max_length=20,
        choices=ContactChannel.choices,
        default=ContactChannel.PHONE,
    )
    digital = models.BooleanField(_("uses the internet"), default=False)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    vulnerable = models.BooleanField(
        _("needs extra care"),
        default=False,
        help_text=_("Requests of this person always go through a coordinator."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        # The people list, by name, without sorting a city's 100,000 rows (bench/city_pages.py).
        indexes = [
            models.Index(fields=["community", "name"], name="person_by_name"),
            # An incoming call finds its caller by the exact number.
            models.Index(fields=["community", "phone_digits"], name="person_by_phone"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"],
                condition=models.Q(user__isnull=False),
                name="person_one_per_user_per_community",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """Every way a phone number is written (services, erasure, admin) keeps its digits."""
        self.phone_digits = normalise(self.phone)
        fields = kwargs.get("update_fields")
        if fields is not None and "phone" in fields:
            kwargs["update_fields"] = {*fields, "phone_digits"}
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        """What neighbours see: the chosen public name, else the first word of the name."""
        if self.public_name:
            return self.public_name
        return (self.name.split() or ["?"])[0]

    @property
    def public_place(self) -> str:
        """Street, village or neighbourhood: never the house number."""
        return self.area.public_label if self.area_id else ""

    @property
    def role_codes(self) -> list[str]:
        return sorted(m.role for m in self.memberships.all())


class Tag(models.Model):
    """A talent or need label, linked to one of the five life domains."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="tags")
    label = models.CharField(_("label"), max_length=80)
    life_domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)

    class Meta:
        verbose_name = _("tag")
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["community", "label"], name="tag_unique_label")
        ]

    def __str__(self) -> str:
        return self.label


class PersonTag(models.Model):
    class Kind(models.TextChoices):
        TALENT = "talent", _("talent")
        NEED = "need", _("need")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tags")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="people")
    kind = models.CharField(_("talent or need"), max_length=10, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "tag", "kind"], name="persontag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.tag} ({self.get_kind_display()})"


class ConsentPurpose(models.TextChoices):
    CONTACT = "contact", _("being contacted")
    MATCHING = "matching", _("being matched with a neighbour")
    VISIT_NOTES = "visit_notes", _("keeping notes of the house visit")
    MEDIA = "media", _("photos and quotes")


class ConsentMethod(models.TextChoices):
    SPOKEN = "spoken", _("said out loud")
    PAPER = "paper", _("on paper")
    ONLINE = "online", _("online")


class Consent(models.Model):
    """One recorded yes or no for one purpose. The newest record per purpose counts.

    Records are never edited: a change of mind is a new record, so the history shows who wrote down
    what, when and how.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("agrees"))
    method = models.CharField(_("how"), max_length=10, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("consent")
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.granted}"
