"""Tenancy: a Community is one buurthulp project; every row a community owns points to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SelfSignup(models.TextChoices):
    CLOSED = "closed", _("no, only the coordinators register people")
    APPROVAL = "approval", _("yes, after a coordinator approves")
    OPEN = "open", _("yes, straight away")


class Community(models.Model):
    """One neighbourhood help project (a tenant). Its slug appears in every URL it owns."""

    slug = models.SlugField(_("short name in web addresses"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    municipality = models.CharField(_("municipality"), max_length=120)
    response_deadline_hours = models.PositiveIntegerField(
        _("answer every request within (hours)"),
        default=48,
        help_text=_(
            "Every request gets an answer within this time. Mondenzorg(t) promises two days."
        ),
    )
    phone = models.CharField(
        _("help desk phone number"),
        max_length=20,
        blank=True,
        help_text=_("The number residents call. It appears at the bottom of every page."),
    )
    email = models.EmailField(_("help desk e-mail address"), blank=True)
    opening_hours = models.CharField(
        _("opening hours of the phone"),
        max_length=200,
        blank=True,
        help_text=_("For example: Monday to Friday 10:00 to 12:00."),
    )
    outside_hours = models.CharField(
        _("outside those hours"),
        max_length=200,
        blank=True,
        help_text=_("What a caller gets outside the opening hours, for example: the voicemail."),
    )
    self_signup = models.CharField(
        _("residents sign up themselves"),
        max_length=10,
        choices=SelfSignup.choices,
        default=SelfSignup.CLOSED,
    )
    house_rules = models.TextField(
        _("house rules"),
        blank=True,
        help_text=_("The rules every member accepts when they join."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WalkInPoint(models.Model):
    """A place where residents can walk in with a question, with its own hours."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="walk_in_points"
    )
    name = models.CharField(_("place"), max_length=120)
    address = models.CharField(_("address"), max_length=200)
    hours = models.CharField(_("hours"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("walk-in point")
        verbose_name_plural = _("walk-in points")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class AreaKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    DISTRICT = "district", _("district")
    NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")
    STREET = "street", _("street")
    VILLAGE = "village", _("village")


class Area(models.Model):
    """A place in the tree municipality > district > neighbourhood > street or village."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="areas")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AreaKind.choices)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "parent", "name"], name="area_unique_name_per_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Area"]:
        """This area and every area above it, nearest first (a few steps: the tree is shallow)."""
        chain, node = [], self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def nearest(self, *kinds: str) -> "Area | None":
        """The closest area of one of these kinds at or above this one."""
        return next((a for a in self.ancestors() if a.kind in kinds), None)

    @property
    def public_label(self) -> str:
        """Street or village, the most a stranger may learn about where someone lives."""
        return self.name


class Role(models.TextChoices):
    RESIDENT = "resident", _("resident")
    VOLUNTEER = "volunteer", _("volunteer")
    COORDINATOR = "coordinator", _("coordinator")
    CORE_GROUP = "core_group", _("core group member")
    PARTNER = "partner", _("partner professional")
    FUNDER = "funder", _("funder or municipality")
    ADMIN = "admin", _("administrator")


class Membership(models.Model):
    """A person holds a role in the community they belong to; one row per role."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["person", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"
