"""The help exchange: categories, requests (hulpvragen) and offers (hulpaanbod)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.people.models import Person


class CategoryKind(models.TextChoices):
    PRACTICAL = "practical", _("practical help")
    COMPANY = "company", _("company and going along")
    COACHING = "coaching", _("coaching towards a wider network")


class Category(models.Model):
    """A kind of help. Out-of-scope categories lead to a referral instead of publication."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="categories")
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("name (Dutch)"), max_length=80)
    label_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CategoryKind.choices)
    in_scope = models.BooleanField(
        _("neighbours can help with this"),
        default=True,
        help_text=_("When off, a request is referred to a professional organisation instead."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["community", "code"], name="category_unique_code")
        ]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        """The label in the reader's language (Dutch is the community's own wording)."""
        if translation.get_language() == "en" and self.label_en:
            return self.label_en
        return self.label


class Channel(models.TextChoices):
    WEB = "web", _("website")
    PHONE = "phone", _("phone")
    WALK_IN = "walk_in", _("walk-in hours")
    NOTICE_BOARD = "notice_board", _("notice board")
    HOUSE_VISIT = "house_visit", _("house visit")
    REFERRAL = "referral", _("referral by a professional")


class Urgency(models.TextChoices):
    LOW = "low", _("no hurry")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("urgent")


class Recurrence(models.TextChoices):
    ONE_OFF = "one_off", _("once")
    RECURRING = "recurring", _("more often")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("open")
    MATCHED = "matched", _("helper found")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")
    REFERRED = "referred", _("referred")
    WAITING_LIST = "waiting_list", _("on the waiting list")


class HelpRequest(models.Model):
    """A request for help, posted online or entered by a coordinator from any channel."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="requests")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="requests")
    title = models.CharField(_("what do you need help with?"), max_length=120)
    description = models.TextField(_("tell a bit more"), max_length=4000, blank=True)
    channel = models.CharField(
        _("how did the request come in?"), max_length=20, choices=Channel.choices,
        default=Channel.WEB,
    )
    urgency = models.CharField(
        _("how urgent"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    needs_mediation = models.BooleanField(_("a coordinator arranges the match"), default=False)
    recurrence = models.CharField(
        _("once or more often"), max_length=10, choices=Recurrence.choices,
        default=Recurrence.ONE_OFF,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    entered_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "status", "created_at"])]

    def __str__(self) -> str:
        return self.title


class HelpOffer(models.Model):
    """A standing offer of help by a neighbour."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="offers")
    helper = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="offers")
    categories = models.ManyToManyField(Category, related_name="offers", verbose_name=_("kinds of help"))
    description = models.TextField(_("what can you do?"), max_length=4000)
    available = models.BooleanField(_("available now"), default=True)
    max_per_month = models.PositiveSmallIntegerField(_("at most this many times a month"), default=2)
    created_at = models.DateTimeField(_("offered on"), auto_now_add=True)

    class Meta:
        verbose_name = _("help offer")
        verbose_name_plural = _("help offers")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "available", "created_at"])]

    def __str__(self) -> str:
        return self.description[:60]
